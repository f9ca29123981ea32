/**
 * collectors/collect.sh on Solaris, FreeBSD and macOS. There is no such host here, so a fake
 * `uname` on PATH says SunOS, FreeBSD or Darwin, and fake ifconfig, ipadm and sysctl print real
 * captures (fixtures/<platform>/); the boot-time files come from an /etc overlay in a private
 * mount namespace (root only, as the Linux overlay tests). What is verified: the branch taken by
 * `uname -s`, the command ids and argv (the same as src/collect/unix-commands.ts), the files and
 * folders read, a schema-valid bundle, and that `rsaudit audit --from` reads it into the verdicts
 * the captures imply. Not verified: the real programs' exit codes and stderr on those systems,
 * and the plutil conversion of a binary plist (macOS only).
 */
import {spawnSync, type SpawnSyncReturns} from 'node:child_process'
import {chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {dirname, join} from 'node:path'
import {fileURLToPath} from 'node:url'

import {afterAll, beforeAll, describe, expect, it} from 'vitest'

import {openBundle} from '../../src/collect/bundle/open-bundle.js'
import {DARWIN_COMMANDS, FREEBSD_COMMANDS, SOLARIS_COMMANDS} from '../../src/collect/unix-commands.js'
import {runAudit} from '../../src/engine/audit.js'
import type {Report} from '../../src/engine/types.js'
import {inEtcOverlay, overlayAvailable} from '../helpers/etc-overlay.js'
import {runCli} from '../helpers/run-cli.js'
import {bundleProblems, type Manifest} from './bundle-schema.js'

const SCRIPT = fileURLToPath(new URL('../../collectors/collect.sh', import.meta.url))
const FIXTURES = fileURLToPath(new URL('../../fixtures/', import.meta.url))
const RULES = fileURLToPath(new URL('../../rules/', import.meta.url))
const VIP = '198.51.100.10'
let work = ''

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'rsaudit-collect-sh-unix-'))
  chmodSync(work, 0o755)
})

afterAll(() => {
  rmSync(work, {recursive: true, force: true})
})

interface FakeHost {
  uname: {s: string; r: string; n: string}
  /** Program name → shell body (sh syntax; "$*" are its arguments). */
  programs: Record<string, string>
}

/** A bin folder with a fake uname and programs that print `files` (written next to them). */
function fakeBin(name: string, host: FakeHost, files: Record<string, string>): string {
  const bin = join(work, name, 'bin')
  mkdirSync(bin, {recursive: true})
  for (const [file, text] of Object.entries(files)) writeFileSync(join(bin, file), text)
  const uname = `case "$1" in -s) echo ${host.uname.s} ;; -r) echo ${host.uname.r} ;; -n) echo ${host.uname.n} ;; *) echo "${host.uname.s} ${host.uname.n} ${host.uname.r}" ;; esac`
  for (const [program, body] of Object.entries({uname, ...host.programs})) writeFileSync(join(bin, program), `#!/bin/sh\nHERE=$(dirname "$0")\n${body}\n`, {mode: 0o755})
  return bin
}

function collect(bin: string, out: string, etc?: Record<string, string>): SpawnSyncReturns<string> {
  const argv = ['env', `PATH=${bin}:${process.env.PATH ?? ''}`, 'sh', SCRIPT, '-o', out]
  if (etc === undefined) return spawnSync(argv[0] ?? 'env', argv.slice(1), {encoding: 'utf8', timeout: 60_000, cwd: work})
  const fixture = join(work, `${out.split('/').at(-1) ?? 'x'}-etc`)
  for (const [path, text] of Object.entries(etc)) {
    mkdirSync(dirname(join(fixture, 'etc', path)), {recursive: true})
    writeFileSync(join(fixture, 'etc', path), text)
  }
  return inEtcOverlay(fixture, [], argv, work)
}

