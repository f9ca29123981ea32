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
  ],
}
