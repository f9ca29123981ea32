import {conf, ethernet, hostFacts, loopback, address} from '../../helpers/host-facts.js'
import type {RuleCases} from '../../helpers/rule-tester.js'

const VIP = '198.51.100.10'
const vipOnLo = [loopback(address(`${VIP}/32`)), ethernet()]

export const cases: RuleCases = {
  valid: [
    {name: 'all=1 covers every interface', facts: hostFacts({interfaces: vipOnLo, ipv4Conf: conf(['lo', 'eth0'], {all: {arp_ignore: 1}})}), inputs: {vips: [VIP]}},
    {name: 'interface value 1 with all=0', facts: hostFacts({ipv4Conf: conf(['lo', 'eth0'], {eth0: {arp_ignore: 1}})})},
    {name: 'value 2 passes', facts: hostFacts({ipv4Conf: conf(['lo', 'eth0'], {all: {arp_ignore: 2}})})},
    {
      name: '3 passes when every VIP has scope host',
      facts: hostFacts({interfaces: [loopback(address(`${VIP}/32`, 'host')), ethernet()], ipv4Conf: conf(['lo', 'eth0'], {all: {arp_ignore: 3}})}),
      inputs: {vips: [VIP]},
    },
    {
      name: 'down and NOARP interfaces are not judged',
      facts: hostFacts({
        interfaces: [loopback(), ethernet(), {...ethernet('eth1'), up: false}, {...ethernet('tunl0'), noArp: true}],
        ipv4Conf: conf(['lo', 'eth0', 'eth1', 'tunl0'], {eth0: {arp_ignore: 1}}),
      }),
    },
  ],
  invalid: [
    {name: 'kernel default 0', facts: hostFacts(), failing: ['eth0'], messageIncludes: 'answers ARP for any local address', fixIncludes: ['sysctl -w net.ipv4.conf.all.arp_ignore=1']},
    {name: 'only lo configured (a common tutorial mistake)', facts: hostFacts({ipv4Conf: conf(['lo', 'eth0'], {lo: {arp_ignore: 1}})}), failing: ['eth0']},
    {
      name: 'reserved value in all overrides a good interface value',
      facts: hostFacts({ipv4Conf: conf(['lo', 'eth0'], {all: {arp_ignore: 5}, eth0: {arp_ignore: 1}})}),
      failing: ['eth0'],
      messageIncludes: 'reserved value',
    },
    {name: 'value 9 behaves like 0', facts: hostFacts({ipv4Conf: conf(['lo', 'eth0'], {eth0: {arp_ignore: 9}})}), failing: ['eth0'], fixIncludes: ['sysctl -w net.ipv4.conf.eth0.arp_ignore=1']},
    {name: '8 stops all ARP replies', facts: hostFacts({ipv4Conf: conf(['lo', 'eth0'], {all: {arp_ignore: 8}})}), failing: ['eth0'], messageIncludes: 'unreachable'},
    {name: '3 with a scope-global VIP', facts: hostFacts({interfaces: vipOnLo, ipv4Conf: conf(['lo', 'eth0'], {all: {arp_ignore: 3}})}), inputs: {vips: [VIP]}, failing: ['eth0']},
    {
      name: 'each interface is judged on its own, VLAN keys use a slash',
      facts: hostFacts({
        interfaces: [loopback(), ethernet(), ethernet('eth0.100', address('203.0.113.5/24'))],
        ipv4Conf: conf(['lo', 'eth0', 'eth0.100'], {eth0: {arp_ignore: 1}, 'eth0.100': {arp_ignore: 6}}),
      }),
      failing: ['eth0.100'],
      fixIncludes: ['sysctl -w net.ipv4.conf.eth0/100.arp_ignore=1'],
    },
  ],
}
