/**
 * The in-memory FakeSource stands in for LiveSource in the collector tests, so it must answer
 * the way LiveSource does: same shapes, same failure reasons, same wording. Each case builds
 * one tree on disk and the same tree in memory and compares the two answers.
 */
import {chmod, mkdir, mkdtemp, rm, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import {join} from 'node:path'

import {afterEach, beforeEach, describe, expect, it} from 'vitest'

import {LiveSource} from '../../src/collect/live-source.js'
import {FakeSource} from './fake-source.js'

let dir = ''
let live: LiveSource
let fake: FakeSource

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'rsaudit-fake-source-'))
  await mkdir(join(dir, 'sysctl.d'))
  await mkdir(join(dir, 'empty'))
  await writeFile(join(dir, 'sysctl.d', '90-lb.conf'), 'net.ipv4.conf.all.arp_ignore = 1\n')
  await writeFile(join(dir, 'rc.local'), '#!/bin/sh\n')
  await chmod(join(dir, 'rc.local'), 0o644)
  live = new LiveSource()
  fake = new FakeSource({
    files: {
      [join(dir, 'sysctl.d', '90-lb.conf')]: {content: 'net.ipv4.conf.all.arp_ignore = 1\n', mode: 0o644},
      [join(dir, 'rc.local')]: {content: '#!/bin/sh\n', mode: 0o644},
    },
    emptyDirs: [join(dir, 'empty')],
  })
})

afterEach(async () => {
  await rm(dir, {recursive: true, force: true})
})

describe('FakeSource answers like LiveSource', () => {
  it.each(['sysctl.d/90-lb.conf', 'rc.local', 'missing.conf', 'sysctl.d/missing.conf'])('readFile(%s)', async (relative) => {
    const path = join(dir, relative)
    expect(await fake.readFile(path)).toEqual(await live.readFile(path))
  })

  it.each(['', 'sysctl.d', 'empty', 'missing.d'])('listDir(%j)', async (relative) => {
    const path = join(dir, relative).replace(/\/$/, '')
    expect(await fake.listDir(path)).toEqual(await live.listDir(path))
  })
})

describe('FakeSource extras', () => {
  it('denies every path below a denied directory with LiveSource’s "run as root" wording', async () => {
    const denied = new FakeSource({files: {'/etc/NetworkManager/system-connections/lo.nmconnection': ''}, deniedDirs: ['/etc/NetworkManager/system-connections']})
    await expect(denied.listDir('/etc/NetworkManager/system-connections')).resolves.toEqual({
      path: '/etc/NetworkManager/system-connections',
      failure: {reason: 'permission-denied', detail: 'permission denied reading /etc/NetworkManager/system-connections (run as root)'},
    })
    await expect(denied.readFile('/etc/NetworkManager/system-connections/lo.nmconnection')).resolves.toMatchObject({failure: {reason: 'permission-denied'}})
  })

  it('reports a command that is not in the host map as not collected', async () => {
    const capture = await new FakeSource({}).run({id: 'ss-listen-tcp', argv: ['ss', '-Hltn'], timeoutMs: 1})
    expect(capture.failure).toEqual({reason: 'not-collected', detail: 'ss-listen-tcp was not collected'})
  })
})
