/**
 * Where raw text comes from. A live run reads this host; an offline run reads a bundle.
 * Everything after this layer (parse, facts, engine, report) is the same for both.
 */
import type {Fact, OsIdentity} from '../facts/model.js'

/** A program to run: an argv array (never a shell string) and a time limit. */
export interface CommandSpec {
  /** Stable id, used as the bundle file name and in evidence, e.g. `ip-addr-json`. */
  id: string
  argv: readonly [string, ...string[]]
  timeoutMs: number
}

export type CaptureFailure = 'command-missing' | 'permission-denied' | 'timeout' | 'nonzero-exit' | 'not-collected'

export interface CommandCapture {
  spec: CommandSpec
  stdout: string
  stderr: string
  exitCode: number | null
  /** Set when the command could not give usable output. */
  failure?: {reason: CaptureFailure; detail: string}
}

export interface FileCapture {
  path: string
  /** Absent when the file could not be read; see `failure`. */
  content?: string
  /** Resolved target when `path` is a symbolic link. */
  linkTarget?: string
  /** Permission bits, when known (the rc.local check needs the executable bit). */
  mode?: number
  failure?: {reason: 'missing' | 'permission-denied' | 'not-collected'; detail: string}
}

export interface DirListing {
  path: string
  /** Entry names (not paths), sorted; absent when the directory could not be listed. */
  entries?: string[]
  failure?: {reason: 'missing' | 'permission-denied' | 'not-collected'; detail: string}
}

export interface RawSource {
  readonly kind: 'live' | 'bundle'
  /** The platform, known without collecting anything, so the right collectors start at once. */
  readonly platform: OsIdentity['platform']
  /** Whether the capture ran as root; missing facts then need no "run as root" hint. */
  readonly privileged: boolean
  identity(): Promise<Fact<OsIdentity>>
  run(spec: CommandSpec): Promise<CommandCapture>
  readFile(path: string): Promise<FileCapture>
  listDir(path: string): Promise<DirListing>
}
