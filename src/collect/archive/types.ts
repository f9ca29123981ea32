/**
 * What the archive readers return, the one error they throw, and the rules every reader
 * enforces alike: entry names must stay inside the bundle, links are refused, names are
 * unique, and an archive may not expand past fixed limits (zip and gzip bombs).
 *
 * A bundle comes from another machine, possibly a compromised one, so an archive is
 * hostile input: every problem becomes an ArchiveError with one line the user can act on.
 */
import {UserError} from '../../errors.js'

/** A regular file from an archive. Folders are implied by paths and never listed. */
export interface ArchiveEntry {
  /** Relative, `/`-separated, without `.` or `..` components, e.g. `files/etc/rc.local`. */
  path: string
  /** May share memory with the archive's buffer (stored and tar entries are not copied). */
  content: Buffer
  /** Permission bits (`0o755`), when the archive records them. */
  mode?: number
}

/**
 * A bad or unreadable archive. Extends UserError so commands print the message as one
 * line and exit 2. Messages do not name the archive file: the caller knows it and may
 * prefix it.
 */
export class ArchiveError extends UserError {
  override readonly name = 'ArchiveError'
}

/** Far above any real bundle (a few MiB), far below what would exhaust memory. */
export const MAX_TOTAL_BYTES = 512 * 1024 * 1024
export const MAX_ENTRIES = 100_000

export function truncated(detail: string): ArchiveError {
  return new ArchiveError(`archive is truncated (${detail}); copy the bundle again`)
}

export function corrupt(detail: string): ArchiveError {
  return new ArchiveError(`archive is corrupt: ${detail}`)
}

export function linkEntry(name: string): ArchiveError {
  return new ArchiveError(`archive entry ${shown(name)} is a link; bundles may not contain links`)
}

export function tooBig(): ArchiveError {
  return new ArchiveError(`archive expands beyond ${MAX_TOTAL_BYTES / 1024 / 1024} MiB; a bundle is far smaller`)
}

/** An entry name as a user can read it: control characters would garble the one-line message. */
export function shown(name: string): string {
  return name.replace(/[\u0000-\u001f\u007f]/g, '?')
}

/**
 * Turns an entry name into a bundle path, or refuses it. Backslashes count as separators
 * because PowerShell 5's Compress-Archive writes them. Returns '' for the archive's root
 * folder (`./`), which readers skip.
 */
export function normalizeEntryPath(name: string): string {
  if (name.includes('\0')) throw new ArchiveError(`archive entry ${shown(name)} has a NUL byte in its name`)
  const slashed = name.replace(/\\/g, '/')
  if (slashed.startsWith('/') || /^[A-Za-z]:/.test(slashed)) throw escapes(name)
  const parts = slashed.split('/').filter((part) => part !== '' && part !== '.')
  // Any `..` is refused, even one that would stay inside: the format says so, and it is never needed.
  if (parts.includes('..')) throw escapes(name)
  return parts.join('/')
}

function escapes(name: string): ArchiveError {
  return new ArchiveError(`archive entry ${shown(name)} escapes the bundle`)
}

/**
 * Counts entries and expanded bytes as a reader goes, so a bomb is refused before its
 * content is inflated or copied, and collects the files.
 */
export class EntryCollector {
  private readonly files: ArchiveEntry[] = []
  private entries = 0
  private bytes = 0

  /** Call once per entry of any kind, before reading it. */
  countEntry(): void {
    this.entries += 1
    if (this.entries > MAX_ENTRIES) throw tooManyEntries()
  }

  /** Call with a file's declared size, before reading or inflating it. */
  reserveBytes(size: number): void {
    this.bytes += size
    if (this.bytes > MAX_TOTAL_BYTES) throw tooBig()
  }

  addFile(path: string, content: Buffer, mode: number | undefined): void {
    this.files.push(mode === undefined ? {path, content} : {path, content, mode})
  }

  /** The files, once names are known to be unique and no file also serves as a folder. */
  finish(): ArchiveEntry[] {
    checkNames(this.files)
    return this.files
  }
}

export function tooManyEntries(): ArchiveError {
  return new ArchiveError(`archive has more than ${MAX_ENTRIES.toLocaleString('en-US')} entries; a bundle has far fewer`)
}

function checkNames(files: readonly ArchiveEntry[]): void {
  const paths = new Set<string>()
  for (const {path} of files) {
    if (paths.has(path)) throw new ArchiveError(`archive entry ${shown(path)} appears twice; pack the bundle again`)
    paths.add(path)
  }
  for (const {path} of files) {
    for (let slash = path.indexOf('/'); slash !== -1; slash = path.indexOf('/', slash + 1)) {
      const folder = path.slice(0, slash)
      if (paths.has(folder)) throw new ArchiveError(`archive entry ${shown(folder)} is both a file and a folder`)
    }
  }
}
