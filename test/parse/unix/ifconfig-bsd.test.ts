import {readFileSync} from 'node:fs'

import {describe, expect, it} from 'vitest'

import {ParseError} from '../../../src/parse/parse-error.js'
import {looksLikeIfconfigBsd, parseIfconfigBsd} from '../../../src/parse/unix/ifconfig-bsd.js'

const fixture = (path: string) => readFileSync(new URL(`../../../fixtures/${path}`, import.meta.url), 'utf8')

describe('parseIfconfigBsd', () => {
  it('reads a lo0 alias with its classful default mask (real macOS output)', () => {
    const [lo0] = parseIfconfigBsd(fixture('darwin/sample-osx-old-lo0-alias/ifconfig-lo0.txt'))
    expect(lo0).toMatchObject({name: 'lo0', up: true, loopback: true})
    expect(lo0?.addresses.at(-1)).toEqual({family: 'inet', address: '127.0.0.2', prefixLength: 8, scope: 'host'})
  })

  it('reads a cloned lo1 as a loopback (real FreeBSD jail notes)', () => {
    expect(parseIfconfigBsd(fixture('freebsd/sample-jail-lo1-tabs/ifconfig-a.txt'))).toEqual([
      {name: 'lo1', flags: ['UP', 'LOOPBACK', 'RUNNING', 'MULTICAST'], up: true, loopback: true, noArp: false, addresses: [{family: 'inet', address: '127.0.2.1', prefixLength: 24, scope: 'host'}]},
    ])
  })

  it('tolerates CRLF line endings and padding (the real sample with CRLF added)', () => {
    const text = fixture('freebsd/sample-pchart-trailing-spaces/ifconfig-a.txt')
    expect(parseIfconfigBsd(text.replaceAll('\n', '\r\n'))).toEqual(parseIfconfigBsd(text))
  })

  it('refuses a listing with a kernel message written into it (real boot log)', () => {
    const text = fixture('freebsd/sample-boot-interleaved/ifconfig-a.txt')
    expect(() => parseIfconfigBsd(text)).toThrow(/unexpected line "igb0 {4}media: Ethernet: link state changed to UP" on line 13/)
    // Everything before the message is fine.
    expect(parseIfconfigBsd(text.split('\n').slice(0, 12).join('\n')).map((nic) => nic.name)).toEqual(['lo0', 'igb0'])
  })

  // Synthetic edge cases: written for these tests, in the syntax FreeBSD's ifconfig prints.
  it('reads a VIP with netmask 0xffffffff, a CIDR (-f inet:cidr) and a point-to-point peer', () => {
    const nics = parseIfconfigBsd(
      [
        'lo0: flags=8049<UP,LOOPBACK,RUNNING,MULTICAST> metric 0 mtu 16384',
        '\tinet 198.51.100.10 netmask 0xffffffff',
        '\tinet 198.51.100.11/32',
        'tun0: flags=8051<UP,POINTOPOINT,RUNNING,MULTICAST> metric 0 mtu 1500',
        '\tinet 10.8.0.1 --> 10.8.0.2',
      ].join('\n'),
    )
    expect(nics[0]?.addresses.map((a) => `${a.address}/${a.prefixLength}`)).toEqual(['198.51.100.10/32', '198.51.100.11/32'])
    expect(nics[1]?.addresses[0]).toMatchObject({address: '10.8.0.1', prefixLength: 32})
  })

  it.each([
    ['empty output', '', /no interface found/],
    ['an address line before any header', '\tinet 10.0.0.1 netmask 0xff000000', /unexpected line/],
    ['a non-contiguous mask', 'lo0: flags=8049<UP,LOOPBACK> mtu 16384\n\tinet 10.0.0.1 netmask 0xff00ff00', /not a contiguous IPv4 mask on line 2/],
    ['inet without a netmask', 'lo0: flags=8049<UP,LOOPBACK> mtu 16384\n\tinet 10.0.0.1', /without a netmask/],
    ['an address that is not one', 'lo0: flags=8049<UP,LOOPBACK> mtu 16384\n\tinet 10.0.0.300 netmask 0xff000000', /not an IP address/],
    ['inet6 without prefixlen', 'lo0: flags=8049<UP,LOOPBACK> mtu 16384\n\tinet6 ::1', /prefixlen/],
  ])('throws ParseError on %s (synthetic)', (_name, text, message) => {
    expect(() => parseIfconfigBsd(text)).toThrow(ParseError)
    expect(() => parseIfconfigBsd(text)).toThrow(message)
  })
})

describe('looksLikeIfconfigBsd', () => {
  it('accepts BSD output and refuses Solaris output', () => {
    expect(looksLikeIfconfigBsd(fixture('darwin/ohai-darwin-network/ifconfig-a.txt'))).toBe(true)
    expect(looksLikeIfconfigBsd(fixture('freebsd/sample-13.2-openstack/ifconfig-a.txt'))).toBe(true)
    expect(looksLikeIfconfigBsd(fixture('solaris/sample-sol10-zones-lo0-logical/ifconfig-a.txt'))).toBe(false)
  })
})
