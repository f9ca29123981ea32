import {readFileSync} from 'node:fs'

import {describe, expect, it} from 'vitest'

import {looksLikeIpRouteText, parseIpRouteText} from '../../src/parse/ip-route-text.js'
import {ParseError} from '../../src/parse/parse-error.js'
import {describeGolden} from '../helpers/fixtures.js'

describeGolden('ip-route', (text) => parseIpRouteText(text))

const fixture = (scenario: string): string =>
  readFileSync(new URL(`../../fixtures/linux/${scenario}/ip-route.txt`, import.meta.url), 'utf8')

describe('parseIpRouteText', () => {
  it('gives the same result for CRLF and for padded lines', () => {
    const text = fixture('debian12-iproute2-6.1-netns-vip')
    const expected = parseIpRouteText(text)
    expect(parseIpRouteText(text.replace(/\n/g, '\r\n'))).toEqual(expected)
    expect(parseIpRouteText(text.replace(/ /g, '  ').replace(/\n/g, ' \t\n'))).toEqual(expected)
  })

  it('reads `ip route show table local` with the table the caller asked for', () => {
    // linux-ip.net "Guide to IP Layer Network Administration with Linux", routing-tables section (iproute2 ~2002).
    const text = [
      'local 192.168.99.35 dev eth0  proto kernel  scope host  src 192.168.99.35 ',
      'broadcast 127.255.255.255 dev lo  proto kernel  scope link  src 127.0.0.1 ',
      'local 127.0.0.0/8 dev lo  proto kernel  scope host  src 127.0.0.1',
    ].join('\n')
    const routes = parseIpRouteText(text, 'local')
    expect(routes.map((r) => [r.type, r.destination, r.table, r.scope])).toEqual([
      ['local', '192.168.99.35/32', 'local', 'host'],
      ['broadcast', '127.255.255.255/32', 'local', 'link'],
      ['local', '127.0.0.0/8', 'local', 'host'],
    ])
    expect(parseIpRouteText(text)[0]?.table).toBe('main')
  })

  it('reads multipath next hops (counting them), flags, RFC 5549 and locked metrics', () => {
    const text = [
      'default proto static metric 100 ',
      '\tnexthop via 192.0.2.1 dev eth0 weight 1 ',
      '\tnexthop via 192.0.2.2 dev eth1 weight 1 ',
      '169.254.0.0/16 dev docker0  scope link  metric 1000 linkdown ',
      '203.0.113.0/24 via inet6 fe80::1 dev eth0 proto bird onlink ',
      '198.51.100.0/24 via 192.0.2.254 dev eth0 mtu lock 1400 ',
      'default via fe80::1 dev eth0 proto ra metric 1024 expires 1780sec hoplimit 64 pref medium',
      'throw 30.142.64.0/26  table red_mgmt',
    ].join('\n')
    expect(parseIpRouteText(text)).toEqual([
      {destination: 'default', family: 'inet', table: 'main', type: 'unicast', protocol: 'static', metric: 100, gateway: '192.0.2.1', dev: 'eth0', nexthops: 2},
      {destination: '169.254.0.0/16', family: 'inet', table: 'main', type: 'unicast', dev: 'docker0', scope: 'link', metric: 1000},
      {destination: '203.0.113.0/24', family: 'inet', table: 'main', type: 'unicast', dev: 'eth0', gateway: 'fe80::1', protocol: 'bird'},
      {destination: '198.51.100.0/24', family: 'inet', table: 'main', type: 'unicast', dev: 'eth0', gateway: '192.0.2.254'},
      {destination: 'default', family: 'inet6', table: 'main', type: 'unicast', dev: 'eth0', gateway: 'fe80::1', protocol: 'ra', metric: 1024},
      {destination: '30.142.64.0/26', family: 'inet', table: 'red_mgmt', type: 'throw'},
    ])
  })

  it('gives an address-less IPv6 line the family of the IPv6 block it sits in', () => {
    const routes = parseIpRouteText(fixture('ubuntu1004-forum-old-iproute2'))
    const unreachable = routes.filter((r) => r.type === 'unreachable')
    expect(unreachable.map((r) => [r.family, r.metric])).toEqual([['inet6', 4294967295], ['inet6', 4294967295]])
    expect(routes.find((r) => r.destination === '::1/128')?.gateway).toBeUndefined() // `via ::`
  })

  it('detects ip route text', () => {
    expect(looksLikeIpRouteText(fixture('ubuntu1004-forum-old-iproute2'))).toBe(true)
    expect(looksLikeIpRouteText('local 198.51.100.0/24 dev lo table local proto kernel scope host src 198.51.100.1')).toBe(true)
    expect(looksLikeIpRouteText('fe80::/64 dev eth0 proto kernel metric 256 pref medium\r\n')).toBe(true)
    expect(looksLikeIpRouteText('1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536')).toBe(false)
    expect(looksLikeIpRouteText('LISTEN 0 128 0.0.0.0:22 0.0.0.0:*')).toBe(false)
    expect(looksLikeIpRouteText('Kernel IP routing table')).toBe(false)
  })

  it.each([
    ['prose', 'RTNETLINK answers: Network is unreachable'],
    ['route -n output', 'Kernel IP routing table\nDestination     Gateway         Genmask         Flags Metric Ref    Use Iface'],
    ['a half line', '192.0.2.0/24 dev'],
    ['a dangling via', 'default via'],
    ['a bad destination', 'local 300.1.1.1 dev lo table local'],
    ['a bad gateway', 'default via 192.0.2 dev eth0'],
    ['a bad src', '192.0.2.0/24 dev eth0 proto kernel scope link src eth0'],
    ['a bad metric', 'default via 192.0.2.1 dev eth0 metric high'],
    ['JSON', '[{"dst":"default"}]'],
  ])('throws ParseError on %s', (_name, text) => {
    expect(() => parseIpRouteText(text)).toThrow(ParseError)
  })
})
