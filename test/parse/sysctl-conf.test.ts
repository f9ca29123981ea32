import {readFileSync} from 'node:fs'
import {join} from 'node:path'

import {describe, expect, it} from 'vitest'

import {normalizeSysctlKey, parseSysctlConf, splitSysctlKey} from '../../src/parse/sysctl-conf.js'
import {FIXTURES_ROOT} from '../helpers/fixtures.js'

const FILE = '/etc/sysctl.d/90-lb.conf'

describe('splitSysctlKey / normalizeSysctlKey', () => {
  it.each([
    ['net.ipv4.conf.eth0/100.rp_filter', ['net', 'ipv4', 'conf', 'eth0.100', 'rp_filter']],
    ['net/ipv4/conf/eth0.100/rp_filter', ['net', 'ipv4', 'conf', 'eth0.100', 'rp_filter']],
    ['/net/ipv4//conf/all/./arp_ignore', ['net', 'ipv4', 'conf', 'all', 'arp_ignore']],
    ['kernel.sysrq', ['kernel', 'sysrq']],
    ['net.ipv4.conf.*.rp_filter', ['net', 'ipv4', 'conf', '*', 'rp_filter']],
  ])('%s → kernel components', (key, components) => {
    expect(splitSysctlKey(key)).toEqual(components)
  })

  it('gives both VLAN spellings one canonical key', () => {
    expect(normalizeSysctlKey('net/ipv4/conf/eth0.100/rp_filter')).toBe('net.ipv4.conf.eth0/100.rp_filter')
    expect(normalizeSysctlKey('net.ipv4.conf.eth0/100.rp_filter')).toBe('net.ipv4.conf.eth0/100.rp_filter')
    // sol1/shorewall-nft#17: enp2s0.10 written with dots is NOT the VLAN; it is conf/enp2s0/10/...
    expect(splitSysctlKey('net.ipv4.conf.enp2s0.10.rp_filter')).toEqual(['net', 'ipv4', 'conf', 'enp2s0', '10', 'rp_filter'])
  })
})

describe('parseSysctlConf', () => {
  it('reads assignments with and without blanks around "="', () => {
    const {assignments, warnings} = parseSysctlConf('net.ipv4.conf.all.arp_ignore=1\nnet.ipv4.conf.ib0.arp_announce =2\n', FILE)
    expect(assignments).toEqual([
      {key: 'net.ipv4.conf.all.arp_ignore', value: '1', file: FILE, line: 1, ignoreFailure: false},
      {key: 'net.ipv4.conf.ib0.arp_announce', value: '2', file: FILE, line: 2, ignoreFailure: false},
    ])
    expect(warnings).toEqual([])
  })

  it('skips # and ; comments and blank lines', () => {
    const {assignments} = parseSysctlConf('# c\n   ; c\n\n\t\nkernel.sysrq = 16\n', FILE)
    expect(assignments.map((a) => a.line)).toEqual([5])
  })

  it('tolerates CRLF and trailing blanks', () => {
    const {assignments} = parseSysctlConf('net.ipv4.conf.all.arp_filter = 1 \r\n net.ipv4.conf.default.arp_filter = 1\t\r\n', FILE)
    expect(assignments.map((a) => [a.key, a.value, a.line])).toEqual([
      ['net.ipv4.conf.all.arp_filter', '1', 1],
      ['net.ipv4.conf.default.arp_filter', '1', 2],
    ])
  })

  it('sets ignoreFailure for a leading "-" and keeps the key clean', () => {
    const {assignments} = parseSysctlConf('-net.ipv4.ping_group_range = 0 2147483647\n- net/core/default_qdisc=fq_codel\n', FILE)
    expect(assignments).toEqual([
      {key: 'net.ipv4.ping_group_range', value: '0 2147483647', file: FILE, line: 1, ignoreFailure: true},
      {key: 'net.core.default_qdisc', value: 'fq_codel', file: FILE, line: 2, ignoreFailure: true},
    ])
  })

  it('returns "-key" lines without "=" as glob exclusions, in line order', () => {
    const {assignments, exclusions} = parseSysctlConf('net.ipv4.conf.*.rp_filter = 2\n-net.ipv4.conf.all.rp_filter\n', FILE)
    expect(assignments).toHaveLength(1)
    expect(exclusions).toEqual([{key: 'net.ipv4.conf.all.rp_filter', file: FILE, line: 2}])
  })

  it('normalizes slash keys with VLAN dots to the canonical dotted key', () => {
    const {assignments} = parseSysctlConf('net/ipv4/conf/eth0.100/arp_ignore = 1\n', FILE)
    expect(assignments[0]?.key).toBe('net.ipv4.conf.eth0/100.arp_ignore')
  })

  it('warns and goes on for a line that is not an assignment (systemd logs and continues)', () => {
    const {assignments, warnings} = parseSysctlConf('net.ipv4.conf.all.arp_ignore\nkernel.sysrq = 1\n= 5\n', FILE)
    expect(assignments.map((a) => a.key)).toEqual(['kernel.sysrq'])
    expect(warnings.map((w) => w.line)).toEqual([1, 3])
  })

  it('keeps an end-of-line "#" in the value, with a warning, because systemd does', () => {
    const {assignments, exclusions, warnings} = parseSysctlConf(
      'net.ipv4.conf.default.rp_filter = 2          # Enable\n-net.ipv4.conf.all.rp_filter    # Disable\n',
      FILE,
    )
    expect(assignments[0]?.value).toBe('2          # Enable')
    expect(exclusions[0]?.key).toContain('#')
    expect(warnings).toHaveLength(2)
  })

  it('reads a real sysctl.conf with DSR settings (debian12-lb-sysctl)', () => {
    const text = readFileSync(join(FIXTURES_ROOT, 'debian12-lb-sysctl', 'etc', 'sysctl.conf'), 'utf8')
    const {assignments, exclusions, warnings} = parseSysctlConf(text, '/etc/sysctl.conf')
    expect(assignments.map((a) => `${a.key}=${a.value}`)).toEqual([
      'net.ipv4.conf.lo.arp_ignore=1',
      'net.ipv4.conf.lo.arp_announce=2',
      'net.ipv4.conf.all.arp_ignore=1',
      'net.ipv4.conf.all.arp_announce=2',
      'net.ipv4.conf.default.arp_ignore=1',
      'net.ipv4.conf.default.arp_announce=2',
      'net.ipv4.conf.eth0.arp_ignore=1',
      'net.ipv4.conf.eth0.arp_announce=2',
    ])
    expect(exclusions).toEqual([])
    expect(warnings).toEqual([])
  })

  it("reads systemd's 50-default.conf: globs, exclusions and ignore-failure lines", () => {
    const text = readFileSync(join(FIXTURES_ROOT, 'debian12-lb-sysctl', 'usr', 'lib', 'sysctl.d', '50-default.conf'), 'utf8')
    const {assignments, exclusions} = parseSysctlConf(text, '/usr/lib/sysctl.d/50-default.conf')
    expect(exclusions.map((e) => e.key)).toEqual([
      'net.ipv4.conf.all.rp_filter',
      'net.ipv4.conf.all.accept_source_route',
      'net.ipv4.conf.all.promote_secondaries',
    ])
    expect(assignments.filter((a) => a.ignoreFailure).map((a) => a.key)).toEqual(['net.ipv4.ping_group_range', 'net.core.default_qdisc'])
    expect(assignments.find((a) => a.key === 'net.ipv4.conf.*.rp_filter')).toMatchObject({value: '2', line: 26})
  })
})
