/**
 * Address arithmetic behind "does this local route cover the VIP?" and "is this listener the
 * VIP?". IPv6 has many spellings of one address (compressed, expanded, upper case, a dotted
 * IPv4 tail, a zone id), and a wrong answer here turns into a false pass or a false failure
 * in vip-host-prefix, vip-on-loopback and the listener checks.
 */
import {describe, expect, it} from 'vitest'

import {addressToBigInt, familyOf, hostPrefixLength, isWildcard, prefixContains, sameAddress} from '../../src/facts/cidr.js'
import {parsePrefix} from '../../src/parse/ip-address.js'

describe('addressToBigInt: IPv4', () => {
  it.each([
    ['0.0.0.0', 0n],
    ['0.0.0.1', 1n],
    ['192.0.2.1', 0xc0_00_02_01n],
    ['255.255.255.255', 0xff_ff_ff_ffn],
  ])('reads %s as %s', (text, value) => {
    expect(addressToBigInt(text)).toBe(value)
  })
})

describe('addressToBigInt: IPv6', () => {
  const DOC_ONE = 0x2001_0db8_0000_0000_0000_0000_0000_0001n

  it.each([
    ['compressed', '2001:db8::1', DOC_ONE],
    ['fully expanded with leading zeros', '2001:0db8:0000:0000:0000:0000:0000:0001', DOC_ONE],
    ['upper case', '2001:DB8::1', DOC_ONE],
    ['partly compressed', '2001:db8:0::0:1', DOC_ONE],
    ['the unspecified address', '::', 0n],
    ['the loopback address', '::1', 1n],
    ['trailing ::', '2001:db8::', 0x2001_0db8n << 96n],
    ['no :: at all', '1:2:3:4:5:6:7:8', 0x0001_0002_0003_0004_0005_0006_0007_0008n],
    ['the largest address', 'ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff', (1n << 128n) - 1n],
  ])('reads the %s form', (_name, text, value) => {
    expect(addressToBigInt(text)).toBe(value)
  })

  it('reads a v4-mapped address with a dotted tail as the same number as its hex form', () => {
    expect(addressToBigInt('::ffff:192.0.2.1')).toBe(0xffff_c000_0201n)
    expect(addressToBigInt('::ffff:c000:201')).toBe(0xffff_c000_0201n)
  })

  it('reads a dotted tail after six groups', () => {
    expect(addressToBigInt('1:2:3:4:5:6:1.2.3.4')).toBe(0x0001_0002_0003_0004_0005_0006_0102_0304n)
  })

  it('ignores a zone id', () => {
    expect(addressToBigInt('fe80::1%eth0')).toBe(addressToBigInt('fe80::1'))
    expect(addressToBigInt('fe80::1%eth0')).toBe(0xfe80n << 112n | 1n)
  })
})

describe('addressToBigInt: not an address', () => {
  it.each(['', 'eth0', '192.0.2', '192.0.2.256', '192.0.2.1/24', '2001:db8::1::2', '2001:db8::g'])('throws a TypeError for %j', (text) => {
    expect(() => addressToBigInt(text)).toThrow(TypeError)
  })
})

describe('prefixContains', () => {
  // [why, network, prefix length, address, contained]
  it.each([
    ['the first address of an IPv4 prefix', '192.0.2.0', 24, '192.0.2.0', true],
    ['the last address of an IPv4 prefix', '192.0.2.0', 24, '192.0.2.255', true],
    ['the address just below an IPv4 prefix', '192.0.2.0', 24, '192.0.1.255', false],
    ['the address just above an IPv4 prefix', '192.0.2.0', 24, '192.0.3.0', false],
    ['the first address of an IPv6 prefix', '2001:db8::', 32, '2001:db8::', true],
    ['the last address of an IPv6 prefix', '2001:db8::', 32, '2001:db8:ffff:ffff:ffff:ffff:ffff:ffff', true],
    ['the address just below an IPv6 prefix', '2001:db8::', 32, '2001:db7:ffff:ffff:ffff:ffff:ffff:ffff', false],
    ['the address just above an IPv6 prefix', '2001:db8::', 32, '2001:db9::', false],
    ['a network written with host bits set', '198.51.100.77', 24, '198.51.100.1', true],
    ['any IPv4 address in /0', '0.0.0.0', 0, '255.255.255.255', true],
    ['any IPv6 address in ::/0', '::', 0, 'ffff::1', true],
    ['the one address of a /32', '198.51.100.10', 32, '198.51.100.10', true],
    ['another address than the /32', '198.51.100.10', 32, '198.51.100.11', false],
    ['the one address of a /128, spelled differently', '2001:db8::10', 128, '2001:DB8:0::10', true],
    ['another address than the /128', '2001:db8::10', 128, '2001:db8::11', false],
    ['the end of 127.0.0.0/8', '127.0.0.0', 8, '127.255.255.254', true],
    ['the address after 127.0.0.0/8', '127.0.0.0', 8, '128.0.0.1', false],
    ['an IPv6 address in IPv4 /0', '0.0.0.0', 0, '::', false],
    ['an IPv4 address in IPv6 /0', '::', 0, '192.0.2.1', false],
    ['a v4-mapped address in its IPv4 prefix', '192.0.2.0', 24, '::ffff:192.0.2.1', false],
    ['a network that is not an address', 'default', 0, '192.0.2.1', false],
    ['an address that is not an address', '192.0.2.0', 24, 'eth0', false],
  ] satisfies Array<[string, string, number, string, boolean]>)('%s: %s/%i contains %s is %s', (_why, network, prefixLength, text, contained) => {
    expect(prefixContains(network, prefixLength, text)).toBe(contained)
  })
})

