/**
 * `rsaudit collect` and `rsaudit audit --from`, run as separate processes: bundles are
 * written atomically and never over an existing path without --force, they audit offline
 * with target.source "bundle", several bundles give a fleet, and every kind of bad input
 * is one line and exit 2.
 */
import {execFileSync} from 'node:child_process'
import {mkdir, mkdtemp, readdir, readFile, rm, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import {join} from 'node:path'

import {afterAll, beforeAll, describe, expect, it} from 'vitest'

import type {Report} from '../../src/engine/types.js'
import {runCli} from '../helpers/run-cli.js'

let dir: string
let bundleDir: string
let bundleArchive: string

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'rsaudit-collect-'))
  bundleDir = join(dir, 'host-a')
  bundleArchive = join(dir, 'host-b.tar.gz')
  const first = await runCli(['collect', '--out', bundleDir])
  expect(first.exitCode, first.stderr).toBe(0)
  const second = await runCli(['collect', '--out', bundleArchive])
  expect(second.exitCode, second.stderr).toBe(0)
})

afterAll(async () => {
  await rm(dir, {recursive: true, force: true})
})

function expectUsageError(result: {exitCode: number; stderr: string; stdout: string}, pattern: RegExp): void {
  expect(result.exitCode).toBe(2)
  expect(result.stderr).toMatch(pattern)
  expect(result.stderr.trim().split('\n')).toHaveLength(1)
  expect(result.stderr).not.toMatch(/\bat .*\.js:\d+/)
}

describe('rsaudit collect', () => {
  it('writes a bundle directory and leaves no temporary files', async () => {
    const manifest = JSON.parse(await readFile(join(bundleDir, 'bundle.json'), 'utf8')) as {format: string; commands: Array<{id: string}>}
    expect(manifest.format).toBe('rsaudit-bundle')
    expect(manifest.commands.map((c) => c.id)).toContain('ip-addr-json')
    expect((await readdir(dir)).filter((name) => name.includes('partial'))).toEqual([])
  })

  it('writes a .tar.gz that tar can list', () => {
    expect(execFileSync('tar', ['-tzf', bundleArchive], {encoding: 'utf8'})).toContain('bundle.json')
  })

  it('refuses to replace an existing path without --force, and leaves it untouched', async () => {
    const existing = join(dir, 'precious.txt')
    await writeFile(existing, 'keep me')
    expectUsageError(await runCli(['collect', '--out', existing]), /already exists.*--force/)
    expect(await readFile(existing, 'utf8')).toBe('keep me')
    const forced = await runCli(['collect', '--out', existing, '--force'])
    expect(forced.exitCode).toBe(0)
    await expect(readFile(join(existing, 'bundle.json'), 'utf8')).resolves.toContain('rsaudit-bundle')
  })
})

