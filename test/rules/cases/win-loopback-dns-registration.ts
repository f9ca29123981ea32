import {WIN_VIP, windowsFacts, windowsWith} from '../../helpers/windows-facts.js'
import type {RuleCases} from '../../helpers/rule-tester.js'

export const cases: RuleCases = {
  valid: [{name: 'registration off on the loopback (the NIC may register)', facts: windowsFacts(), inputs: {vips: [WIN_VIP]}}],
  invalid: [
    {
      name: 'registration on (the default after adding the adapter)',
      facts: windowsWith((w) => {
        w.dnsClients[1] = {...w.dnsClients[1]!, registerThisConnectionsAddress: true}
      }),
      inputs: {vips: [WIN_VIP]},
      failing: [WIN_VIP],
      fixIncludes: ['Set-DnsClient -InterfaceIndex 12 -RegisterThisConnectionsAddress $false'],
    },
    {
      name: 'Windows 2003: FullDNSRegistrationEnabled on (wmic), fixed with netsh interface ip',
      facts: windowsWith((w) => {
        w.windowsOs = {caption: 'Microsoft Windows', version: '5.2.3790'}
        w.dnsClients = [{alias: 'LB-Loopback', registerThisConnectionsAddress: true, setting: 'FullDNSRegistrationEnabled'}]
      }),
      inputs: {vips: [WIN_VIP]},
      failing: [WIN_VIP],
      fixIncludes: ['netsh interface ip set dns name=LB-Loopback source=static addr=none register=none'],
    },
  ],
}