// Route destinations are split with the parsers' parsePrefix; these are the cases the engine relies on.
describe('parsePrefix as the engine uses it', () => {
  const splitCidr = (text: string) => {
    const parts = parsePrefix(text)
    return parts && {address: parts.address, prefixLength: parts.prefixLength}
  }

  it('splits IPv4 and IPv6 prefixes', () => {
    expect(splitCidr('198.51.100.0/24')).toEqual({address: '198.51.100.0', prefixLength: 24})
    expect(splitCidr('2001:db8::/32')).toEqual({address: '2001:db8::', prefixLength: 32})
  })

  it('takes a bare address as a host prefix', () => {
    expect(splitCidr('198.51.100.10')).toEqual({address: '198.51.100.10', prefixLength: 32})
    expect(splitCidr('2001:db8::10')).toEqual({address: '2001:db8::10', prefixLength: 128})
  })

  it('accepts the extremes /0, /32 and /128', () => {
    expect(splitCidr('0.0.0.0/0')).toEqual({address: '0.0.0.0', prefixLength: 0})
    expect(splitCidr('198.51.100.10/32')?.prefixLength).toBe(32)
    expect(splitCidr('::/128')?.prefixLength).toBe(128)
  })

  it.each(['198.51.100.0/33', '2001:db8::/129', '198.51.100.0/-1', '198.51.100.0/24.5', '198.51.100.0/abc', 'default', 'default/0', '/24', ''])(
    'rejects %j',
    (text) => {
      expect(splitCidr(text)).toBeUndefined()
    },
  )

  // Number('') is 0: a trailing slash must not read as /0, "the whole address space".
  it('rejects an address with an empty prefix length such as "198.51.100.0/"', () => {
    expect(splitCidr('198.51.100.0/')).toBeUndefined()
  })
})

describe('sameAddress', () => {
  it('compares IPv6 by value, whatever the spelling', () => {
    expect(sameAddress('2001:DB8::1', '2001:db8:0::1')).toBe(true)
    expect(sameAddress('2001:db8::1', '2001:0db8:0000:0000:0000:0000:0000:0001')).toBe(true)
    expect(sameAddress('::ffff:192.0.2.1', '::ffff:c000:201')).toBe(true)
  })

  it('tells different addresses apart', () => {
    expect(sameAddress('198.51.100.10', '198.51.100.11')).toBe(false)
    expect(sameAddress('2001:db8::1', '2001:db8::2')).toBe(false)
  })

  it('does not equate an IPv4 address with its v4-mapped IPv6 form', () => {
    expect(sameAddress('192.0.2.1', '::ffff:192.0.2.1')).toBe(false)
  })

  it('is false, not an exception, when a side is not an address', () => {
    expect(sameAddress('eth0', 'eth0')).toBe(false)
    expect(sameAddress('192.0.2.1', '')).toBe(false)
  })
})

describe('isWildcard', () => {
  it.each(['0.0.0.0', '*', '::', '0:0:0:0:0:0:0:0', '::0'])('treats %j as a wildcard', (text) => {
    expect(isWildcard(text)).toBe(true)
  })

  it.each(['127.0.0.1', '::1', '198.51.100.10', '::ffff:0.0.0.0', '', 'any'])('does not treat %j as a wildcard', (text) => {
    expect(isWildcard(text)).toBe(false)
  })
})

describe('familyOf and hostPrefixLength', () => {
  it('names the family and its host prefix length', () => {
    expect([familyOf('192.0.2.1'), familyOf('2001:db8::1'), familyOf('fe80::1%eth0'), familyOf('lo')]).toEqual(['inet', 'inet6', 'inet6', undefined])
    expect([hostPrefixLength('inet'), hostPrefixLength('inet6')]).toEqual([32, 128])
  })
})
