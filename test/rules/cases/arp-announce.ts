import {conf, hostFacts} from '../../helpers/host-facts.js'
import type {RuleCases} from '../../helpers/rule-tester.js'

export const cases: RuleCases = {
  valid: [
    {name: 'all=2', facts: hostFacts({ipv4Conf: conf(['lo', 'eth0'], {all: {arp_announce: 2}})})},
    {name: 'interface=2 with all=0', facts: hostFacts({ipv4Conf: conf(['lo', 'eth0'], {eth0: {arp_announce: 2}})})},
  ],
  invalid: [
    {name: 'kernel default 0', facts: hostFacts(), failing: ['eth0'], fixIncludes: ['sysctl -w net.ipv4.conf.all.arp_announce=2']},
    {name: '1 is not enough with an on-link VIP', facts: hostFacts({ipv4Conf: conf(['lo', 'eth0'], {all: {arp_announce: 1}})}), failing: ['eth0'], messageIncludes: 'subnet'},
    {
      name: '3 and above behave like 0 and need the interface value lowered',
      facts: hostFacts({ipv4Conf: conf(['lo', 'eth0'], {eth0: {arp_announce: 3}, all: {arp_announce: 2}})}),
      failing: ['eth0'],
      fixIncludes: ['sysctl -w net.ipv4.conf.eth0.arp_announce=2'],
    },
  ],
}
