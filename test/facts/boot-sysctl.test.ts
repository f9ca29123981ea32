import {lstatSync, readdirSync, readFileSync, readlinkSync} from 'node:fs'
import {join, relative} from 'node:path'

import {describe, expect, it} from 'vitest'

import {effectiveBootIpv4Conf, resolveBootSysctl, type SysctlFileInput} from '../../src/facts/boot-sysctl.js'
import type {BootSysctlReport} from '../../src/facts/model.js'
import {FIXTURES_ROOT} from '../helpers/fixtures.js'

/** Reads a scenario's raw file tree the way a collector would: path, content, symlink target. */
function loadTree(scenario: string): SysctlFileInput[] {
  const root = join(FIXTURES_ROOT, scenario)
  const walk = (dir: string): SysctlFileInput[] =>
    readdirSync(dir, {withFileTypes: true}).flatMap((entry) => {
      const full = join(dir, entry.name)
      if (entry.isDirectory()) return walk(full)
      if (entry.name === 'SOURCE.md') return []
      const path = `/${relative(root, full)}`
      if (!lstatSync(full).isSymbolicLink()) return [{path, content: readFileSync(full, 'utf8')}]
      const linkTarget = readlinkSync(full)
      return [{path, content: linkTarget === '/dev/null' ? '' : readFileSync(full, 'utf8'), linkTarget}]
    })
  return walk(root)
}

const valueOf = (report: BootSysctlReport, key: string) => report.values.find((v) => v.key === key)
const f = (path: string, content: string, linkTarget?: string): SysctlFileInput => ({path, content, ...(linkTarget ? {linkTarget} : {})})

describe('resolveBootSysctl: files', () => {
  it('lets the higher directory win for the same name across all four directories', () => {
    const report = resolveBootSysctl(
      [
        f('/usr/lib/sysctl.d/60-x.conf', 'net.ipv4.conf.all.arp_ignore = 4\n'),
        f('/usr/local/lib/sysctl.d/60-x.conf', 'net.ipv4.conf.all.arp_ignore = 3\n'),
        f('/run/sysctl.d/60-x.conf', 'net.ipv4.conf.all.arp_ignore = 2\n'),
        f('/etc/sysctl.d/60-x.conf', 'net.ipv4.conf.all.arp_ignore = 1\n'),
      ],
      [],
    )
    expect(report.filesApplied).toEqual(['/etc/sysctl.d/60-x.conf'])
    expect(report.filesShadowed).toEqual([
      {file: '/run/sysctl.d/60-x.conf', shadowedBy: '/etc/sysctl.d/60-x.conf'},
      {file: '/usr/local/lib/sysctl.d/60-x.conf', shadowedBy: '/etc/sysctl.d/60-x.conf'},
      {file: '/usr/lib/sysctl.d/60-x.conf', shadowedBy: '/etc/sysctl.d/60-x.conf'},
    ])
    expect(valueOf(report, 'net.ipv4.conf.all.arp_ignore')?.value).toBe('1')
  })

  it('shadows /usr/lib by /run when /etc has no such name, and /lib by /usr/lib', () => {
    const report = resolveBootSysctl(
      [f('/usr/lib/sysctl.d/a.conf', 'x.y = 1\n'), f('/run/sysctl.d/a.conf', 'x.y = 2\n'), f('/lib/sysctl.d/b.conf', 'x.z = 1\n'), f('/usr/lib/sysctl.d/b.conf', 'x.z = 2\n')],
      [],
    )
    expect(report.filesApplied).toEqual(['/run/sysctl.d/a.conf', '/usr/lib/sysctl.d/b.conf'])
    expect(valueOf(report, 'x.y')?.value).toBe('2')
    expect(valueOf(report, 'x.z')?.value).toBe('2')
  })

  it('applies files in strcmp order of base names regardless of directory; the latest name wins', () => {
    const report = resolveBootSysctl(
      [
        f('/etc/sysctl.d/10-lb.conf', 'net.ipv4.conf.all.arp_announce = 2\n'),
        f('/usr/lib/sysctl.d/99-vendor.conf', 'net.ipv4.conf.all.arp_announce = 0\n'),
        f('/run/sysctl.d/50-run.conf', 'net.ipv4.conf.all.arp_announce = 1\n'),
        f('/etc/sysctl.d/a-lower.conf', 'kernel.a = 1\n'),
        f('/etc/sysctl.d/Z-upper.conf', 'kernel.a = 2\n'),
      ],
      [],
    )
    // strcmp, not locale order: digits < 'Z' (0x5a) < 'a' (0x61).
    expect(report.filesApplied).toEqual([
      '/etc/sysctl.d/10-lb.conf',
      '/run/sysctl.d/50-run.conf',
      '/usr/lib/sysctl.d/99-vendor.conf',
      '/etc/sysctl.d/Z-upper.conf',
      '/etc/sysctl.d/a-lower.conf',
    ])
    expect(valueOf(report, 'kernel.a')?.value).toBe('1')
    expect(valueOf(report, 'net.ipv4.conf.all.arp_announce')).toMatchObject({value: '0', file: '/usr/lib/sysctl.d/99-vendor.conf', line: 1})
  })

  it('ignores files that are not *.conf, hidden, or outside the sysctl.d directories', () => {
    const report = resolveBootSysctl(
      [f('/etc/sysctl.d/README', 'a.b = 1\n'), f('/etc/sysctl.d/.hidden.conf', 'a.b = 2\n'), f('/etc/sysctl.d/x.conf.bak', 'a.b = 3\n'), f('/opt/sysctl.d/x.conf', 'a.b = 4\n')],
      [],
    )
    expect(report.filesApplied).toEqual([])
    expect(report.values).toEqual([])
  })

  it('treats a /dev/null symlink as a mask: it shadows and is not applied', () => {
    const report = resolveBootSysctl(loadTree('cis-hardening-vs-tun'), ['eth0', 'tunl0'])
    expect(report.filesApplied).toEqual(['/etc/sysctl.d/90-lb-realserver.conf', '/etc/sysctl.d/99-hardening.conf'])
    expect(report.filesShadowed).toEqual([{file: '/usr/lib/sysctl.d/50-default.conf', shadowedBy: '/etc/sysctl.d/50-default.conf'}])
    expect(report.values.some((v) => v.pattern !== undefined)).toBe(false)
  })
})

