/**
 * The kernel combines conf/all and conf/IFACE (include/linux/inetdevice.h): max() for
 * arp_ignore, arp_announce and rp_filter, OR for arp_filter. Every combination of 0..9 is
 * checked, because the classic mistake is reading only the interface value and missing a
 * stray `all` that overrides it. The arp-ignore rule is then driven over the same grid to
 * prove the verdict follows the effective value: 1 and 2 pass, 3 only with scope-host VIPs,
 * reserved 4-7 and 9+ and the "answer nothing" 8 fail.
 */
import {describe, expect, it} from 'vitest'

import {effectiveValue, sysctlKey} from '../../src/facts/effective-sysctl.js'
import type {Ipv4Conf, Ipv4ConfKey} from '../../src/facts/model.js'
import {ruleById} from '../engine/real-rules.js'
import {address, conf, ethernet, hostFacts, loopback} from '../helpers/host-facts.js'
import {type CaseInputs, runCase} from '../helpers/rule-tester.js'

const VALUES = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9] as const
const PAIRS = VALUES.flatMap((all) => VALUES.map((iface) => [all, iface] as const))

/** A 10×10 grid (rows: all, columns: iface) so a failure shows exactly which cells differ. */
function grid<T>(cell: (all: number, iface: number) => T): T[][] {
  return VALUES.map((all) => VALUES.map((iface) => cell(all, iface)))
}

function confWith(key: Ipv4ConfKey, all: number, iface: number): Ipv4Conf {
  return {all: {[key]: all}, eth0: {[key]: iface}}
}

describe('effectiveValue: max(all, iface) keys', () => {
  it.each(['arp_ignore', 'arp_announce', 'rp_filter'] as const)('%s is the larger of all and the interface value for every pair 0..9', (key) => {
    const actual = grid((all, iface) => effectiveValue(confWith(key, all, iface), 'eth0', key))
    const expected = grid((all, iface) => ({key, iface: 'eth0', effective: all >= iface ? all : iface, all, ifaceValue: iface}))
    expect(actual).toEqual(expected)
  })

  it('lets all=1 and iface=0 give 1, and all=0 and iface=1 give 1 (neither side alone decides)', () => {
    expect(effectiveValue(confWith('arp_ignore', 1, 0), 'eth0', 'arp_ignore')?.effective).toBe(1)
    expect(effectiveValue(confWith('arp_ignore', 0, 1), 'eth0', 'arp_ignore')?.effective).toBe(1)
  })

  it('cannot relax rp_filter per interface below all (all=1, tunl0=0 is strict)', () => {
    expect(effectiveValue({all: {rp_filter: 1}, tunl0: {rp_filter: 0}}, 'tunl0', 'rp_filter')?.effective).toBe(1)
    expect(effectiveValue({all: {rp_filter: 2}, eth0: {rp_filter: 1}}, 'eth0', 'rp_filter')?.effective).toBe(2)
  })
})

describe('effectiveValue: arp_filter is all OR iface', () => {
  it('is 1 when either side is 1, else 0', () => {
    const bits = [0, 1]
    const actual = bits.flatMap((all) => bits.map((iface) => effectiveValue(confWith('arp_filter', all, iface), 'eth0', 'arp_filter')?.effective))
    expect(actual).toEqual([0, 1, 1, 1])
  })

  it('treats any non-zero value on either side as true and reports 1, for every pair 0..9', () => {
    const actual = grid((all, iface) => effectiveValue(confWith('arp_filter', all, iface), 'eth0', 'arp_filter')?.effective)
    const expected = grid((all, iface) => (all === 0 && iface === 0 ? 0 : 1))
    expect(actual).toEqual(expected)
  })

  it('keeps the raw values next to the effective one', () => {
    expect(effectiveValue(confWith('arp_filter', 0, 7), 'eth0', 'arp_filter')).toEqual({key: 'arp_filter', iface: 'eth0', effective: 1, all: 0, ifaceValue: 7})
  })
})

