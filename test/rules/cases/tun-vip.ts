import type {NetInterface} from '../../../src/facts/model.js'
import {address, ethernet, hostFacts, loopback} from '../../helpers/host-facts.js'
import type {RuleCases} from '../../helpers/rule-tester.js'

const VIP = '198.51.100.10'
function tunl0(up = true, ...addresses: NetInterface['addresses']): NetInterface {
  return {name: 'tunl0', kind: 'ipip', flags: up ? ['NOARP', 'UP', 'LOWER_UP'] : ['NOARP'], up, loopback: false, noArp: true, addresses}
}

export const cases: RuleCases = {
  valid: [
    {name: 'VIP on tunl0 (LVS-HOWTO layout)', facts: hostFacts({interfaces: [loopback(), ethernet(), tunl0(true, address(`${VIP}/32`))]}), inputs: {vips: [VIP], mode: 'tun'}},
    {name: 'VIP on lo with tunl0 up (kernel selftest layout)', facts: hostFacts({interfaces: [loopback(address(`${VIP}/32`)), ethernet(), tunl0()]}), inputs: {vips: [VIP], mode: 'tun'}},
  ],
  invalid: [
    {
      name: 'VIP on lo but tunl0 down',
      facts: hostFacts({interfaces: [loopback(address(`${VIP}/32`)), ethernet(), tunl0(false)]}),
      inputs: {vips: [VIP], mode: 'tun'},
      failing: [VIP],
      messageIncludes: 'tunl0 is down',
      fixIncludes: ['ip link set tunl0 up'],
    },
    {
      name: 'VIP on lo and no tunl0 at all',
      facts: hostFacts({interfaces: [loopback(address(`${VIP}/32`)), ethernet()]}),
      inputs: {vips: [VIP], mode: 'tun'},
      failing: [VIP],
      messageIncludes: 'tunl0 is absent',
    },
    {
      name: 'VIP nowhere',
      facts: hostFacts({interfaces: [loopback(), ethernet(), tunl0()]}),
      inputs: {vips: [VIP], mode: 'tun'},
      failing: [VIP],
      messageIncludes: 'on no interface',
      fixIncludes: ['ip addr replace 198.51.100.10/32 dev tunl0'],
    },
  ],
}
