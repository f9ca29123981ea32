/**
 * A live Windows audit: collectors/collect.ps1 gathers every cmdlet's JSON in ONE PowerShell
 * process (a process per fact would take tens of seconds on Windows) into a temporary bundle,
 * which is then read like any other bundle. The temporary folder is removed afterwards.
 */
import {execFile} from 'node:child_process'
import {mkdtemp, rm} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {fileURLToPath} from 'node:url'

import {UserError} from '../errors.js'
import type {BundleSource} from './bundle/bundle-source.js'
import {openBundle} from './bundle/open-bundle.js'

const TIMEOUT_MS = 180_000

/** Runs a program by argv; injectable so the flow is testable without Windows. */
export type Runner = (program: string, args: readonly string[], timeoutMs: number) => Promise<void>

export const COLLECT_PS1 = fileURLToPath(new URL('../../collectors/collect.ps1', import.meta.url))

function powershellArgs(script: string, out: string): string[] {
  return ['-NoProfile', '-NonInteractive', '-ExecutionPolicy', 'Bypass', '-File', script, '-Out', out]
}

/** Collects this Windows host into a temporary bundle and hands it to `use`; the bundle is deleted afterwards. */
export async function withWindowsLiveBundle<T>(use: (bundle: BundleSource) => Promise<T>, run: Runner = execRunner): Promise<T> {
  const directory = await mkdtemp(join(tmpdir(), 'rsaudit-live-'))
  try {
    const out = join(directory, 'bundle')
    await run('powershell.exe', powershellArgs(COLLECT_PS1, out), TIMEOUT_MS)
    return await use(await openBundle(out))
  } finally {
    await rm(directory, {recursive: true, force: true})
  }
}

const execRunner: Runner = (program, args, timeoutMs) =>
  new Promise((resolve, reject) => {
    execFile(program, [...args], {timeout: timeoutMs, windowsHide: true}, (error, _stdout, stderr) => {
      if (error === null) {
        resolve()
        return
      }

      const why = error.code === 'ENOENT' ? 'powershell.exe was not found' : error.killed ? `it did not finish within ${timeoutMs / 1000} s` : (stderr.trim().split('\n')[0] ?? `exit ${String(error.code)}`)
      reject(new UserError(`collecting this Windows host with collect.ps1 failed: ${why}`))
    })
  })
