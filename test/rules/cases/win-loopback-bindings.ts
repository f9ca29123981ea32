import {WIN_VIP, windowsFacts, windowsWith} from '../../helpers/windows-facts.js'
import type {RuleCases} from '../../helpers/rule-tester.js'

export const cases: RuleCases = {
  valid: [
    {name: 'only IPv4 bound', facts: windowsFacts(), inputs: {vips: [WIN_VIP]}},
    {
      name: 'IPv6 may stay bound while there is an IPv6 VIP',
      facts: windowsWith((w) => {
        w.bindings[1] = {...w.bindings[1]!, enabled: true}
        w.winAddresses.push({index: 12, alias: 'LB-Loopback', family: 'inet6', address: '2001:db8::10', prefixLength: 128})
      }),
      inputs: {vips: [WIN_VIP, '2001:db8::10']},
    },
  ],
  invalid: [
    {
      name: 'Client for Microsoft Networks still bound',
      facts: windowsWith((w) => {
        w.bindings[2] = {...w.bindings[2]!, enabled: true}
      }),
      inputs: {vips: [WIN_VIP]},
      failing: [WIN_VIP],
      messageIncludes: 'Client for Microsoft Networks',
      fixIncludes: ['Disable-NetAdapterBinding -Name LB-Loopback -ComponentID ms_msclient'],
    },
    {
      name: 'Windows 2003: File and Printer Sharing still bound, as the registry shows it, fixed by hand',
      facts: windowsWith((w) => {
        w.windowsOs = {caption: 'Microsoft Windows', version: '5.2.3790'}
        w.bindings = [
          {alias: 'LB-Loopback', componentId: 'ms_tcpip', displayName: 'Internet Protocol (TCP/IP)', enabled: true},
          {alias: 'LB-Loopback', componentId: 'ms_msclient', displayName: 'Client for Microsoft Networks', enabled: false},
          {alias: 'LB-Loopback', componentId: 'ms_server', displayName: 'File and Printer Sharing for Microsoft Networks', enabled: true},
        ]
      }),
      inputs: {vips: [WIN_VIP]},
      failing: [WIN_VIP],
      messageIncludes: 'File and Printer Sharing for Microsoft Networks',
      fixIncludes: ['rem By hand: in Network Connections, open the Properties of LB-Loopback and untick "File and Printer Sharing for Microsoft Networks"', 'ncpa.cpl'],
    },
  ],
}
