import type {HostFacts} from '../../../src/facts/model.js'
import type {Ipv6Conf, ProxyNeighbour} from '../../../src/facts/linux-mode-model.js'
import {hostFacts, ok} from '../../helpers/host-facts.js'
import type {RuleCases} from '../../helpers/rule-tester.js'

const VIP6 = '2001:db8::10'
const entry: ProxyNeighbour = {address: VIP6, family: 'inet6', dev: 'eth0'}

function facts(conf: Ipv6Conf, entries: ProxyNeighbour[]): HostFacts {
  return {...hostFacts(), ipv6Conf: ok(conf, '/proc/sys/net/ipv6/conf'), proxyNeighbours: ok(entries, 'ip -j -6 neigh show proxy')}
}

const off = {proxy_ndp: 0, forwarding: 0}

export const cases: RuleCases = {
  valid: [
    {name: 'no proxy entries', facts: facts({all: off, default: off, eth0: off}, []), inputs: {vips: [VIP6]}},
    {name: 'only IPv4 VIPs', facts: facts({all: off, eth0: off}, [entry]), inputs: {vips: ['198.51.100.10']}},
    {name: 'an entry for another address', facts: facts({all: {proxy_ndp: 1, forwarding: 1}, eth0: {proxy_ndp: 1, forwarding: 1}}, [{...entry, address: '2001:db8::99'}]), inputs: {vips: [VIP6]}},
    {name: 'a dormant entry: proxy_ndp off', facts: facts({all: {proxy_ndp: 0, forwarding: 1}, eth0: {proxy_ndp: 0, forwarding: 1}}, [entry]), inputs: {vips: [VIP6]}},
    {name: 'a host without IPv6 (ipv6.disable=1)', facts: facts({}, []), inputs: {vips: ['198.51.100.10']}},
  ],
  invalid: [
    {
      name: 'proxy_ndp on the interface, which forwards',
      facts: facts({all: {proxy_ndp: 0, forwarding: 1}, eth0: {proxy_ndp: 1, forwarding: 1}}, [entry]),
      inputs: {vips: ['2001:DB8:0::10']},
      failing: ['host'],
      messageIncludes: '2001:db8::10 dev eth0 proxy is active',
      fixIncludes: ['ip -6 neigh del proxy 2001:db8::10 dev eth0'],
    },
    {
      name: 'proxy_ndp in all covers the interface',
      facts: facts({all: {proxy_ndp: 1, forwarding: 1}, eth0: {proxy_ndp: 0, forwarding: 1}}, [entry]),
      inputs: {vips: [VIP6]},
      failing: ['host'],
    },
  ],
}
