import {describe, expect, it} from 'vitest'

import {ParseError} from '../../../src/parse/parse-error.js'
import {looksLikeNetRouteText, parseNetRouteJson, parseNetRouteText} from '../../../src/parse/windows/ps-netroute.js'

/** collect.ps1 shape: Select-Object * of MSFT_NetRoute. */
function entry(extra: object = {}): object {
  return {
    DestinationPrefix: '0.0.0.0/0', NextHop: '192.0.2.1', ifIndex: 12, InterfaceIndex: 12, InterfaceAlias: 'Ethernet',
    RouteMetric: 0, InterfaceMetric: 25, AddressFamily: 2, Store: 1, Protocol: 3, TypeOfRoute: 3,
    ...extra,
  }
}

describe('parseNetRouteJson', () => {
  it('reads a route with a gateway, as an array or a single object', () => {
    const expected = [{destination: '0.0.0.0/0', family: 'inet', nextHop: '192.0.2.1', index: 12, alias: 'Ethernet', metric: 0}]
    expect(parseNetRouteJson(JSON.stringify([entry()]))).toEqual(expected)
    expect(parseNetRouteJson(JSON.stringify(entry({AddressFamily: 'IPv4', Store: 'ActiveStore'})))).toEqual(expected)
  })

  it('reads an on-link route (NextHop 0.0.0.0 or ::) as having no gateway, and canonicalizes IPv6', () => {
    const text = JSON.stringify([entry({DestinationPrefix: '198.51.100.10/32', NextHop: '0.0.0.0', RouteMetric: 256}),
      entry({DestinationPrefix: '2001:DB8:0:0::/64', NextHop: '::', AddressFamily: 23, RouteMetric: 256})])
    expect(parseNetRouteJson(text)).toEqual([
      {destination: '198.51.100.10/32', family: 'inet', index: 12, alias: 'Ethernet', metric: 256},
      {destination: '2001:db8::/64', family: 'inet6', index: 12, alias: 'Ethernet', metric: 256},
    ])
  })

  it('leaves out PersistentStore routes; [] is an empty table', () => {
    expect(parseNetRouteJson(JSON.stringify([entry({Store: 0})]))).toEqual([])
    expect(parseNetRouteJson('[]')).toEqual([])
  })

  it.each([
    ['a bad prefix', JSON.stringify([entry({DestinationPrefix: '0.0.0.0/33'})])],
    ['no prefix', JSON.stringify([entry({DestinationPrefix: null})])],
    ['a bad next hop', JSON.stringify([entry({NextHop: 'gateway'})])],
    ['an unknown store', JSON.stringify([entry({Store: 7})])],
  ])('throws ParseError on %s', (_name, text) => {
    expect(() => parseNetRouteJson(text)).toThrow(ParseError)
  })
})

describe('parseNetRouteText', () => {
  it('skips a PersistentStore row cut by PowerShell 7 and reads CRLF', () => {
    const text =
      'ifIndex DestinationPrefix  NextHop     RouteMetric ifMetric PolicyStore\r\n' +
      '------- -----------------  -------     ----------- -------- -----------\r\n' +
      '23      169.254.169.254/32 172.24.32.1         256 500      ActiveStore\r\n' +
      '23      169.254.169.254/32 172.24.32.1         256          Persisten…\r\n'
    expect(parseNetRouteText(text)).toEqual([{destination: '169.254.169.254/32', family: 'inet', nextHop: '172.24.32.1', index: 23, metric: 256}])
  })

  it('throws ParseError on route print output', () => {
    expect(() => parseNetRouteText('IPv4 Route Table\n===========================================================================\n')).toThrow(ParseError)
  })
})

describe('looksLikeNetRouteText', () => {
  it('recognizes the table header and the list view', () => {
    expect(looksLikeNetRouteText('ifIndex DestinationPrefix                              NextHop                                  RouteMetric ifMetric PolicyStore')).toBe(true)
    expect(looksLikeNetRouteText('DestinationPrefix  : 100.124.150.45/32\nNextHop            : 0.0.0.0\n')).toBe(true)
    expect(looksLikeNetRouteText('Network Destination        Netmask          Gateway       Interface  Metric')).toBe(false)
  })
})
