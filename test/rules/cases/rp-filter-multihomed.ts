import type {Route} from '../../../src/facts/model.js'
import {address, conf, ethernet, hostFacts, loopback} from '../../helpers/host-facts.js'
import type {RuleCases} from '../../helpers/rule-tester.js'

const twoNics = [loopback(), ethernet('eth0'), ethernet('eth1', address('203.0.113.10/24'))]
const defaultVia = (dev: string, gateway: string): Route => ({destination: 'default', family: 'inet', table: 'main', type: 'unicast', gateway, dev})
const routes = [defaultVia('eth0', '192.0.2.1')]

export const cases: RuleCases = {
  valid: [
    {name: 'single-homed: strict is fine on the route back', facts: hostFacts({routes, ipv4Conf: conf(['lo', 'eth0'], {all: {rp_filter: 1}})})},
    {name: 'single-homed without a default route (an isolated lab)', facts: hostFacts({routes: [], ipv4Conf: conf(['lo', 'eth0'], {all: {rp_filter: 1}})})},
    {name: 'two NICs, loose all=2', facts: hostFacts({interfaces: twoNics, routes, ipv4Conf: conf(['lo', 'eth0', 'eth1'], {all: {rp_filter: 2}, eth1: {rp_filter: 1}})})},
    {name: 'two NICs, rp_filter off', facts: hostFacts({interfaces: twoNics, routes, ipv4Conf: conf(['lo', 'eth0', 'eth1'])})},
  ],
  invalid: [
    {
      name: 'two NICs, strict all=1: the second NIC drops DR traffic, the fix loosens it alone',
      facts: hostFacts({interfaces: twoNics, routes, ipv4Conf: conf(['lo', 'eth0', 'eth1'], {all: {rp_filter: 1}})}),
      failing: ['eth1'],
      messageIncludes: 'the route back to clients leaves by eth0',
      fixIncludes: ['sysctl -w net.ipv4.conf.eth1.rp_filter=2'],
    },
    {
      name: 'strict on the interface alone (RHEL default)',
      facts: hostFacts({interfaces: twoNics, routes, ipv4Conf: conf(['lo', 'eth0', 'eth1'], {eth1: {rp_filter: 1}})}),
      failing: ['eth1'],
    },
  ],
}
