import {describe, expect, it} from 'vitest'

import {canonicalIp, familyOf, formatIpv6, parsePrefix} from '../../src/parse/ip-address.js'

describe('canonicalIp', () => {
  it.each([
    ['192.0.2.1', '192.0.2.1'],
    ['2001:DB8:0:0:0:0:0:1', '2001:db8::1'],
    ['2001:db8:0:0:1:0:0:1', '2001:db8::1:0:0:1'], // equal runs: the first one is compressed
    ['2001:db8:0:1:1:1:1:1', '2001:db8:0:1:1:1:1:1'], // a single zero word stays
    ['1:2:3:4:5:6:7::', '1:2:3:4:5:6:7:0'],
    ['0:0:0:0:0:0:0:0', '::'],
    ['0:0:0:0:0:0:0:1', '::1'],
    ['::FFFF:C000:0201', '::ffff:192.0.2.1'],
    ['::ffff:192.0.2.1', '::ffff:192.0.2.1'],
    ['fe80:0000:0000:0000:b01e:85ff:fe0d:8b03', 'fe80::b01e:85ff:fe0d:8b03'],
  ])('%s → %s', (input, output) => {
    expect(canonicalIp(input)).toBe(output)
  })

  it.each(['', '01.2.3.4', '256.1.1.1', '1.2.3', 'fe80::1%eth0', '1::2::3', 'lo', '*'])('refuses %j', (input) => {
    expect(canonicalIp(input)).toBeUndefined()
  })
})

describe('familyOf / parsePrefix / formatIpv6', () => {
  it('tells the family', () => {
    expect(familyOf('198.51.100.10')).toBe('inet')
    expect(familyOf('2001:db8::10')).toBe('inet6')
    expect(familyOf('default')).toBeUndefined()
  })

  it('splits prefixes and gives bare addresses a host length', () => {
    expect(parsePrefix('198.51.100.0/24')).toEqual({address: '198.51.100.0', prefixLength: 24, family: 'inet'})
    expect(parsePrefix('2001:DB8::10')).toEqual({address: '2001:db8::10', prefixLength: 128, family: 'inet6'})
    expect(parsePrefix('198.51.100.10/33')).toBeUndefined()
    expect(parsePrefix('198.51.100.10/')).toBeUndefined()
    expect(parsePrefix('198.51.100.10/24/1')).toBeUndefined()
  })

  it('formats eight words', () => {
    expect(formatIpv6([0x2001, 0xdb8, 0, 0, 0, 0, 0, 0x10])).toBe('2001:db8::10')
    expect(formatIpv6([0, 0, 0, 0, 0, 0xffff, 0xc633, 0x640b])).toBe('::ffff:198.51.100.11')
  })
})