describe('resolveBootSysctl: /etc/sysctl.conf', () => {
  const lb = 'net.ipv4.conf.all.arp_ignore = 1\n'

  it('applies /etc/sysctl.conf through the 99-sysctl.conf link, citing the real file', () => {
    const report = resolveBootSysctl([f('/etc/sysctl.d/99-sysctl.conf', lb, '../sysctl.conf'), f('/etc/sysctl.conf', lb)], [])
    expect(report.filesApplied).toEqual(['/etc/sysctl.d/99-sysctl.conf'])
    expect(report.values).toEqual([{key: 'net.ipv4.conf.all.arp_ignore', value: '1', file: '/etc/sysctl.conf', line: 1}])
  })

  it('does not apply a bare /etc/sysctl.conf without the link (Debian 13)', () => {
    const report = resolveBootSysctl(loadTree('debian13-bare-sysctl-conf'), ['ib0', 'ib1'])
    expect(report.filesApplied).toEqual(['/usr/lib/sysctl.d/50-default.conf'])
    expect(valueOf(report, 'net.ipv4.conf.all.arp_announce')).toBeUndefined()
    expect(valueOf(report, 'net.ipv4.conf.ib0.arp_announce')).toBeUndefined()
  })

  it('reads a real Debian 12 tree: the link target wins over the vendor globs for explicit keys', () => {
    const report = resolveBootSysctl(loadTree('debian12-lb-sysctl'), ['lo', 'eth0', 'eth1'])
    expect(report.filesApplied).toEqual(['/usr/lib/sysctl.d/50-default.conf', '/etc/sysctl.d/99-sysctl.conf'])
    expect(valueOf(report, 'net.ipv4.conf.all.arp_ignore')).toMatchObject({value: '1', file: '/etc/sysctl.conf', line: 68})
    expect(valueOf(report, 'net.ipv4.conf.eth1.rp_filter')).toMatchObject({value: '2', pattern: 'net.ipv4.conf.*.rp_filter'})
    expect(valueOf(report, 'net.ipv4.conf.all.rp_filter')).toBeUndefined()
    expect(report.deadKeys).toEqual([])
  })
})

