import {address, ethernet, hostFacts, loopback} from '../../helpers/host-facts.js'
import {WIN_VIP, windowsFacts, windowsWith} from '../../helpers/windows-facts.js'
import type {RuleCases} from '../../helpers/rule-tester.js'

const VIP = '198.51.100.10'

export const cases: RuleCases = {
  valid: [
    {name: 'Windows: VIP on the loopback adapter only', facts: windowsFacts(), inputs: {vips: [WIN_VIP]}},
    {name: 'VIP on lo only', facts: hostFacts({interfaces: [loopback(address(`${VIP}/32`)), ethernet()]}), inputs: {vips: [VIP]}},
    {
      name: 'VIP on a NOARP tunnel',
      facts: hostFacts({interfaces: [loopback(), ethernet(), {...ethernet('tunl0', address(`${VIP}/32`)), noArp: true}]}),
      inputs: {vips: [VIP]},
    },
  ],
  invalid: [
    {
      name: 'Windows: VIP also on the Ethernet NIC',
      facts: windowsWith((w) => void w.winAddresses.push({index: 5, alias: 'Ethernet', family: 'inet', address: WIN_VIP, prefixLength: 32})),
      inputs: {vips: [WIN_VIP]},
      failing: [WIN_VIP],
      fixIncludes: ['Remove-NetIPAddress -InterfaceIndex 5 -IPAddress 198.51.100.10 -Confirm:$false'],
    },
    {
      name: 'VIP on eth0',
      facts: hostFacts({interfaces: [loopback(), ethernet('eth0', address('192.0.2.10/24'), address(`${VIP}/24`))]}),
      inputs: {vips: [VIP]},
      failing: [VIP],
      messageIncludes: 'eth0',
      fixIncludes: ['ip addr del 198.51.100.10/24 dev eth0', 'ip addr replace 198.51.100.10/32 dev lo'],
    },
    {
      name: 'VIP on a down NIC still counts',
      facts: hostFacts({interfaces: [loopback(address(`${VIP}/32`)), ethernet(), {...ethernet('eth1', address(`${VIP}/32`)), up: false}]}),
      inputs: {vips: [VIP]},
      failing: [VIP],
    },
  ],
}
