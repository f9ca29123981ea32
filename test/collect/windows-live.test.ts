/**
 * The live Windows flow without Windows: collect.ps1 is started once with the expected argv,
 * its bundle is read like any other, and the temporary folder is gone afterwards, also when
 * the collector fails. (The script itself is syntax-checked in test/collectors.)
 */
import {cp, mkdtemp, readdir, rm} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import {join} from 'node:path'

import {afterAll, beforeAll, describe, expect, it} from 'vitest'

import {COLLECT_PS1, type Runner, withWindowsLiveBundle} from '../../src/collect/windows-live.js'
import {UserError} from '../../src/errors.js'
import {runCli} from '../helpers/run-cli.js'

let bundle: string

beforeAll(async () => {
  bundle = join(await mkdtemp(join(tmpdir(), 'rsaudit-winlive-src-')), 'b')
  expect((await runCli(['collect', '--out', bundle])).exitCode).toBe(0)
})

afterAll(async () => {
  await rm(join(bundle, '..'), {recursive: true, force: true})
})

async function liveTemporaries(): Promise<string[]> {
  return (await readdir(tmpdir())).filter((name) => name.startsWith('rsaudit-live-'))
}

describe('withWindowsLiveBundle', () => {
  it('runs collect.ps1 once in one PowerShell process and reads its bundle', async () => {
    const calls: Array<{program: string; args: readonly string[]}> = []
    const fake: Runner = async (program, args) => {
      calls.push({program, args})
      await cp(bundle, args.at(-1) ?? '', {recursive: true})
    }

    const before = await liveTemporaries()
    const commands = await withWindowsLiveBundle(async (source) => source.manifest.commands.length, fake)
    expect(commands).toBeGreaterThan(0)
    expect(calls).toHaveLength(1)
    expect(calls[0]?.program).toBe('powershell.exe')
    expect(calls[0]?.args.slice(0, 6)).toEqual(['-NoProfile', '-NonInteractive', '-ExecutionPolicy', 'Bypass', '-File', COLLECT_PS1])
    expect(await liveTemporaries()).toEqual(before)
  })

  it('passes a collector failure on as one clear line and cleans up', async () => {
    const before = await liveTemporaries()
    const failing: Runner = async () => {
      throw new UserError('collecting this Windows host with collect.ps1 failed: powershell.exe was not found')
    }

    await expect(withWindowsLiveBundle(async () => 0, failing)).rejects.toThrow(/powershell\.exe was not found/)
    expect(await liveTemporaries()).toEqual(before)
  })
})
