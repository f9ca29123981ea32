import {describe, expect, it} from 'vitest'

import {parseIpNeighProxyJson, parseIpNeighProxyText} from '../../src/parse/ip-neigh-proxy.js'
import {ParseError} from '../../src/parse/parse-error.js'
import {describeGolden} from '../helpers/fixtures.js'

describeGolden('ip6-neigh-proxy', parseIpNeighProxyText)
describeGolden('ip6-neigh-proxy-json', parseIpNeighProxyJson)

describe('parseIpNeighProxyText', () => {
  // Synthetic variants of the captured format.
  it('reads CRLF, the double space of hand-typed docs, the router flag and a canonical address', () => {
    expect(parseIpNeighProxyText('2001:DB8:0::1 dev eth0  proxy\r\n2001:db8::2 dev br-ex router proxy\r\n')).toEqual([
      {address: '2001:db8::1', family: 'inet6', dev: 'eth0'},
      {address: '2001:db8::2', family: 'inet6', dev: 'br-ex'},
    ])
  })

  it('keeps an entry without a device, and IPv4 proxy ARP entries as IPv4', () => {
    expect(parseIpNeighProxyText('2001:db8::30 proxy\n192.0.2.77 dev eth0 proxy\n')).toEqual([
      {address: '2001:db8::30', family: 'inet6'},
      {address: '192.0.2.77', family: 'inet', dev: 'eth0'},
    ])
  })

  it('refuses plain neighbour lines and garbage, naming the line', () => {
    expect(() => parseIpNeighProxyText('2001:db8::1 dev eth0 proxy\nfe80::1 dev eth0 lladdr 52:54:00:12:34:56 router REACHABLE\n')).toThrow(/line 2/)
    expect(() => parseIpNeighProxyText('not-an-address dev eth0 proxy\n')).toThrow(ParseError)
    expect(() => parseIpNeighProxyText('2001:db8::1 dev\tproxy\n')).toThrow(ParseError)
  })
})

describe('parseIpNeighProxyJson', () => {
  it('refuses empty output, non-arrays and entries without a dst (synthetic)', () => {
    expect(() => parseIpNeighProxyJson('')).toThrow(ParseError)
    expect(() => parseIpNeighProxyJson('{"dst":"2001:db8::1"}')).toThrow(/expected a JSON array/)
    expect(() => parseIpNeighProxyJson('[{"dev":"eth0","proxy":null}]')).toThrow(/entry 0: no "dst"/)
    expect(() => parseIpNeighProxyJson('[{"dst":"2001:db8::1","dev":7}]')).toThrow(/"dev" is not a string/)
    expect(() => parseIpNeighProxyJson('[{"dst":"2001:db8::1",')).toThrow(/invalid JSON/)
  })
})
