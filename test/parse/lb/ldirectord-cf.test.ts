/**
 * ldirectord.cf cases the real fixtures do not cover. Every input here is SYNTHETIC, written
 * for the test from ldirectord's read_config(); real files are in test/parse/lb/golden.test.ts.
 */
import {describe, expect, it} from 'vitest'

import {parseLdirectordCf} from '../../../src/parse/lb/ldirectord-cf.js'
import {ParseError} from '../../../src/parse/parse-error.js'

describe('parseLdirectordCf (synthetic)', () => {
  it('reads virtual6/real6, ipip, weights, masq port mapping and service names', () => {
    const text = [
      'virtual6=[2001:db8::5]:https',
      '\treal6=[2001:db8:0:1::4]:8443 masq 5',
      '\treal6=[2001:db8:0:1::6] ipip',
      '\tfallback6=[::1]:443',
      'virtual = 192.0.2.10:domain',
      '        real=198.51.100.7 gate 3 "/ping", "pong"',
    ].join('\n')
    const config = parseLdirectordCf(text)
    expect(config.services).toEqual([
      {
        vip: '2001:db8::5', port: 443, protocol: 'tcp', line: 1,
        realServers: [
          {address: '2001:db8:0:1::4', port: 8443, method: 'nat', weight: 5, fallback: false, line: 2},
          {address: '2001:db8:0:1::6', port: 443, method: 'tun', weight: 1, fallback: false, line: 3},
          {address: '::1', port: 443, method: 'dr', weight: 1, fallback: true, line: 4},
        ],
      },
      {vip: '192.0.2.10', port: 53, protocol: 'udp', line: 5, realServers: [{address: '198.51.100.7', port: 53, method: 'dr', weight: 3, fallback: false, line: 6}]},
    ])
    expect(config.notes).toEqual([])
  })

  it('reads a fwmark service, an IPv4 real-server range, host names and the global fallback', () => {
    const text = ['fallback=127.0.0.1:80 masq', '', 'virtual=10', '\treal=192.0.2.1->192.0.2.3:80 gate', '\treal=web4.example.com:80 gate', '\tprotocol=fwm', '\tpersistent=600'].join('\n')
    const config = parseLdirectordCf(text)
    const [service] = config.services
    expect(service).toMatchObject({fwmark: 10, port: 0, persistence: 600, line: 3})
    expect(service).not.toHaveProperty('protocol')
    expect(service?.realServers.map((r) => `${r.address}:${r.port} ${r.method}${r.fallback ? ' fallback' : ''}`)).toEqual([
      '192.0.2.1:80 dr',
      '192.0.2.2:80 dr',
      '192.0.2.3:80 dr',
      'web4.example.com:80 dr',
      '127.0.0.1:80 nat fallback',
    ])
    expect(config.notes.map((n) => [n.line, n.message])).toEqual([
      [3, 'fwmark 10: the VIPs it covers are set by firewall-mark rules outside this file'],
      [5, 'real server host name web4.example.com is not resolved: it matches a server only by that name'],
    ])
  })

  it('skips commented-out services and comment lines inside a block', () => {
    const text = ['#virtual=192.0.2.1:80', '#\treal=192.0.2.9:80 gate', 'virtual=192.0.2.2:80', '  # a comment line does not end the block', '\treal=192.0.2.10:80 gate # inline'].join('\n')
    expect(parseLdirectordCf(text).services).toEqual([
      {vip: '192.0.2.2', port: 80, protocol: 'tcp', line: 3, realServers: [{address: '192.0.2.10', port: 80, method: 'dr', weight: 1, fallback: false, line: 5}]},
    ])
  })

  it.each([
    ['a blank line inside a block (ldirectord ends the block there)', 'virtual=192.0.2.2:80\n\treal=192.0.2.10:80 gate\n\n\treal=192.0.2.11:80 gate\n', 'indented option outside a virtual= block', 4],
    ['an unknown forwarding method', 'virtual=192.0.2.2:80\n\treal=192.0.2.10:80 route\n', 'forward method must be gate, masq or ipip, not "route"', 2],
    ['a real line without a method', 'virtual=192.0.2.2:80\n\treal=192.0.2.10:80\n', 'real=192.0.2.10:80: expected ADDRESS[:PORT] gate|masq|ipip [WEIGHT]', 2],
    ['IPv6 under virtual=', 'virtual=[2001:db8::5]:80\n', 'an IPv6 address needs virtual6=, not virtual=', 1],
    ['a virtual without a port', 'virtual=192.0.2.2\n', 'virtual=192.0.2.2: expected ADDRESS:PORT or a firewall mark', 1],
    ['a non-fwm protocol on a fwmark service', 'virtual=5\n\tprotocol=tcp\n', 'protocol must be fwm for a firewall-mark service, not "tcp"', 2],
    ['a descending real-server range', 'virtual=192.0.2.2:80\n\treal=192.0.2.9->192.0.2.1 gate\n', 'real server range 192.0.2.9->192.0.2.1 is not an IPv4 range', 2],
  ])('rejects %s with a ParseError naming the line', (_name, text, message, line) => {
    expect(() => parseLdirectordCf(text)).toThrow(ParseError)
    expect(() => parseLdirectordCf(text)).toThrow(message)
    expect(() => parseLdirectordCf(text)).toThrow(`on line ${line}`)
  })
})
