import {address, ethernet, hostFacts, loopback} from '../../helpers/host-facts.js'
import type {RuleCases} from '../../helpers/rule-tester.js'
import {WIN_VIP, windowsFacts, windowsWith} from '../../helpers/windows-facts.js'

const VIP = '198.51.100.10'

export const cases: RuleCases = {
  valid: [
    {name: 'the VIP is on no interface', facts: hostFacts(), inputs: {vips: [VIP], mode: 'nat'}},
    {name: 'Windows: no loopback VIP', facts: windowsWith((w) => void w.winAddresses.splice(1, 1)), inputs: {vips: [WIN_VIP], mode: 'nat'}},
  ],
  invalid: [
    {
      name: 'DR leftover on lo',
      facts: hostFacts({interfaces: [loopback(address(`${VIP}/32`)), ethernet()]}),
      inputs: {vips: [VIP], mode: 'nat'},
      failing: [VIP],
      messageIncludes: 'left over from Direct Routing',
      fixIncludes: ['ip addr del 198.51.100.10/32 dev lo'],
    },
    {
      name: 'VIP on eth0 also answers ARP',
      facts: hostFacts({interfaces: [loopback(), ethernet('eth0', address('192.0.2.10/24'), address(`${VIP}/32`))]}),
      inputs: {vips: [VIP], mode: 'nat'},
      failing: [VIP],
      messageIncludes: 'answers ARP',
    },
    {
      name: 'Windows: the DR loopback adapter still holds the VIP',
      facts: windowsFacts(),
      inputs: {vips: [WIN_VIP], mode: 'nat'},
      failing: [WIN_VIP],
      fixIncludes: ['Remove-NetIPAddress -InterfaceIndex 12 -IPAddress 198.51.100.10 -Confirm:$false', 'netsh interface ip delete address name=LB-Loopback addr=198.51.100.10'],
    },
  ],
}
