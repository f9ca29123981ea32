import type {NetInterface} from '../../../src/facts/model.js'
import {conf, ethernet, hostFacts, loopback} from '../../helpers/host-facts.js'
import type {RuleCases} from '../../helpers/rule-tester.js'

const tunl0: NetInterface = {name: 'tunl0', kind: 'ipip', flags: ['NOARP', 'UP', 'LOWER_UP'], up: true, loopback: false, noArp: true, addresses: []}
const withTunl0 = [loopback(), ethernet(), tunl0]

export const cases: RuleCases = {
  valid: [
    {name: 'all=0, tunl0=0 (kernel selftest)', facts: hostFacts({interfaces: withTunl0, ipv4Conf: conf(['lo', 'eth0', 'tunl0'])}), inputs: {mode: 'tun'}},
    {
      name: 'tunl0=2 overrides a hardened all=1 through max()',
      facts: hostFacts({interfaces: withTunl0, ipv4Conf: conf(['lo', 'eth0', 'tunl0'], {all: {rp_filter: 1}, tunl0: {rp_filter: 2}})}),
      inputs: {mode: 'tun'},
    },
    {name: 'no tunl0 yet: default=2 is what it will get', facts: hostFacts({ipv4Conf: conf(['lo', 'eth0'], {default: {rp_filter: 2}})}), inputs: {mode: 'tun'}},
  ],
  invalid: [
    {
      name: 'all=1 makes tunl0=0 strict (max semantics); the fix raises tunl0 only',
      facts: hostFacts({interfaces: withTunl0, ipv4Conf: conf(['lo', 'eth0', 'tunl0'], {all: {rp_filter: 1}})}),
      inputs: {mode: 'tun'},
      failing: ['host'],
      messageIncludes: 'max(all=1, tunl0=0)',
      fixIncludes: ['sysctl -w net.ipv4.conf.tunl0.rp_filter=2'],
    },
    {
      name: 'tunl0 inherited strict default=1 when ipip loaded (selftest fix, 2025)',
      facts: hostFacts({interfaces: withTunl0, ipv4Conf: conf(['lo', 'eth0', 'tunl0'], {default: {rp_filter: 1}, tunl0: {rp_filter: 1}})}),
      inputs: {mode: 'tun'},
      failing: ['host'],
    },
    {
      name: 'no tunl0 yet and default=1: it will be created strict',
      facts: hostFacts({ipv4Conf: conf(['lo', 'eth0'], {default: {rp_filter: 1}})}),
      inputs: {mode: 'tun'},
      failing: ['host'],
      messageIncludes: 'tunl0 does not exist yet',
      fixIncludes: ['sysctl -w net.ipv4.conf.tunl0.rp_filter=2'],
    },
  ],
}
