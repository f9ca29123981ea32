import {address, ethernet, hostFacts, loopback} from '../../helpers/host-facts.js'
import type {RuleCases} from '../../helpers/rule-tester.js'

export const cases: RuleCases = {
  valid: [
    {name: 'IPv4 VIP on lo', facts: hostFacts({interfaces: [loopback(address('198.51.100.10/32')), ethernet()]}), inputs: {vips: ['198.51.100.10']}},
    {
      name: 'IPv6 VIP matched whatever its spelling',
      facts: hostFacts({interfaces: [loopback(address('2001:db8::10/128')), ethernet()]}),
      inputs: {vips: ['2001:DB8:0::10']},
    },
  ],
  invalid: [
    {name: 'VIP missing', facts: hostFacts(), inputs: {vips: ['198.51.100.10']}, failing: ['198.51.100.10'], messageIncludes: 'on no interface', fixIncludes: ['ip addr add 198.51.100.10/32 dev lo']},
    {
      name: 'VIP only on the NIC',
      facts: hostFacts({interfaces: [loopback(), ethernet('eth0', address('192.0.2.10/24'), address('198.51.100.10/32'))]}),
      inputs: {vips: ['198.51.100.10', '2001:db8::10']},
      failing: ['198.51.100.10', '2001:db8::10'],
      fixIncludes: ['ip addr add 2001:db8::10/128 dev lo'],
    },
  ],
}