const fixture = (path: string) => readFileSync(join(FIXTURES, path), 'utf8')
const manifestOf = (bundle: string) => JSON.parse(readFileSync(join(bundle, 'bundle.json'), 'utf8')) as Manifest
const argvOf = (specs: Record<string, {id: string; argv: readonly string[]}>) => Object.values(specs).map((spec) => ({id: spec.id, argv: [...spec.argv]}))

async function audit(bundle: string): Promise<Report> {
  return runAudit(await openBundle(bundle), {vips: [{address: VIP, family: 'inet'}], ports: [], mode: 'dr', rulesDir: RULES})
}

function outcomes(report: Report): Record<string, string> {
  return Object.fromEntries(report.results.map((r) => [r.ruleId, r.outcome]))
}

const SOLARIS: FakeHost = {
  uname: {s: 'SunOS', r: '5.11', n: 'sol11'},
  programs: {
    ifconfig: 'cat "$HERE/ifconfig.txt"',
    ipadm: 'case "$1" in show-addr) cat "$HERE/show-addr.txt" ;; show-prop) cat "$HERE/show-prop.txt" ;; esac',
  },
}

// The VIP on lo0:1 and as a persistent ipadm object: real layouts (fixtures/solaris) with the VIP rows added.
const SOLARIS_FILES = {
  'ifconfig.txt': `${fixture('solaris/forum-sol10-ipmp-hostname-files/ifconfig-a.txt')}lo0:1: flags=2001000849<UP,LOOPBACK,RUNNING,MULTICAST,IPv4,VIRTUAL> mtu 8232 index 1\n        inet ${VIP} netmask ffffffff\n`,
  'show-addr.txt': `${fixture('solaris/blog-illumos-zone-show-addr-all/ipadm-show-addr.txt')}lo0/vip1          static   ok           U----   U--        ${VIP}/32\n`,
  'show-prop.txt': 'PROTO PROPERTY              PERM CURRENT      PERSISTENT   DEFAULT      POSSIBLE\nipv4  hostmodel             rw   strong       strong       weak         strong,src-priority,weak\n',
}

describe('collect.sh with uname -s SunOS', () => {
  let bundle = ''

  beforeAll(() => {
    bundle = join(work, 'sol', 'b')
    const result = collect(fakeBin('sol', SOLARIS, SOLARIS_FILES), bundle)
    expect(result.stderr).toBe('')
    expect(result.status).toBe(0)
  })

  it('runs the Solaris commands with the ids and argv the audit reads, and lists /etc', () => {
    const manifest = manifestOf(bundle)
    expect(bundleProblems(manifest)).toBe('')
    expect(manifest).toMatchObject({platform: 'solaris', hostname: expect.any(String), os: {distro: 'SunOS', release: '5.11', kernel: '5.11'}})
    expect(manifest.commands.map(({id, argv}) => ({id, argv}))).toEqual(expect.arrayContaining(argvOf(SOLARIS_COMMANDS)))
    expect(manifest.dirs.map((d) => d.path)).toContain('/etc')
    expect(manifest.files.find((f) => f.path === '/etc/inet/hosts')).toBeDefined()
  })

  it('audits to the verdicts the captures imply: VIP up and persistent, hostmodel strong', async () => {
    const report = await audit(bundle)
    expect(report.target).toMatchObject({platform: 'solaris', source: 'bundle'})
    expect(outcomes(report)).toEqual({'vip-on-loopback': 'pass', 'vip-host-prefix': 'pass', 'vip-persistent': 'pass', 'solaris-hostmodel': 'fail'})
    const hostmodel = report.results.find((r) => r.ruleId === 'solaris-hostmodel')
    expect(hostmodel?.remediation.flatMap((fix) => fix.commands)).toEqual(['ipadm set-prop -p hostmodel=weak ipv4'])
  })
})

