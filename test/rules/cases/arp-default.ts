import {conf, hostFacts} from '../../helpers/host-facts.js'
import type {RuleCases} from '../../helpers/rule-tester.js'

export const cases: RuleCases = {
  valid: [
    {name: 'all carries the values: later interfaces take max(all, default)', facts: hostFacts({ipv4Conf: conf(['lo', 'eth0'], {all: {arp_ignore: 1, arp_announce: 2}})})},
    {name: 'default carries the values', facts: hostFacts({ipv4Conf: conf(['lo', 'eth0'], {default: {arp_ignore: 1, arp_announce: 2}, eth0: {arp_ignore: 1, arp_announce: 2}})})},
  ],
  invalid: [
    {
      name: 'only eth0 set (the manual eth0/eth1 layout): a VLAN added later answers ARP for the VIP',
      facts: hostFacts({ipv4Conf: conf(['lo', 'eth0'], {eth0: {arp_ignore: 1, arp_announce: 2}})}),
      failing: ['host'],
      messageIncludes: 'arp_ignore is 0 = max(all=0, default=0)',
      // The fix writes all, as arp-ignore and arp-announce print it, not default (see the rule's rationale).
      fixIncludes: ['sysctl -w net.ipv4.conf.all.arp_ignore=1', 'sysctl -w net.ipv4.conf.all.arp_announce=2'],
    },
    {
      name: 'a reserved value in default is rewritten, since max() would keep it over a good all',
      facts: hostFacts({ipv4Conf: conf(['lo', 'eth0'], {all: {arp_ignore: 1, arp_announce: 2}, default: {arp_ignore: 6}})}),
      failing: ['host'],
      messageIncludes: 'arp_ignore is 6 = max(all=1, default=6)',
      fixIncludes: ['sysctl -w net.ipv4.conf.default.arp_ignore=1'],
    },
    {
      name: 'a reserved value in all cannot be fixed through default',
      facts: hostFacts({ipv4Conf: conf(['lo', 'eth0'], {all: {arp_ignore: 5, arp_announce: 2}})}),
      failing: ['host'],
      fixIncludes: ['sysctl -w net.ipv4.conf.all.arp_ignore=1'],
    },
  ],
}
