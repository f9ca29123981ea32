import {readFileSync} from 'node:fs'
import {join} from 'node:path'

import {describe, expect, it} from 'vitest'

import {netplanRenderer, parseNetplan} from '../../src/parse/netplan.js'
import {ParseError} from '../../src/parse/parse-error.js'
import {FIXTURES_ROOT} from '../helpers/fixtures.js'

const read = (name: string) => readFileSync(join(FIXTURES_ROOT, 'ubuntu-netplan-lo-vip', 'etc', 'netplan', name), 'utf8')

describe('parseNetplan', () => {
  it('reads the VIP of a real LVS-DR netplan file, with its line', () => {
    const file = '/etc/netplan/02-vip.yaml'
    expect(parseNetplan(read('02-vip.yaml'), file)).toEqual([
      {mechanism: 'netplan', interface: 'lo', address: '172.16.0.100', prefixLength: 32, file, line: 8, effective: true},
    ])
  })

  it('reads map-form addresses with labels, and IPv6 strings', () => {
    const found = parseNetplan(read('01-loopback.yaml'), '/etc/netplan/01-loopback.yaml')
    expect(found.map((a) => `${a.interface} ${a.address}/${a.prefixLength} @${a.line}`)).toEqual([
      'lo 127.0.0.1/8 @9',
      'lo:host-access 10.0.1.1/32 @11',
      'lo ::1/128 @13',
    ])
  })

  it('finds lo by device id without match, or by a match glob in any device section', () => {
    const text = [
      'network:',
      '  version: 2',
      '  dummy-devices:',
      '    lo:',
      '      addresses: ["198.51.100.10/32"]',
      '  ethernets:',
      '    loopback:',
      '      match: {name: "l?"}',
      '      addresses: [198.51.100.11/32]',
      '    eth0:',
      '      addresses: [10.0.0.5/24]',
    ].join('\n')
    expect(parseNetplan(text, 'x.yaml').map((a) => [a.address, a.line])).toEqual([
      ['198.51.100.10', 5],
      ['198.51.100.11', 9],
    ])
  })

  it('ignores a device with id lo whose match names another interface', () => {
    expect(parseNetplan('network:\n  ethernets:\n    lo:\n      match: {name: eth0}\n      addresses: [10.0.0.5/24]\n', 'x.yaml')).toEqual([])
  })

  it('returns nothing for an empty file or one without network', () => {
    expect(parseNetplan('', 'x.yaml')).toEqual([])
    expect(parseNetplan('# only a comment\n', 'x.yaml')).toEqual([])
    expect(parseNetplan('other: 1\n', 'x.yaml')).toEqual([])
  })

  it('tolerates CRLF', () => {
    expect(parseNetplan('network:\r\n  ethernets:\r\n    lo:\r\n      addresses: [198.51.100.10/32]\r\n', 'x.yaml')).toHaveLength(1)
  })

  it('throws ParseError on invalid YAML or a non-mapping root', () => {
    expect(() => parseNetplan('network:\n  ethernets:\n    lo: [unclosed\n', 'x.yaml')).toThrow(ParseError)
    expect(() => parseNetplan('network:\n\tethernets: {}\n', 'x.yaml')).toThrow(ParseError)
    expect(() => parseNetplan('- a\n- b\n', 'x.yaml')).toThrow(ParseError)
  })
})

describe('netplanRenderer', () => {
  it('returns the most specific renderer for lo', () => {
    expect(netplanRenderer('network:\n  renderer: NetworkManager\n')).toBe('NetworkManager')
    expect(netplanRenderer('network:\n  renderer: NetworkManager\n  ethernets:\n    renderer: networkd\n    lo:\n      addresses: [198.51.100.1/32]\n')).toBe('networkd')
    expect(netplanRenderer('network:\n  ethernets:\n    lo:\n      renderer: NetworkManager\n')).toBe('NetworkManager')
    expect(netplanRenderer(read('02-vip.yaml'))).toBeUndefined()
  })
})