describe('rsaudit audit --from', () => {
  it('audits a bundle directory and an archive like a live run', async () => {
    const live = JSON.parse((await runCli(['audit', '--json'])).stdout) as Report
    for (const bundle of [bundleDir, bundleArchive]) {
      const offline = await runCli(['audit', '--json', '--from', bundle])
      const report = JSON.parse(offline.stdout) as Report
      expect(report.target.source).toBe('bundle')
      expect(report.results.map((r) => [r.ruleId, r.subject, r.outcome])).toEqual(live.results.map((r) => [r.ruleId, r.subject, r.outcome]))
      expect(offline.exitCode).toBe((await runCli(['audit', '--json'])).exitCode)
    }
  })

  it('audits a .zip of a bundle folder (what Windows users send)', async () => {
    const zip = join(dir, 'host-a.zip')
    execFileSync('zip', ['-qr', zip, 'host-a'], {cwd: dir})
    const fromDir = JSON.parse((await runCli(['audit', '--json', '--from', bundleDir])).stdout) as Report
    const fromZip = JSON.parse((await runCli(['audit', '--json', '--from', zip])).stdout) as Report
    expect(fromZip.results.map((r) => [r.ruleId, r.subject, r.outcome])).toEqual(fromDir.results.map((r) => [r.ruleId, r.subject, r.outcome]))
  })

  it('audits every bundle in a directory as a fleet (JSON array, table matrix)', async () => {
    const fleetDir = join(dir, 'fleet')
    await mkdir(fleetDir)
    await runCli(['collect', '--out', join(fleetDir, 'one')])
    await runCli(['collect', '--out', join(fleetDir, 'two.tar.gz')])
    const json = await runCli(['audit', '--json', '--from', fleetDir])
    expect((JSON.parse(json.stdout) as Report[]).map((r) => r.target.source)).toEqual(['bundle', 'bundle'])
    const table = await runCli(['audit', '--from', join(fleetDir, 'one'), '--from', join(fleetDir, 'two.tar.gz')])
    expect(table.stdout).toContain('Fleet: 2 hosts')
    expect(table.stdout).toMatch(/arp-ignore\s+│/)
  })

  it.each([
    ['a missing path', async () => join(dir, 'nope'), /no such file or directory/],
    ['a binary file', async () => writeBytes('binary.bin', Buffer.from([0, 1, 2, 3, 0, 0, 255, 254, 0])), /neither a bundle.*nor pasted text/],
    ['a truncated archive', async () => writeBytes('truncated.tar.gz', (await readFile(bundleArchive)).subarray(0, 200)), /truncated|corrupt|unexpected end/i],
    ['a directory with no bundles', async () => makeDir('empty'), /no bundle\.json here/],
    ['an unknown format version', async () => bundleWith('future', (m) => ({...m, formatVersion: 99})), /format version 99 is not supported/],
    ['a manifest naming a missing file', async () => bundleWith('incomplete', (m) => ({...m, commands: [{id: 'ip-addr-json', argv: ['ip'], exitCode: 0, stdout: 'commands/gone.out'}]})), /commands\/gone\.out is named in bundle\.json but missing/],
    ['an archive entry escaping with ../', async () => pythonTar('escape.tar.gz', 'escape'), /escapes the bundle/],
    ['an archive entry that is a link', async () => pythonTar('link.tar.gz', 'link'), /is a link/],
  ])('%s exits 2 with one line', async (_name, make, pattern) => {
    expectUsageError(await runCli(['audit', '--from', await make()]), pattern)
  })
})

async function writeBytes(name: string, bytes: Buffer): Promise<string> {
  const path = join(dir, name)
  await writeFile(path, bytes)
  return path
}

async function makeDir(name: string): Promise<string> {
  const path = join(dir, name)
  await mkdir(path, {recursive: true})
  await writeFile(join(path, 'notes.txt'), 'not a bundle')
  return path
}

async function bundleWith(name: string, change: (manifest: Record<string, unknown>) => Record<string, unknown>): Promise<string> {
  const path = join(dir, name)
  execFileSync('cp', ['-r', bundleDir, path])
  const manifestPath = join(path, 'bundle.json')
  await writeFile(manifestPath, JSON.stringify(change(JSON.parse(await readFile(manifestPath, 'utf8')) as Record<string, unknown>)))
  return path
}

/** Hostile archives made with Python's tarfile, which (unlike GNU tar) writes whatever it is told. */
function pythonTar(name: string, kind: 'escape' | 'link'): string {
  const path = join(dir, name)
  const script = [
    'import io, sys, tarfile',
    'with tarfile.open(sys.argv[1], "w:gz") as t:',
    '    data = b"{}"',
    '    info = tarfile.TarInfo("bundle.json"); info.size = len(data); t.addfile(info, io.BytesIO(data))',
    '    if sys.argv[2] == "escape":',
    '        evil = tarfile.TarInfo("../../evil.txt"); evil.size = 4; t.addfile(evil, io.BytesIO(b"evil"))',
    '    else:',
    '        link = tarfile.TarInfo("files/etc/shadow"); link.type = tarfile.SYMTYPE; link.linkname = "/etc/shadow"; t.addfile(link)',
  ].join('\n')
  execFileSync('python3', ['-c', script, path, kind])
  return path
}