describe('resolveBootSysctl: globs and exclusions (systemd ≥ 245)', () => {
  it('expands a glob against all, default and the interfaces, except excluded keys', () => {
    const report = resolveBootSysctl(loadTree('rhel9-redhat-rp-filter'), ['lo', 'ens192'])
    const rp = report.values.filter((v) => v.key.endsWith('.rp_filter'))
    expect(rp.map((v) => [v.key, v.value, v.file])).toEqual([
      ['net.ipv4.conf.default.rp_filter', '1', '/usr/lib/sysctl.d/50-redhat.conf'],
      ['net.ipv4.conf.lo.rp_filter', '1', '/usr/lib/sysctl.d/50-redhat.conf'],
      ['net.ipv4.conf.ens192.rp_filter', '1', '/usr/lib/sysctl.d/50-redhat.conf'],
    ])
    expect(rp.find((v) => v.key.includes('.lo.'))?.pattern).toBe('net.ipv4.conf.*.rp_filter')
    expect(valueOf(report, 'net.ipv4.conf.all.arp_ignore')).toMatchObject({value: '1', file: '/etc/sysctl.d/90-lb-realserver.conf'})
  })

  it('never lets a glob override an explicit key, even from a later file', () => {
    const report = resolveBootSysctl(
      [f('/etc/sysctl.d/10-explicit.conf', 'net.ipv4.conf.eth0.rp_filter = 0\n'), f('/etc/sysctl.d/90-glob.conf', 'net.ipv4.conf.*.rp_filter = 1\n')],
      ['eth0', 'eth1'],
    )
    expect(valueOf(report, 'net.ipv4.conf.eth0.rp_filter')).toMatchObject({value: '0', file: '/etc/sysctl.d/10-explicit.conf'})
    expect(valueOf(report, 'net.ipv4.conf.eth0.rp_filter')?.pattern).toBeUndefined()
    expect(valueOf(report, 'net.ipv4.conf.eth1.rp_filter')?.value).toBe('1')
  })

  it('supports ?, [...] and [!...] in globs (fnmatch), and VLAN names', () => {
    const report = resolveBootSysctl([f('/etc/sysctl.d/a.conf', 'net.ipv4.conf.eth?.arp_ignore = 1\nnet/ipv4/conf/eth[!1]*/arp_announce = 2\n')], ['eth0', 'eth1', 'eth0.100', 'ens3'])
    const keys = report.values.map((v) => `${v.key}=${v.value}`)
    expect(keys).toEqual(['net.ipv4.conf.eth0.arp_ignore=1', 'net.ipv4.conf.eth1.arp_ignore=1', 'net.ipv4.conf.eth0.arp_announce=2', 'net.ipv4.conf.eth0/100.arp_announce=2'])
  })

  it('lets a later exclusion cancel an earlier explicit assignment, and a later assignment revive it', () => {
    const cancel = resolveBootSysctl([f('/etc/sysctl.d/a.conf', 'net.ipv4.conf.all.rp_filter = 1\n'), f('/etc/sysctl.d/b.conf', '-net.ipv4.conf.all.rp_filter\nnet.ipv4.conf.*.rp_filter = 2\n')], [])
    expect(valueOf(cancel, 'net.ipv4.conf.all.rp_filter')).toBeUndefined()
    expect(valueOf(cancel, 'net.ipv4.conf.default.rp_filter')?.value).toBe('2')
    const revive = resolveBootSysctl([f('/etc/sysctl.d/a.conf', '-net.ipv4.conf.all.rp_filter\n'), f('/etc/sysctl.d/b.conf', 'net.ipv4.conf.all.rp_filter = 0\n')], [])
    expect(valueOf(revive, 'net.ipv4.conf.all.rp_filter')?.value).toBe('0')
  })

  it('lets the later of two globs win a key they both match', () => {
    const report = resolveBootSysctl([f('/usr/lib/sysctl.d/50-default.conf', 'net.ipv4.conf.*.rp_filter = 2\n'), f('/usr/lib/sysctl.d/50-redhat.conf', 'net.ipv4.conf.e*.rp_filter = 1\n')], ['eth0', 'lo'])
    expect(valueOf(report, 'net.ipv4.conf.eth0.rp_filter')).toMatchObject({value: '1', pattern: 'net.ipv4.conf.e*.rp_filter'})
    expect(valueOf(report, 'net.ipv4.conf.lo.rp_filter')).toMatchObject({value: '2', pattern: 'net.ipv4.conf.*.rp_filter'})
  })

  it('keeps the first file when a later one repeats the same value (systemd does not re-insert)', () => {
    const report = resolveBootSysctl([f('/etc/sysctl.d/a.conf', 'kernel.sysrq = 16\n'), f('/etc/sysctl.d/b.conf', 'kernel.sysrq=16\n')], [])
    expect(valueOf(report, 'kernel.sysrq')?.file).toBe('/etc/sysctl.d/a.conf')
  })

  it('passes other keys and globs outside net.ipv4.conf through unchanged', () => {
    const report = resolveBootSysctl([f('/etc/sysctl.d/a.conf', 'net.ipv6.conf.*.forwarding = 0\n-net.core.default_qdisc = fq_codel\n')], ['eth0'])
    expect(report.values).toEqual([
      {key: 'net.ipv6.conf.*.forwarding', value: '0', file: '/etc/sysctl.d/a.conf', line: 1, pattern: 'net.ipv6.conf.*.forwarding'},
      {key: 'net.core.default_qdisc', value: 'fq_codel', file: '/etc/sysctl.d/a.conf', line: 2},
    ])
  })
})

