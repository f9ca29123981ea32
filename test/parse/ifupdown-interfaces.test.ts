import {readFileSync} from 'node:fs'
import {join} from 'node:path'

import {describe, expect, it} from 'vitest'

import {parseIfupdownInterfaces} from '../../src/parse/ifupdown-interfaces.js'
import {FIXTURES_ROOT} from '../helpers/fixtures.js'

const FILE = '/etc/network/interfaces'
const read = (...parts: string[]) => readFileSync(join(FIXTURES_ROOT, 'ubuntu-ifupdown-lo-vip', ...parts), 'utf8')

describe('parseIfupdownInterfaces', () => {
  it('reads an up ip addr add line under iface lo (L3DSR guide)', () => {
    expect(parseIfupdownInterfaces(read('etc', 'network', 'interfaces'), FILE)).toEqual({
      addresses: [{mechanism: 'ifupdown', interface: 'lo', address: '192.168.1.100', prefixLength: 32, file: FILE, line: 4, effective: true}],
      sources: [],
      auto: ['lo'],
    })
  })

  it('reads address + netmask in iface lo inet static stanzas (Alpine)', () => {
    const {addresses} = parseIfupdownInterfaces(read('alpine', 'etc', 'network', 'interfaces'), FILE)
    expect(addresses.map((a) => [a.interface, a.address, a.prefixLength, a.line, a.effective])).toEqual([
      ['lo', '127.0.0.1', 8, 3, true],
      ['lo', '192.168.100.1', 32, 6, true],
    ])
  })

  it('reads lo:0 stanzas with CIDR addresses, netmask before address, and several addresses', () => {
    const text = [
      'auto lo lo:0 lo:1',
      'iface lo:0 inet static',
      '    netmask 255.255.255.255',
      '    address 198.51.100.10',
      'iface lo:1 inet static',
      '    address 198.51.100.11/32',
      '    address 198.51.100.12/32',
      'iface lo inet6 static',
      '    address 2001:db8::1/128',
    ].join('\n')
    const {addresses} = parseIfupdownInterfaces(text, FILE)
    expect(addresses.map((a) => `${a.interface} ${a.address}/${a.prefixLength} @${a.line} ${a.effective}`)).toEqual([
      'lo:0 198.51.100.10/32 @4 true',
      'lo:1 198.51.100.11/32 @6 true',
      'lo:1 198.51.100.12/32 @7 true',
      'lo 2001:db8::1/128 @9 true',
    ])
  })

  it('marks a stanza without an auto line as not effective, with a note', () => {
    const {addresses} = parseIfupdownInterfaces('iface lo:0 inet static\n  address 198.51.100.10/32\n', FILE)
    expect(addresses[0]).toMatchObject({effective: false, note: expect.stringContaining('auto lo:0')})
  })

  it('counts allow-hotplug and post-up/pre-up commands in any stanza that target lo', () => {
    const text = 'allow-hotplug eth0\niface eth0 inet dhcp\n    post-up ip addr add 198.51.100.20/32 dev lo\n    up ip addr add 10.0.0.2/24 dev eth0\n'
    const {addresses} = parseIfupdownInterfaces(text, FILE)
    expect(addresses).toEqual([{mechanism: 'ifupdown', interface: 'lo', address: '198.51.100.20', prefixLength: 32, file: FILE, line: 3, effective: true}])
  })

  it('returns source and source-directory arguments for the caller to follow', () => {
    const {sources} = parseIfupdownInterfaces('source /etc/network/interfaces.d/*\nsource-directory interfaces.d\n', FILE)
    expect(sources).toEqual(['/etc/network/interfaces.d/*', 'interfaces.d'])
  })

  it('ignores comments and joins continuation lines, with CRLF', () => {
    const text = 'auto lo\r\n# iface lo:9 inet static\r\niface lo inet loopback\r\n    up ip addr add \\\r\n      198.51.100.30/32 dev lo\r\n'
    const {addresses} = parseIfupdownInterfaces(text, FILE)
    expect(addresses.map((a) => [a.address, a.line])).toEqual([['198.51.100.30', 4]])
  })
})
