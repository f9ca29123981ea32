/**
 * collectors/collect.sh, run for real: on this host, with hostile output and a missing
 * program, and inside a private mount namespace whose /etc is an overlay holding awkward
 * configurations (odd file names, links, `source` chains, secrets, unreadable files), so
 * nothing on the host is touched. The bundle must match schemas/bundle.schema.json and hold
 * every command, file and directory listing the Linux audit reads (src/collect/linux-commands.ts,
 * SYSCTL_D_DIRS), in the places the bundle format gives them.
 */
import {spawnSync, type SpawnSyncReturns} from 'node:child_process'
import {chmodSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {dirname, join} from 'node:path'
import {fileURLToPath} from 'node:url'

import {afterAll, beforeAll, describe, expect, it} from 'vitest'

import {LINUX_COMMANDS, LINUX_PATHS} from '../../src/collect/linux-commands.js'
import {SYSCTL_D_DIRS} from '../../src/facts/boot-sysctl.js'
import {MODULES_LOAD_DIRS} from '../../src/facts/modules-load.js'
import {inEtcOverlay, overlayAvailable} from '../helpers/etc-overlay.js'
import {bundleProblems, type BundleFile, type Manifest} from './bundle-schema.js'

const SCRIPT = fileURLToPath(new URL('../../collectors/collect.sh', import.meta.url))
const IPV4_KEYS = ['arp_ignore', 'arp_announce', 'arp_filter', 'rp_filter']
const isRoot = process.getuid?.() === 0
let work = ''

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'rsaudit-collect-sh-'))
  chmodSync(work, 0o755)
})

afterAll(() => {
  rmSync(work, {recursive: true, force: true})
})

function hasProgram(name: string): boolean {
  return spawnSync('sh', ['-c', 'command -v "$1"', 'sh', name], {encoding: 'utf8'}).status === 0
}

/** A fresh directory under the test's work directory. */
function scratch(name: string): string {
  const dir = join(work, name)
  mkdirSync(dir, {recursive: true})
  return dir
}

function collect(args: string[], options: {env?: NodeJS.ProcessEnv; cwd?: string} = {}): SpawnSyncReturns<string> {
  return spawnSync('sh', [SCRIPT, ...args], {encoding: 'utf8', timeout: 120_000, env: options.env ?? process.env, cwd: options.cwd ?? work})
}

function readManifest(bundle: string): Manifest {
  return JSON.parse(readFileSync(join(bundle, 'bundle.json'), 'utf8')) as Manifest
}

function fileEntry(manifest: Manifest, path: string): BundleFile | undefined {
  return manifest.files.find((file) => file.path === path)
}

/** Every file bundle.json names is there, and nothing in the bundle is a link. */
function expectSelfContained(bundle: string, manifest: Manifest): void {
  for (const command of manifest.commands) {
    for (const name of [command.stdout, command.stderr]) if (name !== undefined) expect(existsSync(join(bundle, name)), name).toBe(true)
  }
  for (const file of manifest.files) if (file.copy !== undefined) expect(existsSync(join(bundle, file.copy)), file.copy).toBe(true)
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir)) {
      const info = lstatSync(join(dir, name))
      expect(info.isSymbolicLink(), join(dir, name)).toBe(false)
      if (info.isDirectory()) walk(join(dir, name))
    }
  }
  walk(bundle)
}

const shellcheck = hasProgram('shellcheck')
const shellcheckNote = shellcheck ? '' : ' (skipped: shellcheck is not installed; apt-get install shellcheck)'

