/**
 * An in-memory RawSource for collector tests: command outputs by command id, files by path
 * (with content, permission bits, a link target, or "permission denied"), and directories
 * derived from the file paths, so a test describes a host as a flat map. Failure wording
 * copies LiveSource's, which test/collect/fake-source.test.ts checks against the real thing.
 */
import type {CaptureFailure, CommandCapture, CommandSpec, DirListing, FileCapture, RawSource} from '../../src/collect/raw-source.js'
import type {Fact, OsIdentity} from '../../src/facts/model.js'

export interface FakeFile {
  content?: string
  mode?: number
  linkTarget?: string
  /** Reading the file fails with EACCES. */
  denied?: boolean
}

export interface FakeCommandFailure {
  failure: {reason: CaptureFailure; detail: string}
  stderr?: string
  exitCode?: number | null
}

export interface FakeHost {
  /** Command id → stdout, or how the command failed. A command not listed was not collected. */
  commands?: Record<string, string | FakeCommandFailure>
  /** Absolute path → content, or a FakeFile for permission bits, links and denials. */
  files?: Record<string, string | FakeFile>
  /** Directories that exist but are empty (other directories come from the file paths). */
  emptyDirs?: readonly string[]
  /** Directories whose listing, and every file below them, fail with EACCES. */
  deniedDirs?: readonly string[]
  privileged?: boolean
  identity?: Fact<OsIdentity>
}

export const DEBIAN_12: Fact<OsIdentity> = {
  status: 'ok',
  value: {platform: 'linux', hostname: 'rs1', distro: 'Debian GNU/Linux', release: '12', kernel: '6.1.0-28-amd64'},
  source: 'test',
}

export function commandFailure(reason: CaptureFailure, detail: string, stderr = ''): FakeCommandFailure {
  return {failure: {reason, detail}, stderr, exitCode: reason === 'nonzero-exit' ? 255 : null}
}

export function deniedDetail(path: string): string {
  return `permission denied reading ${path} (run as root)`
}

export class FakeSource implements RawSource {
  readonly kind = 'bundle' as const
  /** The identity's platform (Linux unless the host says otherwise). */
  readonly platform: OsIdentity['platform']
  readonly privileged: boolean
  /** Every path read or listed, in order, to check what a collector looked at. */
  readonly visited: string[] = []

  constructor(private readonly host: FakeHost) {
    this.privileged = host.privileged ?? true
    this.platform = host.identity?.status === 'ok' ? host.identity.value.platform : 'linux'
  }

  async identity(): Promise<Fact<OsIdentity>> {
    return this.host.identity ?? DEBIAN_12
  }

  async run(spec: CommandSpec): Promise<CommandCapture> {
    const entry = this.host.commands?.[spec.id]
    if (entry === undefined) return {spec, stdout: '', stderr: '', exitCode: null, failure: {reason: 'not-collected', detail: `${spec.id} was not collected`}}
    if (typeof entry === 'string') return {spec, stdout: entry, stderr: '', exitCode: 0}
    return {spec, stdout: '', stderr: entry.stderr ?? '', exitCode: entry.exitCode ?? null, failure: entry.failure}
  }

  async readFile(path: string): Promise<FileCapture> {
    this.visited.push(path)
    const entry = this.host.files?.[path]
    const file: FakeFile | undefined = typeof entry === 'string' ? {content: entry} : entry
    if (file?.denied || this.isDenied(path)) return {path, failure: {reason: 'permission-denied', detail: deniedDetail(path)}}
    if (file?.content === undefined) return {path, failure: {reason: 'missing', detail: `${path} does not exist`}}
    return {
      path,
      content: file.content,
      ...(file.mode === undefined ? {} : {mode: file.mode}),
      ...(file.linkTarget === undefined ? {} : {linkTarget: file.linkTarget}),
    }
  }

  async listDir(path: string): Promise<DirListing> {
    this.visited.push(path)
    if (this.isDenied(path)) return {path, failure: {reason: 'permission-denied', detail: deniedDetail(path)}}
    const prefix = `${path}/`
    const below = [...Object.keys(this.host.files ?? {}), ...(this.host.emptyDirs ?? [])].filter((other) => other.startsWith(prefix))
    const entries = [...new Set(below.map((other) => other.slice(prefix.length).split('/')[0] ?? ''))].filter(Boolean).sort()
    if (entries.length === 0 && !(this.host.emptyDirs ?? []).includes(path)) return {path, failure: {reason: 'missing', detail: `${path} does not exist`}}
    return {path, entries}
  }

  private isDenied(path: string): boolean {
    return (this.host.deniedDirs ?? []).some((dir) => path === dir || path.startsWith(`${dir}/`))
  }
}
