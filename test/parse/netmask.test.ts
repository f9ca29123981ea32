import {describe, expect, it} from 'vitest'

import {classfulPrefix, hostPrefix, netmaskToPrefix, splitCidr} from '../../src/parse/netmask.js'

describe('netmaskToPrefix', () => {
  it.each([
    ['255.255.255.255', 32],
    ['255.255.255.0', 24],
    ['0.0.0.0', 0],
    ['0xffffff00', 24],
    ['32', 32],
    ['255.0.255.0', undefined],
    ['33', undefined],
    ['foo', undefined],
  ])('%s → %s', (mask, prefix) => {
    expect(netmaskToPrefix(mask)).toBe(prefix)
  })
})

describe('splitCidr', () => {
  it('splits address and prefix, accepting a dotted mask after "/"', () => {
    expect(splitCidr('198.51.100.10/32')).toEqual({address: '198.51.100.10', prefixLength: 32})
    expect(splitCidr('198.51.100.10/255.255.255.0')).toEqual({address: '198.51.100.10', prefixLength: 24})
    expect(splitCidr('2001:db8::1/128')).toEqual({address: '2001:db8::1', prefixLength: 128})
    expect(splitCidr('198.51.100.10')).toEqual({address: '198.51.100.10'})
  })

  it('rejects non-addresses and out-of-range prefixes', () => {
    expect(splitCidr('$VIP/32')).toBeUndefined()
    expect(splitCidr('198.51.100.10/33')).toBeUndefined()
    expect(splitCidr('2001:db8::1/129')).toBeUndefined()
    expect(splitCidr('1.2.3.4/8/9')).toBeUndefined()
  })
})

describe('hostPrefix / classfulPrefix', () => {
  it('gives the host and class-default prefixes', () => {
    expect(hostPrefix('10.0.0.1')).toBe(32)
    expect(hostPrefix('::1')).toBe(128)
    expect(hostPrefix('lo')).toBeUndefined()
    expect([classfulPrefix('10.1.2.3'), classfulPrefix('172.16.0.1'), classfulPrefix('192.168.1.10'), classfulPrefix('224.0.0.1')]).toEqual([8, 16, 24, undefined])
  })
})

describe('splitCidr canonical text', () => {
  it('canonicalizes IPv6 so persisted and live addresses compare equal', () => {
    expect(splitCidr('2001:DB8:0:0::A/128')).toEqual({address: '2001:db8::a', prefixLength: 128})
  })
})
