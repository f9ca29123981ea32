import {hostFacts, listenerOn} from '../../helpers/host-facts.js'
import type {RuleCases} from '../../helpers/rule-tester.js'

const VIP = '198.51.100.10'

export const cases: RuleCases = {
  valid: [
    {name: 'IPv4 wildcard', facts: hostFacts({listeners: [listenerOn('0.0.0.0', 80)]}), inputs: {vips: [VIP], ports: [80]}},
    {name: 'IPv6 wildcard serves an IPv6 VIP', facts: hostFacts({listeners: [listenerOn('::', 443)]}), inputs: {vips: ['2001:db8::10'], ports: [443]}},
    {name: 'bound to the VIP itself', facts: hostFacts({listeners: [listenerOn(VIP, 80)]}), inputs: {vips: [VIP], ports: [80]}},
  ],
  invalid: [
    {
      name: 'bound to the RIP only',
      facts: hostFacts({listeners: [listenerOn('192.0.2.10', 80)]}),
      inputs: {vips: [VIP], ports: [80]},
      failing: [`${VIP}:80`],
      messageIncludes: '192.0.2.10:80',
      fixIncludes: ["ss -Hltnp 'sport = :80'"],
    },
    {name: 'IPv4 wildcard does not serve an IPv6 VIP', facts: hostFacts({listeners: [listenerOn('0.0.0.0', 80)]}), inputs: {vips: ['2001:db8::10'], ports: [80]}, failing: ['[2001:db8::10]:80']},
    {name: 'a v6-only wildcard ([::]:80 in ss) does not serve an IPv4 VIP', facts: hostFacts({listeners: [listenerOn('::', 80)]}), inputs: {vips: [VIP], ports: [80]}, failing: [`${VIP}:80`]},
    {name: 'nothing on the port', facts: hostFacts({listeners: [listenerOn('0.0.0.0', 22)]}), inputs: {vips: [VIP], ports: [80, 22]}, failing: [`${VIP}:80`]},
  ],
}
