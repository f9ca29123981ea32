import {describe, expect, it} from 'vitest'

import {fnmatch, isGlob} from '../../src/parse/fnmatch.js'

describe('fnmatch', () => {
  it.each([
    ['*', 'eth0.100', true],
    ['eth?', 'eth0', true],
    ['eth?', 'eth10', false],
    ['en[ps]*', 'ens3', true],
    ['en[!p]*', 'enp3s0', false],
    ['en[^p]*', 'eno1', true],
    ['eth[0-2]', 'eth1', true],
    ['eth[0-2]', 'eth3', false],
    ['a.b', 'axb', false],
    ['\\*', '*', true],
    ['[', '[', true],
    ['lo', 'lo', true],
  ])('%s vs %s → %s', (pattern, name, expected) => {
    expect(fnmatch(pattern, name)).toBe(expected)
  })
})

describe('isGlob', () => {
  it('detects *, ? and [', () => {
    expect(isGlob('net.ipv4.conf.*.rp_filter')).toBe(true)
    expect(isGlob('eth[01]')).toBe(true)
    expect(isGlob('net.ipv4.conf.eth0/100.rp_filter')).toBe(false)
  })
})