describe('collect.sh', () => {
  // CI installs shellcheck, so there it always runs; a developer without it gets a skip with the reason.
  it.skipIf(!shellcheck && !process.env.CI)(`passes shellcheck -s sh with no findings${shellcheckNote}`, () => {
    const result = spawnSync('shellcheck', ['-s', 'sh', SCRIPT], {encoding: 'utf8'})
    expect(result.error, 'shellcheck must be installed in CI').toBeUndefined()
    expect(result.stdout + result.stderr).toBe('')
    expect(result.status).toBe(0)
  })

  describe('on this host', () => {
    let bundle = ''
    let manifest: Manifest
    let printed = ''

    beforeAll(() => {
      bundle = join(scratch('host'), 'b')
      const result = collect(['-o', bundle])
      expect(result.stderr).toBe('')
      expect(result.status).toBe(0)
      printed = result.stdout
      manifest = readManifest(bundle)
    })

    it('prints the bundle path and writes a bundle.json that matches the schema', () => {
      expect(printed).toBe(`${bundle}\n`)
      expect(bundleProblems(manifest)).toBe('')
      expect(manifest).toMatchObject({platform: 'linux', collector: {name: 'collect.sh', version: '1.0.0'}, encoding: 'utf-8', privileged: isRoot})
      expect(manifest.os.kernel).toBe(spawnSync('uname', ['-r'], {encoding: 'utf8'}).stdout.trim())
      expect(Date.now() - Date.parse(manifest.collectedAt)).toBeLessThan(10 * 60_000)
    })

    it('runs every Linux command, fallbacks included, with the same ids and argv as the live audit', () => {
      const expected = Object.values(LINUX_COMMANDS).map((spec) => ({id: spec.id, argv: [...spec.argv]}))
      expect(manifest.commands.map(({id, argv}) => ({id, argv}))).toEqual(expected)
      for (const command of manifest.commands) {
        if (command.exitCode === 0) expect(command.failure, command.id).toBeUndefined()
        else expect(command.failure?.reason, command.id).toBeDefined()
      }
    })

    it('names only files that are in the bundle, and holds no links', () => {
      expectSelfContained(bundle, manifest)
    })

    it.skipIf(!hasProgram('ip'))('keeps ip -j addr output byte for byte, and it parses as JSON', () => {
      const command = manifest.commands.find((c) => c.id === 'ip-addr-json')
      expect(command?.exitCode).toBe(0)
      const text = readFileSync(join(bundle, command?.stdout ?? ''), 'utf8')
      expect(Array.isArray(JSON.parse(text))).toBe(true)
    })

    it('lists /proc/sys/net/ipv4/conf and copies the four ARP values of every scope', () => {
      const scopes = readdirSync(LINUX_PATHS.ipv4Conf).sort()
      expect(manifest.dirs.find((d) => d.path === LINUX_PATHS.ipv4Conf)?.entries?.slice().sort()).toEqual(scopes)
      for (const scope of scopes) {
        for (const key of IPV4_KEYS) {
          const path = `${LINUX_PATHS.ipv4Conf}/${scope}/${key}`
          const entry = fileEntry(manifest, path)
          expect(entry, path).toMatchObject({copy: `files${path}`, mode: 0o644})
          expect(readFileSync(join(bundle, `files${path}`), 'utf8')).toBe(readFileSync(path, 'utf8'))
        }
      }
      expect(fileEntry(manifest, LINUX_PATHS.procNetTcp)?.copy).toBe('files/proc/net/tcp')
    })

    it('lists every directory the audit lists, with `missing` for those this host lacks', () => {
      const wanted = [
        LINUX_PATHS.ipv4Conf,
        ...SYSCTL_D_DIRS,
        LINUX_PATHS.ifcfgDir,
        ...LINUX_PATHS.nmDirs,
        ...LINUX_PATHS.netplanDirs,
        ...LINUX_PATHS.networkdDirs,
        ...LINUX_PATHS.unitWants,
        ...MODULES_LOAD_DIRS,
        LINUX_PATHS.ipv6Conf,
        LINUX_PATHS.sysModule,
      ]
      for (const path of wanted) {
        const entry = manifest.dirs.find((d) => d.path === path)
        expect(entry, path).toBeDefined()
        if (!existsSync(path)) expect(entry?.failure, path).toEqual({reason: 'missing', detail: `${path} does not exist`})
        else expect(entry?.entries?.slice().sort(), path).toEqual(readdirSync(path).sort())
      }
      expect(wanted.some((path) => !existsSync(path)), 'this test needs at least one absent directory').toBe(true)
    })

    it('reads the sysctl.d files, rc.local and /etc/network/interfaces where the audit does', () => {
      for (const directory of SYSCTL_D_DIRS.filter((d) => existsSync(d))) {
        for (const name of readdirSync(directory).filter((n) => n.endsWith('.conf'))) expect(fileEntry(manifest, `${directory}/${name}`), `${directory}/${name}`).toBeDefined()
      }
      for (const path of [...LINUX_PATHS.rcLocal, LINUX_PATHS.ifupdown, LINUX_PATHS.sysctlConf]) {
        const entry = fileEntry(manifest, path)
        expect(entry, path).toBeDefined()
        if (!existsSync(path) && !lstatExists(path)) expect(entry?.failure).toEqual({reason: 'missing', detail: `${path} does not exist`})
      }
    })
  })

  it('writes a .tar.gz with the bundle in one top-level folder, and leaves no temporary files', () => {
    const dir = scratch('archive')
    const archive = join(dir, 'x.tar.gz')
    const result = collect(['-o', archive])
    expect(result.status, result.stderr).toBe(0)
    expect(result.stdout).toBe(`${archive}\n`)
    const names = spawnSync('tar', ['-tzf', archive], {encoding: 'utf8'}).stdout.split('\n').filter(Boolean)
    expect(names).toContain('x/bundle.json')
    expect(names.every((name) => name.startsWith('x/'))).toBe(true)
    expect(readdirSync(dir)).toEqual(['x.tar.gz'])
    const unpacked = scratch('archive-unpacked')
    expect(spawnSync('tar', ['-xzf', archive, '-C', unpacked]).status).toBe(0)
    const manifest = readManifest(join(unpacked, 'x'))
    expect(bundleProblems(manifest)).toBe('')
    expectSelfContained(join(unpacked, 'x'), manifest)
  })

  it('names the default bundle after the host and the UTC time, in the current directory', () => {
    const dir = scratch('default-name')
    const result = collect([], {cwd: dir})
    expect(result.status, result.stderr).toBe(0)
    const [name] = readdirSync(dir)
    expect(name).toMatch(/^rsaudit-bundle-[A-Za-z0-9._-]+-\d{8}T\d{6}Z\.tar\.gz$/)
    expect(result.stdout).toBe(`${join(dir, name ?? '')}\n`)
  })

  describe('never overwrites by accident', () => {
    it('refuses an existing directory without -f and leaves it untouched', () => {
      const out = join(scratch('refuse'), 'b')
      mkdirSync(out)
      writeFileSync(join(out, 'keep.txt'), 'mine\n')
      const result = collect(['-o', out])
      expect(result.status).not.toBe(0)
      expect(result.stderr).toContain('already exists')
      expect(readdirSync(out)).toEqual(['keep.txt'])
      expect(readdirSync(dirname(out))).toEqual(['b'])
    })

    it('refuses, even with -f, to replace a directory that is not a bundle', () => {
      const out = join(scratch('refuse-force'), 'home')
      mkdirSync(out)
      writeFileSync(join(out, 'keep.txt'), 'mine\n')
      const result = collect(['-f', '-o', out])
      expect(result.status).not.toBe(0)
      expect(result.stderr).toContain('without a bundle.json')
      expect(readdirSync(out)).toEqual(['keep.txt'])
    })

    it('replaces an earlier bundle directory with -f', () => {
      const out = join(scratch('replace'), 'b')
      expect(collect(['-o', out]).status).toBe(0)
      writeFileSync(join(out, 'stale.txt'), 'old\n')
      const result = collect(['-o', out, '-f'])
      expect(result.status, result.stderr).toBe(0)
      expect(existsSync(join(out, 'stale.txt'))).toBe(false)
      expect(bundleProblems(readManifest(out))).toBe('')
    })

    it('refuses an existing archive without -f and replaces it with -f', () => {
      const archive = join(scratch('replace-archive'), 'b.tgz')
      writeFileSync(archive, 'not a bundle')
      expect(collect(['-o', archive]).status).not.toBe(0)
      expect(readFileSync(archive, 'utf8')).toBe('not a bundle')
      expect(collect(['-f', '-o', archive]).status).toBe(0)
      expect(spawnSync('tar', ['-tzf', archive], {encoding: 'utf8'}).stdout).toContain('b/bundle.json')
    })
  })

  describe('with hostile output and missing programs', () => {
    /** A PATH holding only `tools` (links to the real ones) and `fakes` (scripts). */
    function fakePath(name: string, tools: readonly string[], fakes: Record<string, string>): string {
      const bin = scratch(name)
      for (const tool of tools) {
        const real = spawnSync('sh', ['-c', 'command -v "$1"', 'sh', tool], {encoding: 'utf8'}).stdout.trim()
        if (real) symlinkSync(real, join(bin, tool))
      }
      for (const [fake, body] of Object.entries(fakes)) writeFileSync(join(bin, fake), `#!/bin/sh\n${body}\n`, {mode: 0o755})
      return bin
    }

    it('keeps bundle.json valid when the host name and stderr hold quotes, backslashes and control characters', () => {
      const bin = fakePath('fake-bin', [], {
        hostname: String.raw`printf '%s\t\033[1m\n' 'a"b\c'`,
        ip: String.raw`printf '%s\n' 'a"b\c'; printf '\n  %s\tx\n' 'ip: a"b\c' >&2; exit 3`,
      })
      const out = join(scratch('hostile'), 'b')
      const result = collect(['-o', out], {env: {...process.env, PATH: `${bin}:${process.env.PATH ?? ''}`}})
      expect(result.status, result.stderr).toBe(0)
      const text = readFileSync(join(out, 'bundle.json'), 'utf8')
      expect(text).not.toMatch(/[\u0000-\u0008\u000b-\u001f]/)
      const manifest = JSON.parse(text) as Manifest
      expect(bundleProblems(manifest)).toBe('')
      // Control characters are dropped; quotes and backslashes survive escaped.
      expect(manifest.hostname).toBe('a"b\\c[1m')
      const ip = manifest.commands.find((c) => c.id === 'ip-addr-json')
      expect(ip).toMatchObject({exitCode: 3, stdout: 'commands/ip-addr-json.out', stderr: 'commands/ip-addr-json.err', failure: {reason: 'nonzero-exit', detail: 'ip -d -j addr show exited with 3: ip: a"b\\cx'}})
      expect(readFileSync(join(out, 'commands/ip-addr-json.out'), 'utf8')).toBe('a"b\\c\n')
      expect(readFileSync(join(out, 'commands/ip-addr-json.err'), 'utf8')).toBe('\n  ip: a"b\\c\tx\n')
    })

    it('records a program that is not installed as command-missing, with no output files', () => {
      // sh's own helpers only: no ss anywhere on this PATH (ip is still found in /usr/sbin).
      const bin = fakePath('bare-bin', ['sh', 'cat', 'ls', 'date', 'uname', 'sed', 'tr', 'mkdir', 'mv', 'rm', 'tar', 'gzip', 'id', 'stat', 'readlink', 'timeout', 'hostname', 'pwd'], {})
      const out = join(scratch('missing'), 'b')
      const result = collect(['-o', out], {env: {...process.env, PATH: bin}})
      expect(result.status, result.stderr).toBe(0)
      const manifest = readManifest(out)
      expect(bundleProblems(manifest)).toBe('')
      expect(manifest.commands.find((c) => c.id === 'ss-listen-tcp')).toEqual({
        id: 'ss-listen-tcp',
        argv: ['ss', '-Hltn'],
        exitCode: null,
        failure: {reason: 'command-missing', detail: 'ss is not installed'},
      })
      expect(existsSync(join(out, 'commands/ss-listen-tcp.out'))).toBe(false)
    })
  })

  describe.skipIf(!overlayAvailable().ok)('with an awkward /etc (mount namespace, overlay)', () => {
    let bundle = ''
    let manifest: Manifest

    beforeAll(() => {
      const fixture = scratch('etc-fixture')
      const etc = join(fixture, 'etc')
      const put = (path: string, content: string, mode = 0o644): void => {
        mkdirSync(dirname(join(etc, path)), {recursive: true})
        writeFileSync(join(etc, path), content, {mode})
        chmodSync(join(etc, path), mode)
      }
      put('sysctl.d/90-lb.conf', 'net.ipv4.conf.all.arp_ignore = 1\n')
      put('sysctl.d/we"ird\\name.conf', 'net.ipv4.conf.all.arp_announce = 2\n')
      put('sysctl.d/tab\there.conf', '# a tab in the name\n')
      put('rc.d/rc.local', '#!/bin/sh\nip addr add 198.51.100.10/32 dev lo\n', 0o755)
      symlinkSync('rc.d/rc.local', join(etc, 'rc.local'))
      put('network/interfaces', 'auto lo\niface lo inet loopback\n\nsource interfaces.d/*\nsource-directory /etc/network/extra.d\nsource ../network/./more.conf\n')
      put('network/interfaces.d/lo-vip', 'auto lo:0\niface lo:0 inet static\n    address 198.51.100.11/32\n\nsource /etc/network/nested.conf\n')
      put('network/nested.conf', '# pulled in by a sourced file\n')
      put('network/more.conf', '# pulled in with a relative path\n')
      put('network/extra.d/10_extra', '# a run-parts name\n')
      put('network/extra.d/skip.me', '# not a run-parts name: source-directory skips it\n')
      put('NetworkManager/system-connections/vip.nmconnection', '[wifi-security]\npsk=hunter2\n\n[ipv4]\naddress1=198.51.100.12/32\n', 0o600)
      put('netplan/50-vip.yaml', 'network:\n  version: 2\n  wifis:\n    wlan0:\n      access-points:\n        home:\n          password: "hunter2"\n  ethernets:\n    lo:\n      addresses: [198.51.100.13/32]\n')
      put('sysconfig/network-scripts/ifcfg-lo:0', 'DEVICE=lo:0\nIPADDR=198.51.100.14\nNETMASK=255.255.255.255\n')
      put('systemd/network/10-lo.network', '[Match]\nName=lo\n\n[Network]\nAddress=198.51.100.15/32\n')
      bundle = join(scratch('etc-out'), 'b')
      // /etc/sysctl.conf removed in the overlay: Debian's 99-sysctl.conf link then dangles.
      const result = inEtcOverlay(fixture, ['rm -f /etc/sysctl.conf'], ['sh', SCRIPT, '-o', bundle], work)
      expect(result.stderr).toBe('')
      expect(result.status).toBe(0)
      manifest = readManifest(bundle)
    })

    it('writes valid JSON whatever the file names, dropping control characters from them', () => {
      expect(bundleProblems(manifest)).toBe('')
      expectSelfContained(bundle, manifest)
      const sysctlD = manifest.dirs.find((d) => d.path === '/etc/sysctl.d')
      expect(sysctlD?.entries).toEqual(expect.arrayContaining(['90-lb.conf', 'we"ird\\name.conf', 'tabhere.conf']))
      // A backslash would read as a folder separator in an archive, so the copy's name encodes it.
      expect(fileEntry(manifest, '/etc/sysctl.d/we"ird\\name.conf')).toMatchObject({copy: 'files/etc/sysctl.d/we"ird%5Cname.conf', mode: 0o644})
      expect(readFileSync(join(bundle, 'files/etc/sysctl.d/we"ird%5Cname.conf'), 'utf8')).toBe('net.ipv4.conf.all.arp_announce = 2\n')
      expect(readFileSync(join(bundle, 'files/etc/sysctl.d/tabhere.conf'), 'utf8')).toBe('# a tab in the name\n')
    })

    it('records link targets and modes: a dangling 99-sysctl.conf, rc.local through its link', () => {
      if (lstatExists('/etc/sysctl.d/99-sysctl.conf')) {
        expect(fileEntry(manifest, '/etc/sysctl.d/99-sysctl.conf')).toEqual({
          path: '/etc/sysctl.d/99-sysctl.conf',
          linkTarget: '../sysctl.conf',
          failure: {reason: 'missing', detail: '/etc/sysctl.d/99-sysctl.conf does not exist'},
        })
      }
      expect(fileEntry(manifest, '/etc/rc.local')).toEqual({path: '/etc/rc.local', copy: 'files/etc/rc.local', mode: 0o755, linkTarget: 'rc.d/rc.local'})
      expect(readFileSync(join(bundle, 'files/etc/rc.local'), 'utf8')).toContain('198.51.100.10/32')
      expect(fileEntry(manifest, '/etc/rc.d/rc.local')).toMatchObject({mode: 0o755})
    })

    it('follows /etc/network/interfaces through source and source-directory, nested and relative', () => {
      const paths = manifest.files.map((f) => f.path)
      expect(paths).toEqual(
        expect.arrayContaining(['/etc/network/interfaces', '/etc/network/interfaces.d/lo-vip', '/etc/network/nested.conf', '/etc/network/more.conf', '/etc/network/extra.d/10_extra']),
      )
      expect(paths).not.toContain('/etc/network/extra.d/skip.me')
      expect(paths.every((path) => !path.includes('/./') && !path.includes('/../'))).toBe(true)
      // What the audit lists to expand each `source` argument.
      const dirs = manifest.dirs.map((d) => d.path)
      expect(dirs).toEqual(expect.arrayContaining(['/etc/network/interfaces.d', '/etc/network', '/etc/network/extra.d']))
    })

    it('copies NetworkManager, netplan, ifcfg and networkd files with secrets redacted', () => {
      const nm = readFileSync(join(bundle, 'files/etc/NetworkManager/system-connections/vip.nmconnection'), 'utf8')
      expect(nm).not.toContain('hunter2')
      expect(nm).toContain('psk= REDACTED')
      expect(nm).toContain('address1=198.51.100.12/32')
      expect(fileEntry(manifest, '/etc/NetworkManager/system-connections/vip.nmconnection')?.mode).toBe(0o600)
      const netplan = readFileSync(join(bundle, 'files/etc/netplan/50-vip.yaml'), 'utf8')
      expect(netplan).not.toContain('hunter2')
      expect(netplan).toContain('addresses: [198.51.100.13/32]')
      expect(fileEntry(manifest, '/etc/sysconfig/network-scripts/ifcfg-lo:0')?.copy).toBe('files/etc/sysconfig/network-scripts/ifcfg-lo:0')
      expect(fileEntry(manifest, '/etc/systemd/network/10-lo.network')?.copy).toBe('files/etc/systemd/network/10-lo.network')
    })

    it('marks unreadable files and directories permission-denied when not run as root', () => {
      const fixture = scratch('etc-fixture-user')
      mkdirSync(join(fixture, 'etc/sysctl.d'), {recursive: true})
      writeFileSync(join(fixture, 'etc/sysctl.d/80-secret.conf'), 'net.ipv4.conf.all.arp_ignore = 1\n', {mode: 0o600})
      mkdirSync(join(fixture, 'etc/NetworkManager/system-connections'), {recursive: true, mode: 0o700})
      // The parent stays searchable, so the listing itself is what is refused.
      chmodSync(join(fixture, 'etc/NetworkManager'), 0o755)
      chmodSync(join(fixture, 'etc/NetworkManager/system-connections'), 0o700)
      const outDir = scratch('etc-out-user')
      chmodSync(outDir, 0o777)
      const out = join(outDir, 'b')
      const result = inEtcOverlay(fixture, [], ['setpriv', '--reuid=65534', '--regid=65534', '--clear-groups', 'sh', SCRIPT, '-o', out], outDir)
      expect(result.status, result.stderr).toBe(0)
      const asUser = readManifest(out)
      expect(bundleProblems(asUser)).toBe('')
      expect(asUser.privileged).toBe(false)
      expect(fileEntry(asUser, '/etc/sysctl.d/80-secret.conf')).toEqual({
        path: '/etc/sysctl.d/80-secret.conf',
        failure: {reason: 'permission-denied', detail: 'permission denied reading /etc/sysctl.d/80-secret.conf (run as root)'},
      })
      expect(asUser.dirs.find((d) => d.path === '/etc/NetworkManager/system-connections')?.failure?.reason).toBe('permission-denied')
    })
  })
})

function lstatExists(path: string): boolean {
  try {
    lstatSync(path)
    return true
  } catch {
    return false
  }
}
