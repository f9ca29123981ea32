/**
 * Opens a packed bundle: a .tar.gz (.tgz) or a .zip, told apart by their first bytes, since
 * files get renamed in transfer. The name only breaks a tie the bytes leave open: a zip
 * with a stub before its first entry (a self-extracting archive) does not start with `PK`.
 *
 * A bundle may be packed with or without its folder; stripCommonRoot removes that folder.
 */
import {gunzipSync} from 'node:zlib'

import {readTar} from './tar-read.js'
import {
  ArchiveError,
  MAX_ENTRIES,
  MAX_TOTAL_BYTES,
  type ArchiveEntry,
  corrupt,
  tooBig,
  truncated,
} from './types.js'
import {readZip} from './zip-read.js'

const GZIP_MAGIC = [0x1f, 0x8b]
const ZIP_LOCAL_MAGIC = [0x50, 0x4b, 0x03, 0x04]
/** An empty zip is only its end record. */
const ZIP_EMPTY_MAGIC = [0x50, 0x4b, 0x05, 0x06]

/** A full tar of the largest allowed bundle: content, plus a header and up to a block of padding an entry. */
const MAX_TAR_BYTES = MAX_TOTAL_BYTES + MAX_ENTRIES * 1024 + 1024

export function readArchive(buffer: Buffer, name: string): ArchiveEntry[] {
  if (startsWith(buffer, GZIP_MAGIC)) return readTar(gunzip(buffer))
  if (startsWith(buffer, ZIP_LOCAL_MAGIC) || startsWith(buffer, ZIP_EMPTY_MAGIC)) return readZip(buffer)
  if (/\.zip$/i.test(name) && buffer.includes(Buffer.from(ZIP_EMPTY_MAGIC))) return readZip(buffer)
  throw new ArchiveError(`not a .tar.gz or .zip archive${hint(buffer, name)}`)
}

/** Says what the file is instead, where that is easy to see and to fix. */
function hint(buffer: Buffer, name: string): string {
  if (buffer.length === 0) return ' (the file is empty)'
  if (/\.tar$/i.test(name) || buffer.subarray(257, 262).toString('latin1') === 'ustar') {
    return ' (it is an uncompressed tar: compress it with gzip)'
  }
  return ''
}

function startsWith(buffer: Buffer, magic: readonly number[]): boolean {
  return magic.every((byte, i) => buffer[i] === byte)
}

/** Inflates with a ceiling, so a gzip bomb stops at the limit instead of filling memory. */
function gunzip(buffer: Buffer): Buffer {
  try {
    return gunzipSync(buffer, {maxOutputLength: MAX_TAR_BYTES})
  } catch (error) {
    const code = (error as {code?: unknown}).code
    if (code === 'ERR_BUFFER_TOO_LARGE') throw tooBig()
    if (code === 'Z_BUF_ERROR') throw truncated('the gzip stream ends early')
    throw corrupt(`the gzip stream is damaged (${(error as Error).message}); copy the bundle again`)
  }
}

/**
 * When every entry sits under one top-level folder (`rs1-bundle/bundle.json`, ...), that
 * folder is removed, so a bundle packed with or without its folder reads the same.
 * macOS litter is dropped first, or it would look like a second folder: Finder's zip puts
 * resource forks under `__MACOSX/`, and its tar adds `._name` AppleDouble files.
 */
export function stripCommonRoot(entries: ArchiveEntry[]): ArchiveEntry[] {
  const kept = entries.filter((entry) => !entry.path.startsWith('__MACOSX/') && !/^\._[^/]*$/.test(entry.path))
  const roots = new Set(kept.map((entry) => (entry.path.includes('/') ? entry.path.slice(0, entry.path.indexOf('/')) : '')))
  const [root] = roots
  if (roots.size !== 1 || root === undefined || root === '') return kept
  return kept.map((entry) => ({...entry, path: entry.path.slice(root.length + 1)}))
}
