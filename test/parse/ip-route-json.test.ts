import {describe, expect, it} from 'vitest'

import {parseIpRouteJson} from '../../src/parse/ip-route-json.js'
import {ParseError} from '../../src/parse/parse-error.js'
import {describeGolden} from '../helpers/fixtures.js'

describeGolden('ip-route-json', (text) => parseIpRouteJson(text))
describeGolden('ip6-route-json', (text) => parseIpRouteJson(text, 'inet6'))

describe('parseIpRouteJson', () => {
  it('reads an empty table and skips empty objects', () => {
    expect(parseIpRouteJson('[]')).toEqual([])
    expect(parseIpRouteJson('[{}]\n')).toEqual([])
  })

  it('gives host routes a prefix and fills table and type defaults', () => {
    const text = '[{"dst":"198.51.100.10","dev":"lo","flags":[]},{"type":"local","dst":"2001:DB8::10","dev":"lo","table":"local","metric":0,"flags":[]}]'
    expect(parseIpRouteJson(text)).toEqual([
      {destination: '198.51.100.10/32', family: 'inet', table: 'main', type: 'unicast', dev: 'lo'},
      {destination: '2001:db8::10/128', family: 'inet6', table: 'local', type: 'local', dev: 'lo', metric: 0},
    ])
  })

  it('infers the family of a default route from its gateway, else uses the argument', () => {
    const text = '[{"dst":"default","gateway":"fd00::1","dev":"eth0","metric":1024,"flags":[],"pref":"medium"},' +
      '{"type":"unreachable","dst":"default","dev":"lo","table":"unspec","protocol":"kernel","metric":4294967295,"flags":[]}]'
    expect(parseIpRouteJson(text).map((r) => r.family)).toEqual(['inet6', 'inet'])
    expect(parseIpRouteJson(text, 'inet6').map((r) => r.family)).toEqual(['inet6', 'inet6'])
  })

  it('takes the first next hop of a multipath route, counts them, and reads RFC 5549 via objects', () => {
    const text = JSON.stringify([
      {dst: 'default', protocol: 'static', metric: 100, flags: [],
        nexthops: [{gateway: '192.0.2.1', dev: 'eth0', weight: 1, flags: []}, {gateway: '192.0.2.2', dev: 'eth1', weight: 1, flags: []}]},
      {dst: '203.0.113.0/24', via: {family: 'inet6', host: 'fe80::1'}, dev: 'eth0', flags: ['onlink']},
      {dst: '192.0.2.0/24', gateway: '0.0.0.0', dev: 'eth0', table: 100, flags: []},
    ])
    expect(parseIpRouteJson(text)).toEqual([
      {destination: 'default', family: 'inet', table: 'main', type: 'unicast', dev: 'eth0', gateway: '192.0.2.1', protocol: 'static', metric: 100, nexthops: 2},
      {destination: '203.0.113.0/24', family: 'inet', table: 'main', type: 'unicast', dev: 'eth0', gateway: 'fe80::1'},
      {destination: '192.0.2.0/24', family: 'inet', table: '100', type: 'unicast', dev: 'eth0'},
    ])
  })

  it('tolerates CRLF and pretty-printed JSON', () => {
    expect(parseIpRouteJson('[ {\r\n  "dst": "default",\r\n  "gateway": "192.0.2.1"\r\n} ]\r\n')).toEqual([
      {destination: 'default', family: 'inet', table: 'main', type: 'unicast', gateway: '192.0.2.1'},
    ])
  })

  it.each([
    ['empty text', ''],
    // `ip -j route show | head -c 120` as pasted in a Traditional-Chinese iproute2 tutorial (shared sample set).
    ['truncated JSON', '[{"dst":"default","gateway":"192.168.1.1","dev":"wlp59s0f0","protocol":"dhcp","prefsrc":"192.168.1.171",...'],
    ['an object', '{"dst":"default"}'],
    ['prose', 'RTNETLINK answers: Operation not permitted'],
    ['text ip route', 'default via 192.0.2.1 dev eth0'],
    ['an entry without dst', '[{"dev":"eth0","flags":[]}]'],
    ['a bad destination', '[{"dst":"198.51.100.0/33"}]'],
    ['a bad gateway', '[{"dst":"default","gateway":"192.0.2"}]'],
    ['a bad prefsrc', '[{"dst":"192.0.2.0/24","dev":"eth0","prefsrc":"eth0"}]'],
    ['a non-object entry', '["default"]'],
  ])('throws ParseError on %s', (_name, text) => {
    expect(() => parseIpRouteJson(text)).toThrow(ParseError)
  })
})