describe('collect.sh with uname -s SunOS 5.10 (no ipadm)', () => {
  it.skipIf(!overlayAvailable().ok)('reads /etc/hostname.lo0:1 and resolves its host name in /etc/inet/hosts', async () => {
    const host = {...SOLARIS, uname: {...SOLARIS.uname, r: '5.10'}, programs: {ifconfig: SOLARIS.programs.ifconfig ?? ''}}
    const bundle = join(work, 'sol10', 'b')
    // Synthetic files in the syntax of the real ones in fixtures/solaris/forum-sol10-ipmp-hostname-files.
    const result = collect(fakeBin('sol10', host, SOLARIS_FILES), bundle, {'hostname.lo0:1': 'www-vip netmask 255.255.255.255 up\n', 'inet/hosts': `127.0.0.1 localhost\n${VIP} www-vip\n`})
    expect(result.status, result.stderr).toBe(0)
    const manifest = manifestOf(bundle)
    expect(manifest.commands.find((c) => c.id === 'ipadm-show-addr')?.failure?.reason).toBe('command-missing')
    expect(manifest.files.find((f) => f.path === '/etc/hostname.lo0:1')?.copy).toBe('files/etc/hostname.lo0:1')
    const report = await audit(bundle)
    expect(outcomes(report)).toEqual({'vip-on-loopback': 'pass', 'vip-host-prefix': 'pass', 'vip-persistent': 'pass'})
    expect(report.results.find((r) => r.ruleId === 'vip-persistent')?.message).toContain('hostname-file (/etc/hostname.lo0:1:1)')
  })
})

const FREEBSD: FakeHost = {
  uname: {s: 'FreeBSD', r: '14.1-RELEASE', n: 'fbsd'},
  programs: {
    ifconfig: 'cat "$HERE/ifconfig.txt"',
    // FreeBSD 14 has only the new name and refuses the old one, as sysctl(8) does.
    sysctl: `case "$1" in net.inet.ip.rfc1122_strong_es) echo 'net.inet.ip.rfc1122_strong_es: 0' ;; *) echo "sysctl: unknown oid '$1'" >&2; exit 1 ;; esac`,
  },
}

// The real FreeBSD 14 capture with the VIP added as an lo0 alias, as `ifconfig lo0 alias VIP netmask 0xffffffff` shows it.
const FREEBSD_FILES = {'ifconfig.txt': fixture('freebsd/ohai-freebsd-lo1/ifconfig-a.txt').replace('    inet 127.0.0.1 netmask 0xff000000\n', `    inet 127.0.0.1 netmask 0xff000000\n    inet ${VIP} netmask 0xffffffff\n`)}

