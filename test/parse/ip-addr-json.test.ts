import {readFileSync} from 'node:fs'

import {describe, expect, it} from 'vitest'

import {parseIpAddrJson} from '../../src/parse/ip-addr-json.js'
import {ParseError} from '../../src/parse/parse-error.js'
import {describeGolden} from '../helpers/fixtures.js'

describeGolden('ip-addr-json', parseIpAddrJson)

describe('parseIpAddrJson', () => {
  it('reads an empty list', () => {
    expect(parseIpAddrJson('[]\n')).toEqual([])
  })

  it('skips the empty objects iproute2 prints for filtered links', () => {
    const text = '[{},{"ifindex":1,"ifname":"lo","flags":["LOOPBACK","UP","LOWER_UP"],"addr_info":[{}]},{}]'
    expect(parseIpAddrJson(text)).toEqual([
      {name: 'lo', index: 1, flags: ['LOOPBACK', 'UP', 'LOWER_UP'], up: true, loopback: true, noArp: false, addresses: []},
    ])
  })

  it('takes kind and master from -d output and keeps labels only when they differ', () => {
    const text = JSON.stringify([
      {ifindex: 3, ifname: 'eth1', flags: ['BROADCAST', 'MULTICAST', 'SLAVE', 'UP', 'LOWER_UP'], master: 'bond0',
        operstate: 'UP', linkinfo: {info_slave_kind: 'bond'}, addr_info: []},
      {ifindex: 5, ifname: 'tunl0', flags: ['NOARP', 'UP', 'LOWER_UP'], operstate: 'UNKNOWN', linkinfo: {info_kind: 'ipip'},
        addr_info: [
          {family: 'inet', local: '198.51.100.10', prefixlen: 32, scope: 'global', label: 'tunl0'},
          {family: 'inet', local: '198.51.100.11', prefixlen: 32, scope: 'global', secondary: true, label: 'tunl0:1'},
          {family: 'inet6', local: '2001:DB8:0:0:0:0:0:1', prefixlen: 64, scope: 'global'},
        ]},
    ])
    const [eth1, tunl0] = parseIpAddrJson(text)
    expect(eth1).toMatchObject({name: 'eth1', master: 'bond0', up: true})
    expect(eth1?.kind).toBeUndefined() // a slave-only linkinfo names no kind of its own
    expect(tunl0).toMatchObject({kind: 'ipip', noArp: true, up: true, loopback: false})
    expect(tunl0?.addresses).toEqual([
      {family: 'inet', address: '198.51.100.10', prefixLength: 32, scope: 'global'},
      {family: 'inet', address: '198.51.100.11', prefixLength: 32, scope: 'global', label: 'tunl0:1', secondary: true},
      {family: 'inet6', address: '2001:db8::1', prefixLength: 64, scope: 'global'},
    ])
  })

  it('tolerates CRLF and indentation (ip -j -p)', () => {
    const text = '[ {\r\n  "ifindex": 1,\r\n  "ifname": "lo",\r\n  "flags": [ "LOOPBACK" ],\r\n  "addr_info": [ ]\r\n} ]\r\n'
    expect(parseIpAddrJson(text)).toEqual([{name: 'lo', index: 1, flags: ['LOOPBACK'], up: false, loopback: true, noArp: false, addresses: []}])
  })

  it.each([
    ['empty text', ''],
    ['whitespace', '  \n'],
    ['truncated JSON', readFileSync(new URL('../../fixtures/linux/sample-metallb-kind-node/ip-addr-json.txt', import.meta.url), 'utf8').slice(0, 500)],
    ['an object', '{"ifname":"lo"}'],
    ['a string', '"lo"'],
    ['prose', 'Device "eth9" does not exist.'],
    ['text ip addr', '1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue state UNKNOWN'],
    ['a non-object entry', '[1]'],
    ['a bad address', '[{"ifname":"lo","addr_info":[{"family":"inet","local":"127.0.0","prefixlen":8}]}]'],
    ['a prefix too long', '[{"ifname":"lo","addr_info":[{"family":"inet","local":"127.0.0.1","prefixlen":33}]}]'],
  ])('throws ParseError on %s', (_name, text) => {
    expect(() => parseIpAddrJson(text)).toThrow(ParseError)
  })
})
