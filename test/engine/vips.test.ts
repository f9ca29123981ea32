/**
 * Which VIPs an audit checks: the --vip flag when given, else the addresses found on a
 * loopback interface outside 127.0.0.0/8 and ::1 (where a DR real server carries them).
 * When none is found the VIP checks are skipped with a note, so `vipSource` must say so.
 */
import {describe, expect, it} from 'vitest'

import type {Vip} from '../../src/engine/types.js'
import {chooseVips} from '../../src/engine/vips.js'
import {address, ethernet, loopback, ok, unavailable} from '../helpers/host-facts.js'

const V4: Vip = {address: '198.51.100.10', family: 'inet'}
const V6: Vip = {address: '2001:db8::10', family: 'inet6'}

describe('chooseVips', () => {
  it('uses the --vip values when given, even with loopback addresses present', () => {
    const interfaces = ok([loopback(address('203.0.113.7/32')), ethernet()])
    expect(chooseVips([V6], interfaces)).toEqual({vips: [V6], vipSource: 'flag'})
  })

  it('uses the --vip values when interfaces could not be read', () => {
    expect(chooseVips([V4], unavailable())).toEqual({vips: [V4], vipSource: 'flag'})
  })

  it('finds IPv4 and IPv6 addresses on loopback, in order, outside 127/8 and ::1', () => {
    const lo = loopback(address('127.0.0.53/8', 'host'), address('198.51.100.10/32'), address('::1/128', 'host'), address('2001:db8::10/128'))
    expect(chooseVips([], ok([lo, ethernet()]))).toEqual({vips: [V4, V6], vipSource: 'loopback'})
  })

  it('in TUN mode also takes the addresses on tunl0, where the LVS-HOWTO puts the VIP', () => {
    const tunl0 = {...ethernet('tunl0', address('198.51.100.10/32')), noArp: true, kind: 'ipip'}
    expect(chooseVips([], ok([loopback(), ethernet(), tunl0]), 'tun')).toEqual({vips: [V4], vipSource: 'loopback'})
    expect(chooseVips([], ok([loopback(), ethernet(), tunl0]), 'dr')).toEqual({vips: [], vipSource: 'none'})
  })

  it('skips the whole of 127.0.0.0/8, not only 127.0.0.1', () => {
    const lo = loopback(address('127.255.255.254/32', 'host'), address('127.1.2.3/32'))
    expect(chooseVips([], ok([lo]))).toEqual({vips: [], vipSource: 'none'})
  })

  it('lists an address once even when it is on loopback twice or in two spellings', () => {
    const lo = loopback(address('198.51.100.10/32'), {...address('198.51.100.10/24'), label: 'lo:0'}, address('2001:DB8::10/128'), address('2001:db8:0::10/64'))
    const found = chooseVips([], ok([lo]))
    expect(found.vips.map((vip) => vip.address)).toEqual(['198.51.100.10', '2001:DB8::10'])
    expect(found.vipSource).toBe('loopback')
  })

  it('skips the link-local fe80::1 that BSD, macOS and Solaris put on lo0', () => {
    const lo0 = {...loopback(address('fe80::1/64', 'link'), address('198.51.100.10/32')), name: 'lo0'}
    expect(chooseVips([], ok([lo0, ethernet()]))).toEqual({vips: [V4], vipSource: 'loopback'})
  })

  it('ignores addresses on interfaces that are not loopback', () => {
    const eth = ethernet('eth0', address('192.0.2.10/24'), address('198.51.100.10/32'))
    expect(chooseVips([], ok([loopback(), eth]))).toEqual({vips: [], vipSource: 'none'})
  })

  it('reads every loopback interface, not only lo', () => {
    const second = {...loopback(address('198.51.100.20/32')), name: 'lo2'}
    expect(chooseVips([], ok([loopback(), second])).vips).toEqual([{address: '198.51.100.20', family: 'inet'}])
  })

  it('says none when loopback has only its own addresses', () => {
    expect(chooseVips([], ok([loopback(address('::1/128', 'host')), ethernet()]))).toEqual({vips: [], vipSource: 'none'})
  })

  it('says none when interfaces could not be read', () => {
    expect(chooseVips([], unavailable())).toEqual({vips: [], vipSource: 'none'})
  })

  it('copies the --vip list rather than sharing it', () => {
    const given = [V4]
    const chosen = chooseVips(given, ok([]))
    expect(chosen.vips).toEqual(given)
    expect(chosen.vips).not.toBe(given)
  })
})
