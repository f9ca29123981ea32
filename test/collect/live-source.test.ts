/**
 * LiveSource is the only code that touches the host, so its failure mapping is what turns
 * "could not read" into an `unknown` result instead of a false pass. These tests run real
 * programs (node itself, so nothing depends on iproute2 being installed) and read a temp
 * directory: file modes and link targets (rc.local needs the executable bit), missing paths,
 * missing programs, non-zero exits with the first stderr line, timeouts and LC_ALL=C.
 */
import {chmod, mkdir, mkdtemp, rm, symlink, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import {join} from 'node:path'

import {afterEach, beforeEach, describe, expect, it} from 'vitest'

import {LiveSource} from '../../src/collect/live-source.js'
import type {CommandSpec} from '../../src/collect/raw-source.js'

const source = new LiveSource()
let dir = ''

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'rsaudit-live-source-'))
})

afterEach(async () => {
  await rm(dir, {recursive: true, force: true})
})

function node(script: string, timeoutMs = 10_000): CommandSpec {
  return {id: 'node-script', argv: [process.execPath, '-e', script], timeoutMs}
}

describe('LiveSource.readFile', () => {
  it('returns content and permission bits', async () => {
    const path = join(dir, 'rc.local')
    await writeFile(path, '#!/bin/sh\nexit 0\n')
    await chmod(path, 0o644)
    await expect(source.readFile(path)).resolves.toEqual({path, content: '#!/bin/sh\nexit 0\n', mode: 0o644})
    await chmod(path, 0o755)
    await expect(source.readFile(path)).resolves.toMatchObject({mode: 0o755})
  })

  it('gives a symbolic link the target as written and the target file’s mode', async () => {
    await mkdir(join(dir, 'rc.d'))
    await writeFile(join(dir, 'rc.d', 'rc.local'), 'ip addr add 198.51.100.10/32 dev lo\n')
    await chmod(join(dir, 'rc.d', 'rc.local'), 0o755)
    await symlink('rc.d/rc.local', join(dir, 'rc.local'))
    await expect(source.readFile(join(dir, 'rc.local'))).resolves.toEqual({
      path: join(dir, 'rc.local'),
      content: 'ip addr add 198.51.100.10/32 dev lo\n',
      mode: 0o755,
      linkTarget: 'rc.d/rc.local',
    })
  })

  it('reports a missing file as missing, naming the path', async () => {
    const path = join(dir, 'nope.conf')
    await expect(source.readFile(path)).resolves.toEqual({path, failure: {reason: 'missing', detail: `${path} does not exist`}})
  })

  // A dangling /etc/sysctl.d/99-sysctl.conf -> ../sysctl.conf (Debian 13) must still reach
  // the "dangling link is applied as an empty file" branch of collectBootSysctl.
  it('keeps the link target of a dangling symbolic link', async () => {
    await symlink('../sysctl.conf', join(dir, '99-sysctl.conf'))
    await expect(source.readFile(join(dir, '99-sysctl.conf'))).resolves.toMatchObject({linkTarget: '../sysctl.conf'})
  })
})

describe('LiveSource.listDir', () => {
  it('lists entry names sorted', async () => {
    for (const name of ['b.conf', 'A.conf', 'a.conf']) await writeFile(join(dir, name), '')
    await mkdir(join(dir, 'sub'))
    await expect(source.listDir(dir)).resolves.toEqual({path: dir, entries: ['A.conf', 'a.conf', 'b.conf', 'sub']})
  })

  it('reports a missing directory as missing', async () => {
    const path = join(dir, 'sysctl.d')
    await expect(source.listDir(path)).resolves.toEqual({path, failure: {reason: 'missing', detail: `${path} does not exist`}})
  })
})

describe('LiveSource.run', () => {
  it('captures stdout of a successful program', async () => {
    const capture = await source.run(node('process.stdout.write("hello")'))
    expect(capture).toMatchObject({stdout: 'hello', exitCode: 0})
    expect(capture.failure).toBeUndefined()
  })

  it('runs programs with LC_ALL=C and LANG=C so their output parses the same everywhere', async () => {
    const capture = await source.run(node('process.stdout.write(`${process.env.LC_ALL} ${process.env.LANG}`)'))
    expect(capture.stdout).toBe('C C')
  })

  it('reports a missing program as command-missing', async () => {
    const capture = await source.run({id: 'ip-addr-json', argv: ['rsaudit-no-such-program', '-j', 'addr'], timeoutMs: 5000})
    expect(capture.failure).toEqual({reason: 'command-missing', detail: 'rsaudit-no-such-program is not installed'})
  })

  it('reports a non-zero exit with the exit code and the first stderr line (old iproute2 without -j)', async () => {
    const capture = await source.run(node('console.error(\'Option "-j" is unknown, try "ip -help".\\nsecond line\'); process.exit(255)'))
    expect(capture.exitCode).toBe(255)
    expect(capture.failure?.reason).toBe('nonzero-exit')
    expect(capture.failure?.detail).toMatch(/exited with 255: Option "-j" is unknown, try "ip -help"\.$/)
  })

  it('reports a program that outlives its time limit as timeout', async () => {
    const capture = await source.run(node('setTimeout(() => {}, 30_000)', 200))
    expect(capture.failure).toMatchObject({reason: 'timeout', detail: expect.stringContaining('did not finish within 200 ms') as unknown})
  })

  it('reports a program file without the executable bit as permission-denied', async () => {
    const program = join(dir, 'ip')
    await writeFile(program, '#!/bin/sh\necho hi\n')
    await chmod(program, 0o644)
    const capture = await source.run({id: 'ip-addr', argv: [program, 'addr'], timeoutMs: 5000})
    expect(capture.failure).toEqual({reason: 'permission-denied', detail: `permission denied running ${program} addr`})
  })
})
