/**
 * Wraps a RawSource and remembers every command run, file read and directory listed, so
 * `rsaudit collect` writes exactly what an audit of this host reads: a bundle made this way
 * audits the same as the live host, fallbacks included.
 */
import type {Fact, OsIdentity} from '../facts/model.js'
import type {CommandCapture, CommandSpec, DirListing, FileCapture, RawSource} from './raw-source.js'

export class RecordingSource implements RawSource {
  readonly commands = new Map<string, CommandCapture>()
  readonly files = new Map<string, FileCapture>()
  readonly dirs = new Map<string, DirListing>()

  constructor(private readonly inner: RawSource) {}

  get kind(): RawSource['kind'] {
    return this.inner.kind
  }

  get platform(): RawSource['platform'] {
    return this.inner.platform
  }

  get privileged(): boolean {
    return this.inner.privileged
  }

  identity(): Promise<Fact<OsIdentity>> {
    return this.inner.identity()
  }

  async run(spec: CommandSpec): Promise<CommandCapture> {
    const capture = await this.inner.run(spec)
    this.commands.set(spec.id, capture)
    return capture
  }

  async readFile(path: string): Promise<FileCapture> {
    const capture = await this.inner.readFile(path)
    this.files.set(path, capture)
    return capture
  }

  async listDir(path: string): Promise<DirListing> {
    const listing = await this.inner.listDir(path)
    this.dirs.set(path, listing)
    return listing
  }
}