describe('effectiveValue: missing values', () => {
  it.each([
    ['all is missing entirely', {eth0: {arp_ignore: 1}}],
    ['all lacks the key', {all: {arp_announce: 2}, eth0: {arp_ignore: 1}}],
    ['the interface is missing entirely', {all: {arp_ignore: 1}}],
    ['the interface lacks the key', {all: {arp_ignore: 1}, eth0: {arp_announce: 2}}],
    ['nothing was read', {}],
  ] satisfies Array<[string, Ipv4Conf]>)('is undefined when %s', (_name, ipv4Conf) => {
    expect(effectiveValue(ipv4Conf, 'eth0', 'arp_ignore')).toBeUndefined()
  })

  it('does not fall back to default for a missing interface value', () => {
    expect(effectiveValue({all: {arp_ignore: 0}, default: {arp_ignore: 1}}, 'eth0', 'arp_ignore')).toBeUndefined()
  })

  it('looks a VLAN up by its kernel name with the dot', () => {
    expect(effectiveValue({all: {rp_filter: 0}, 'eth0.100': {rp_filter: 2}}, 'eth0.100', 'rp_filter')?.effective).toBe(2)
  })
})

describe('sysctlKey', () => {
  it('writes a VLAN interface with a slash (procps convention)', () => {
    expect(sysctlKey('eth0.100', 'rp_filter')).toBe('net.ipv4.conf.eth0/100.rp_filter')
  })

  it('replaces every dot of a stacked VLAN name', () => {
    expect(sysctlKey('bond0.10.20', 'arp_ignore')).toBe('net.ipv4.conf.bond0/10/20.arp_ignore')
  })

  it('leaves plain names, all and default untouched', () => {
    expect([sysctlKey('all', 'arp_ignore'), sysctlKey('default', 'arp_filter'), sysctlKey('ens192', 'arp_announce')]).toEqual([
      'net.ipv4.conf.all.arp_ignore',
      'net.ipv4.conf.default.arp_filter',
      'net.ipv4.conf.ens192.arp_announce',
    ])
  })
})

const rule = ruleById('arp-ignore')

describe('the arp-ignore rule over every all/iface pair 0..9', () => {
  const VIP = '198.51.100.10'

  /** The outcome on eth0 for all=a, eth0=i, with lo carrying the VIP at `scope` (or no VIP at all). */
  function outcomes(scope: 'host' | 'global' | undefined): string[][] {
    const lo = scope === undefined ? loopback() : loopback(address(`${VIP}/32`, scope))
    const inputs: CaseInputs = scope === undefined ? {} : {vips: [VIP]}
    return grid((all, iface) => {
      const facts = hostFacts({interfaces: [lo, ethernet()], ipv4Conf: conf(['lo', 'eth0'], {all: {arp_ignore: all}, eth0: {arp_ignore: iface}})})
      return runCase(rule, facts, inputs).map((result) => `${result.subject}:${result.outcome}`).join(' ')
    })
  }

  const verdict = (passing: number[]) => grid((all, iface) => `eth0:${passing.includes(Math.max(all, iface)) ? 'pass' : 'fail'}`)

  it('passes exactly when max(all, iface) is 1 or 2 when no VIP is known', () => {
    expect(outcomes(undefined)).toEqual(verdict([1, 2]))
  })

  it('passes exactly when max(all, iface) is 1 or 2 when the VIP has scope global (3 does not protect it)', () => {
    expect(outcomes('global')).toEqual(verdict([1, 2]))
  })

  it('also passes 3 when every VIP on loopback has scope host', () => {
    expect(outcomes('host')).toEqual(verdict([1, 2, 3]))
  })

  it('explains reserved values and 8 in the failure message', () => {
    const message = (all: number, iface: number) =>
      runCase(rule, hostFacts({ipv4Conf: conf(['lo', 'eth0'], {all: {arp_ignore: all}, eth0: {arp_ignore: iface}})}))[0]?.message ?? ''
    for (const [all, iface] of PAIRS) {
      const effective = Math.max(all, iface)
      if ((effective >= 4 && effective <= 7) || effective >= 9) expect(message(all, iface), `all=${all} eth0=${iface}`).toContain('reserved value')
      if (effective === 8) expect(message(all, iface), `all=${all} eth0=${iface}`).toContain('unreachable')
    }
  })
})