describe('collect.sh with uname -s FreeBSD', () => {
  it('runs both strong-ES sysctls, records the refused one, and audits rfc1122_strong_es', async () => {
    const bundle = join(work, 'fbsd', 'b')
    const result = collect(fakeBin('fbsd', FREEBSD, FREEBSD_FILES), bundle)
    expect(result.status, result.stderr).toBe(0)
    const manifest = manifestOf(bundle)
    expect(bundleProblems(manifest)).toBe('')
    expect(manifest.commands.map(({id, argv}) => ({id, argv}))).toEqual(expect.arrayContaining(argvOf(FREEBSD_COMMANDS)))
    expect(manifest.commands.find((c) => c.id === 'sysctl-check-interface')).toMatchObject({exitCode: 1, failure: {reason: 'nonzero-exit'}})
    expect(manifest.files.map((f) => f.path)).toEqual(expect.arrayContaining(['/etc/rc.conf', '/etc/rc.conf.local', '/etc/sysctl.conf']))
    const report = await audit(bundle)
    expect(report.results.find((r) => r.ruleId === 'bsd-check-interface')).toMatchObject({outcome: 'pass', message: expect.stringContaining('net.inet.ip.rfc1122_strong_es is 0')})
    expect(outcomes(report)['vip-on-loopback']).toBe('pass')
  })

  it.skipIf(!overlayAvailable().ok)('reads rc.conf and sysctl.conf: alias1 without alias0, strong ES turned on for the next boot', async () => {
    const bundle = join(work, 'fbsd-etc', 'b')
    // Synthetic files in the syntax of the real rc.conf in fixtures/freebsd/blog-bgp-router-rc-conf.
    const etc = {'rc.conf': `hostname="fbsd"\nifconfig_lo0_alias1="inet ${VIP} netmask 0xffffffff"\n`, 'sysctl.conf': '# hardening\nnet.inet.ip.rfc1122_strong_es=1\n'}
    const result = collect(fakeBin('fbsd-etc', FREEBSD, FREEBSD_FILES), bundle, etc)
    expect(result.status, result.stderr).toBe(0)
    const report = await audit(bundle)
    const byId = (id: string) => report.results.find((r) => r.ruleId === id)
    expect(byId('vip-persistent')).toMatchObject({outcome: 'fail', message: expect.stringContaining('rc stops at the first missing alias number')})
    expect(byId('vip-persistent')?.remediation.flatMap((fix) => fix.commands)).toEqual([`sysrc 'ifconfig_lo0_alias0=inet ${VIP} netmask 0xffffffff'`])
    expect(byId('bsd-check-interface')).toMatchObject({outcome: 'fail', message: expect.stringContaining('0 now and 1 after a reboot (/etc/sysctl.conf:2)')})
  })
})

const DARWIN: FakeHost = {
  uname: {s: 'Darwin', r: '23.4.0', n: 'mac'},
  programs: {ifconfig: 'cat "$HERE/ifconfig.txt"', sysctl: `echo 'net.inet.ip.check_interface: 0'`},
}

describe('collect.sh with uname -s Darwin', () => {
  it('lists /Library/LaunchDaemons and audits the alias as lost at the next reboot', async () => {
    const bundle = join(work, 'mac', 'b')
    // The real macOS capture taken after `ifconfig lo0 alias 127.0.0.2`, with the VIP as the alias instead.
    const ifconfig = fixture('darwin/sample-macos-tabs-lo0-alias/ifconfig-lo0.txt').replace('inet 127.0.0.2 netmask 0xff000000', `inet ${VIP} netmask 0xffffffff`)
    const result = collect(fakeBin('mac', DARWIN, {'ifconfig.txt': ifconfig}), bundle)
    expect(result.status, result.stderr).toBe(0)
    const manifest = manifestOf(bundle)
    expect(bundleProblems(manifest)).toBe('')
    expect(manifest.commands.map(({id, argv}) => ({id, argv}))).toEqual(expect.arrayContaining(argvOf(DARWIN_COMMANDS)))
    // This Linux test host has no /Library: the listing says so, and the audit takes it as no job.
    expect(manifest.dirs.find((d) => d.path === '/Library/LaunchDaemons')?.failure?.reason).toBe('missing')
    const report = await audit(bundle)
    expect(outcomes(report)).toEqual({'vip-on-loopback': 'pass', 'vip-host-prefix': 'pass', 'vip-persistent': 'fail', 'bsd-check-interface': 'pass'})
    const persistent = report.results.find((r) => r.ruleId === 'vip-persistent')
    expect(persistent?.message).toContain('macOS does not keep lo0 aliases across a reboot')
    expect(persistent?.remediation.flatMap((fix) => fix.commands).join('\n')).toContain('<string>/sbin/ifconfig</string>')

    // The same bundle through the built CLI (needs `npm run build`), as a support engineer runs it.
    const cli = await runCli(['audit', '--json', '--from', bundle, '--vip', VIP])
    expect(cli.exitCode, cli.stderr).toBe(1)
    const json = JSON.parse(cli.stdout) as Report
    expect(json.target).toMatchObject({platform: 'darwin', source: 'bundle'})
    expect(outcomes(json)).toEqual(outcomes(report))
  })
})
