import {describe, expect, it} from 'vitest'

import {arpSource, freeAddressCandidates} from '../../src/probe/source-address.js'

describe('arpSource', () => {
  it('never sends from the VIP, even when it is listed first', () => {
    expect(arpSource([{address: '192.0.2.100', prefixLength: 32}, {address: '192.0.2.5', prefixLength: 24}], '192.0.2.100')).toEqual({address: '192.0.2.5', prefixLength: 24})
  })

  it("prefers the address whose subnet holds the VIP, else the first one", () => {
    const addresses = [
      {address: '203.0.113.5', prefixLength: 24},
      {address: '192.0.2.5', prefixLength: 24},
    ]
    expect(arpSource(addresses, '192.0.2.100')?.address).toBe('192.0.2.5')
    expect(arpSource(addresses, '198.51.100.10')?.address).toBe('203.0.113.5')
  })

  it('has nothing when the VIP is the only address', () => {
    expect(arpSource([{address: '192.0.2.100', prefixLength: 24}], '192.0.2.100')).toBeUndefined()
  })
})

describe('freeAddressCandidates', () => {
  it('counts down from below the broadcast address, skipping taken ones', () => {
    expect(freeAddressCandidates({address: '192.0.2.5', prefixLength: 24}, new Set(['192.0.2.253']), 3)).toEqual(['192.0.2.254', '192.0.2.252', '192.0.2.251'])
  })

  it('stays inside small subnets and never offers the network address', () => {
    expect(freeAddressCandidates({address: '192.0.2.9', prefixLength: 30}, new Set(['192.0.2.9']), 5)).toEqual(['192.0.2.10'])
    expect(freeAddressCandidates({address: '192.0.2.9', prefixLength: 31}, new Set(), 5)).toEqual([])
    expect(freeAddressCandidates({address: '192.0.2.9', prefixLength: 32}, new Set(), 5)).toEqual([])
  })

  it('handles a /16', () => {
    expect(freeAddressCandidates({address: '198.51.7.1', prefixLength: 16}, new Set(), 2)).toEqual(['198.51.255.254', '198.51.255.253'])
  })
})
