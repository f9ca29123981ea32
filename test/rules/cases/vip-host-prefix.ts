import {address, ethernet, hostFacts, localRoute, loopback} from '../../helpers/host-facts.js'
import type {RuleCases} from '../../helpers/rule-tester.js'

const VIP = '198.51.100.10'

export const cases: RuleCases = {
  valid: [
    {
      name: '/32 VIP with only the 127/8 local route',
      facts: hostFacts({interfaces: [loopback(address(`${VIP}/32`)), ethernet()], routes: [localRoute('127.0.0.0/8'), localRoute(`${VIP}/32`)]}),
      inputs: {vips: [VIP]},
    },
    {name: '/128 IPv6 VIP', facts: hostFacts({interfaces: [loopback(address('2001:db8::10/128')), ethernet()]}), inputs: {vips: ['2001:db8::10']}},
  ],
  invalid: [
    {
      name: '/24 on lo makes the whole subnet local',
      facts: hostFacts({interfaces: [loopback(address(`${VIP}/24`)), ethernet()], routes: [localRoute('127.0.0.0/8'), localRoute('198.51.100.0/24')]}),
      inputs: {vips: [VIP]},
      failing: [VIP],
      messageIncludes: '198.51.100.0/24',
      fixIncludes: ['ip addr replace 198.51.100.10/32 dev lo', 'ip addr del 198.51.100.10/24 dev lo'],
    },
    {
      name: 'another address on lo covers a /32 VIP',
      facts: hostFacts({
        interfaces: [loopback(address(`${VIP}/32`), address('198.51.100.1/24')), ethernet()],
        routes: [localRoute('127.0.0.0/8'), localRoute('198.51.100.0/24')],
      }),
      inputs: {vips: [VIP]},
      failing: [VIP],
      fixIncludes: ['ip addr del 198.51.100.1/24 dev lo'],
    },
    {name: 'IPv6 VIP with /64', facts: hostFacts({interfaces: [loopback(address('2001:db8::10/64')), ethernet()]}), inputs: {vips: ['2001:db8::10']}, failing: ['2001:db8::10']},
  ],
}
