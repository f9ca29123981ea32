/**
 * The live host as a RawSource: the only module that runs programs or reads the system.
 * Programs run through execFile with an argv array, a timeout, a size cap and LC_ALL=C, so
 * their output is parseable and nothing the host says can become shell syntax.
 */
import {type ExecFileException, execFile} from 'node:child_process'
import {lstat, readdir, readFile, readlink, stat} from 'node:fs/promises'

import type {Fact, OsIdentity} from '../facts/model.js'
import {liveIdentity, PLATFORMS} from './os-identity.js'
import type {CaptureFailure, CommandCapture, CommandSpec, DirListing, FileCapture, RawSource} from './raw-source.js'

const MAX_OUTPUT_BYTES = 32 * 1024 * 1024

export class LiveSource implements RawSource {
  readonly kind = 'live' as const
  readonly platform: OsIdentity['platform'] = PLATFORMS[process.platform] ?? 'unknown'
  readonly privileged = process.getuid?.() === 0

  identity(): Promise<Fact<OsIdentity>> {
    return liveIdentity()
  }

  run(spec: CommandSpec): Promise<CommandCapture> {
    const [program, ...args] = spec.argv
    return new Promise((resolve) => {
      execFile(
        program,
        args,
        {timeout: spec.timeoutMs, maxBuffer: MAX_OUTPUT_BYTES, env: {...process.env, LC_ALL: 'C', LANG: 'C'}, encoding: 'utf8'},
        (error, stdout, stderr) => {
          if (error === null) {
            resolve({spec, stdout, stderr, exitCode: 0})
            return
          }

          const exitCode = typeof error.code === 'number' ? error.code : null
          resolve({spec, stdout, stderr, exitCode, failure: describeFailure(error, spec, stderr)})
        },
      )
    })
  }

  async readFile(path: string): Promise<FileCapture> {
    let linkTarget: string | undefined
    try {
      const info = await lstat(path)
      linkTarget = info.isSymbolicLink() ? await readlink(path) : undefined
      const target = linkTarget === undefined ? info : await stat(path)
      return {path, content: await readFile(path, 'utf8'), mode: target.mode & 0o7777, ...(linkTarget === undefined ? {} : {linkTarget})}
    } catch (error) {
      // A dangling link still says where it points (99-sysctl.conf without /etc/sysctl.conf).
      return {path, failure: fsFailure(error, path), ...(linkTarget === undefined ? {} : {linkTarget})}
    }
  }

  async listDir(path: string): Promise<DirListing> {
    try {
      return {path, entries: (await readdir(path)).sort()}
    } catch (error) {
      return {path, failure: fsFailure(error, path)}
    }
  }
}

function describeFailure(error: ExecFileException, spec: CommandSpec, stderr: string): {reason: CaptureFailure; detail: string} {
  const line = spec.argv.join(' ')
  if (error.code === 'ENOENT') return {reason: 'command-missing', detail: `${spec.argv[0]} is not installed`}
  if (error.code === 'EACCES') return {reason: 'permission-denied', detail: `permission denied running ${line}`}
  if (error.killed || error.signal === 'SIGTERM') return {reason: 'timeout', detail: `${line} did not finish within ${spec.timeoutMs} ms`}
  const firstLine = stderr.trim().split('\n')[0] ?? ''
  return {reason: 'nonzero-exit', detail: `${line} exited with ${String(error.code)}${firstLine ? `: ${firstLine}` : ''}`}
}

function fsFailure(error: unknown, path: string): {reason: 'missing' | 'permission-denied'; detail: string} {
  const code = (error as NodeJS.ErrnoException).code
  if (code === 'EACCES' || code === 'EPERM') return {reason: 'permission-denied', detail: `permission denied reading ${path} (run as root)`}
  return {reason: 'missing', detail: `${path} does not exist`}
}
