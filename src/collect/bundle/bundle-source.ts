/**
 * A bundle as a RawSource: commands and files come from what a collector captured instead
 * of the live host, so an offline audit goes through exactly the same parsers and rules.
 * Anything the bundle does not hold is `not-collected`, which rules report as unknown.
 */
import {posix} from 'node:path'

import type {Fact, OsIdentity} from '../../facts/model.js'
import {decodeText} from '../decode-text.js'
import type {CommandCapture, CommandSpec, DirListing, FileCapture, RawSource} from '../raw-source.js'
import type {BundleCommand, BundleManifest} from './manifest.js'

export class BundleSource implements RawSource {
  readonly kind = 'bundle' as const
  readonly privileged: boolean
  readonly platform: OsIdentity['platform']
  private readonly commands: Map<string, BundleCommand>

  constructor(
    /** Where the bundle came from, for messages. */
    readonly origin: string,
    readonly manifest: BundleManifest,
    /** Bundle-relative path → bytes. */
    private readonly contents: ReadonlyMap<string, Buffer>,
  ) {
    this.privileged = manifest.privileged
    this.platform = manifest.platform
    this.commands = new Map(manifest.commands.map((command) => [command.id, command]))
  }

  async identity(): Promise<Fact<OsIdentity>> {
    const {platform, hostname, os} = this.manifest
    return {status: 'ok', value: {platform, hostname, distro: os.distro, release: os.release, kernel: os.kernel}, source: `${this.origin}/bundle.json`}
  }

  async run(spec: CommandSpec): Promise<CommandCapture> {
    const command = this.commands.get(spec.id)
    if (command === undefined) return {spec, stdout: '', stderr: '', exitCode: null, failure: {reason: 'not-collected', detail: `${spec.argv.join(' ')} is not in the bundle ${this.origin}`}}
    const stdout = this.text(command.stdout, command.encoding)
    const stderr = this.text(command.stderr, command.encoding)
    const failure = command.failure ?? (command.exitCode === 0 ? undefined : {reason: 'nonzero-exit' as const, detail: `${command.argv.join(' ')} exited with ${String(command.exitCode)}${firstLine(stderr)}`})
    return {spec, stdout, stderr, exitCode: command.exitCode, ...(failure ? {failure} : {})}
  }

  async readFile(path: string): Promise<FileCapture> {
    const entry = this.manifest.files.find((file) => this.samePath(file.path, path))
    if (entry?.copy !== undefined) {
      return {path, content: this.text(entry.copy, entry.encoding), ...(entry.mode === undefined ? {} : {mode: entry.mode}), ...(entry.linkTarget ? {linkTarget: entry.linkTarget} : {})}
    }

    if (entry?.failure) return {path, failure: entry.failure, ...(entry.linkTarget ? {linkTarget: entry.linkTarget} : {})}
    // A file absent from a directory the collector listed is known not to exist.
    const parent = this.manifest.dirs.find((dir) => dir.path === posix.dirname(path))
    if (parent?.entries && !parent.entries.includes(posix.basename(path))) return {path, failure: {reason: 'missing', detail: `${path} does not exist`}}
    if (parent?.failure?.reason === 'missing') return {path, failure: {reason: 'missing', detail: parent.failure.detail}}
    return {path, failure: {reason: 'not-collected', detail: `${path} is not in the bundle ${this.origin}`}}
  }

  async listDir(path: string): Promise<DirListing> {
    const entry = this.manifest.dirs.find((dir) => dir.path === path)
    if (entry?.entries) return {path, entries: [...entry.entries].sort()}
    if (entry?.failure) return {path, failure: entry.failure}
    return {path, failure: {reason: 'not-collected', detail: `${path} is not in the bundle ${this.origin}`}}
  }

  /** Windows paths compare without regard to case or slash direction (C:\WINDOWS on 2003). */
  private samePath(a: string, b: string): boolean {
    if (this.manifest.platform !== 'windows') return a === b
    const norm = (p: string) => p.replaceAll('\\', '/').toLowerCase()
    return norm(a) === norm(b)
  }

  private text(name: string | undefined, encoding: string | undefined): string {
    if (name === undefined) return ''
    // openBundle checked that every file the manifest names is present.
    const bytes = this.contents.get(name) ?? Buffer.alloc(0)
    return decodeText(bytes, encoding ?? this.manifest.encoding)
  }
}

function firstLine(text: string): string {
  const line = text.trim().split('\n')[0]
  return line ? `: ${line}` : ''
}