describe('resolveBootSysctl: dead keys and later overrides', () => {
  it('reports concrete keys for missing interfaces as dead, not as values', () => {
    const report = resolveBootSysctl(loadTree('debian12-lb-sysctl'), ['lo', 'ens192'])
    expect(report.deadKeys.map((d) => d.key)).toEqual(['net.ipv4.conf.eth0.arp_ignore', 'net.ipv4.conf.eth0.arp_announce'])
    expect(valueOf(report, 'net.ipv4.conf.eth0.arp_ignore')).toBeUndefined()
  })

  it('matches VLAN keys in either spelling against the kernel interface name', () => {
    const report = resolveBootSysctl([f('/etc/sysctl.d/a.conf', 'net.ipv4.conf.eth0/100.rp_filter = 0\nnet/ipv4/conf/eth0.200/rp_filter = 0\n')], ['eth0.100'])
    expect(report.values.map((v) => v.key)).toEqual(['net.ipv4.conf.eth0/100.rp_filter'])
    expect(report.deadKeys.map((v) => v.key)).toEqual(['net.ipv4.conf.eth0/200.rp_filter'])
  })

  it('shows a later hardening file resetting rp_filter for a TUN real server', () => {
    const report = resolveBootSysctl(loadTree('cis-hardening-vs-tun'), ['eth0', 'tunl0'])
    expect(valueOf(report, 'net.ipv4.conf.all.rp_filter')).toMatchObject({value: '1', file: '/etc/sysctl.d/99-hardening.conf'})
    expect(valueOf(report, 'net.ipv4.conf.tunl0.rp_filter')).toMatchObject({value: '0', file: '/etc/sysctl.d/90-lb-realserver.conf'})
  })
})

describe('effectiveBootIpv4Conf', () => {
  it('turns boot values of the four keys into the live-values shape', () => {
    const report = resolveBootSysctl(loadTree('rhel9-redhat-rp-filter'), ['lo', 'eth0.100'])
    expect(effectiveBootIpv4Conf(report)).toEqual({
      all: {arp_ignore: 1, arp_announce: 2},
      default: {rp_filter: 1},
      lo: {rp_filter: 1},
      'eth0.100': {rp_filter: 1},
    })
  })

  it('skips values the kernel would reject', () => {
    const report = resolveBootSysctl([f('/etc/sysctl.d/a.conf', 'net.ipv4.conf.all.arp_ignore = 1 # one\nnet.ipv4.conf.all.arp_announce = two\nnet.ipv4.conf.all.rp_filter = 2\n')], [])
    expect(effectiveBootIpv4Conf(report)).toEqual({all: {rp_filter: 2}})
  })

  it('fills gaps like the kernel when interface names are given: 0 for all/default, default for interfaces', () => {
    const report = resolveBootSysctl([f('/etc/sysctl.d/a.conf', 'net.ipv4.conf.default.arp_ignore = 1\nnet.ipv4.conf.eth1.arp_ignore = 2\n')], ['eth0', 'eth1'])
    expect(effectiveBootIpv4Conf(report, ['eth0', 'eth1'])).toEqual({
      all: {arp_ignore: 0, arp_announce: 0, arp_filter: 0, rp_filter: 0},
      default: {arp_ignore: 1, arp_announce: 0, arp_filter: 0, rp_filter: 0},
      eth0: {arp_ignore: 1, arp_announce: 0, arp_filter: 0, rp_filter: 0},
      eth1: {arp_ignore: 2, arp_announce: 0, arp_filter: 0, rp_filter: 0},
    })
  })
})
