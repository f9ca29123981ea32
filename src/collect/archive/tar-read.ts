/**
 * Reads an uncompressed tar archive: ustar, pax (POSIX.1-2001) and GNU, which covers GNU
 * tar's default and `--format=posix`, bsdtar, Python's tarfile and Node's tar package.
 *
 * Only regular files and folders may appear in a bundle. Links, devices and sparse files
 * are refused, as is any name that leaves the bundle. Every header's checksum is verified,
 * so random bytes and a damaged file are told apart from a valid archive.
 */
import {
  ArchiveError,
  EntryCollector,
  type ArchiveEntry,
  corrupt,
  linkEntry,
  normalizeEntryPath,
  shown,
  truncated,
} from './types.js'

const BLOCK = 512

/** Per-entry overrides from a pax `x` header or a GNU `L` record, for the header that follows. */
interface Overrides {
  path?: string
  size?: number
}

interface Header {
  name: string
  mode: number
  size: number
  type: string
}

const utf8 = new TextDecoder('utf-8')

export function readTar(buffer: Buffer): ArchiveEntry[] {
  const collector = new EntryCollector()
  let overrides: Overrides = {}
  // Shorter than one header, it is no tar at all (a gzipped text file, say), not a cut one.
  if (buffer.length < BLOCK) throw notTar()
  let offset = 0
  for (;;) {
    if (offset + BLOCK > buffer.length) throw truncated('the tar end-of-archive marker is missing')
    const block = buffer.subarray(offset, offset + BLOCK)
    // Two zero blocks end the archive; some writers stop after one and the end of the file.
    if (isZeroBlock(block)) {
      if (offset + 2 * BLOCK > buffer.length || isZeroBlock(buffer.subarray(offset + BLOCK, offset + 2 * BLOCK))) break
      offset += BLOCK
      continue
    }
    const header = parseHeader(block, offset)
    const dataStart = offset + BLOCK
    if (META_TYPES.has(header.type)) {
      overrides = {...overrides, ...readMeta(buffer, header, dataStart)}
    } else {
      header.name = overrides.path ?? header.name
      header.size = overrides.size ?? header.size
      readMember(buffer, header, dataStart, collector)
      overrides = {}
    }
    offset = dataStart + roundUp(header.size)
  }
  return collector.finish()
}

/** Headers that describe the next member rather than being one. */
const META_TYPES = new Set(['x', 'g', 'L', 'K', 'V'])

/** A pax or GNU header's overrides for the member that follows. */
function readMeta(buffer: Buffer, header: Header, dataStart: number): Overrides {
  const data = dataOf(buffer, header, dataStart)
  switch (header.type) {
    case 'x':
      return parsePax(data)
    case 'L':
      return {path: cString(data)}
    default:
      // `g` (a global pax header, as bsdtar and git archive write) holds nothing a bundle needs;
      // `K` is the long target of a link that is refused when it comes; `V` is a volume label.
      return {}
  }
}

/** A file, folder, or a member a bundle may not hold. */
function readMember(buffer: Buffer, header: Header, dataStart: number, collector: EntryCollector): void {
  collector.countEntry()
  const path = normalizeEntryPath(header.name)
  switch (header.type) {
    case '0':
    case '\0':
    case '7':
      // Before ustar, a folder was a regular entry whose name ends in a slash.
      if (header.name.endsWith('/')) return
      if (path === '') throw new ArchiveError(`archive entry ${shown(header.name)} is a file without a name`)
      collector.reserveBytes(header.size)
      collector.addFile(path, dataOf(buffer, header, dataStart), header.mode)
      return
    case '5':
      return
    case '1':
    case '2':
      throw linkEntry(header.name)
    case '3':
    case '4':
    case '6':
      throw new ArchiveError(`archive entry ${shown(header.name)} is a device or pipe; bundles hold only files and folders`)
    default:
      throw new ArchiveError(
        `archive entry ${shown(header.name)} has tar type '${shown(header.type)}', which rsaudit cannot read; pack the bundle with GNU tar or bsdtar`,
      )
  }
}

function parseHeader(block: Buffer, offset: number): Header {
  if (!checksumMatches(block)) {
    throw offset === 0 ? notTar() : corrupt(`tar header checksum mismatch at byte ${offset}`)
  }
  return {
    name: headerName(block),
    mode: parseNumber(block.subarray(100, 108), 'mode', offset) & 0o7777,
    size: parseNumber(block.subarray(124, 136), 'size', offset),
    type: String.fromCharCode(block[156] ?? 0),
  }
}

/** ustar splits a long name into prefix (bytes 345-500) and name; GNU uses those bytes for times. */
function headerName(block: Buffer): string {
  const name = cString(block.subarray(0, 100))
  const isUstar = block.subarray(257, 263).equals(Buffer.from('ustar\0', 'latin1'))
  const prefix = isUstar ? cString(block.subarray(345, 500)) : ''
  return prefix === '' ? name : `${prefix}/${name}`
}

/** The header sum with the checksum field counted as spaces; old writers summed signed bytes. */
function checksumMatches(block: Buffer): boolean {
  const field = cString(block.subarray(148, 156)).trim()
  if (!/^[0-7]+$/.test(field)) return false
  const stored = Number.parseInt(field, 8)
  let unsigned = 0
  let signed = 0
  for (let i = 0; i < BLOCK; i++) {
    const byte = i >= 148 && i < 156 ? 0x20 : (block[i] ?? 0)
    unsigned += byte
    signed += byte >= 0x80 ? byte - 0x100 : byte
  }
  return stored === unsigned || stored === signed
}

/** An octal field, or GNU's base-256 form (high bit set) that holds sizes over 8 GiB. */
function parseNumber(field: Buffer, what: string, offset: number): number {
  const first = field[0] ?? 0
  if (first & 0x80) {
    let value = first & 0x7f
    for (const byte of field.subarray(1)) value = value * 256 + byte
    if (!Number.isSafeInteger(value)) throw corrupt(`tar header ${what} out of range at byte ${offset}`)
    return value
  }
  const text = cString(field).trim()
  if (text === '') return 0
  if (!/^[0-7]+$/.test(text)) throw corrupt(`tar header ${what} is not a number at byte ${offset}`)
  return Number.parseInt(text, 8)
}

/**
 * pax records are `<length> <key>=<value>\n`, the length counting the whole record in bytes.
 * Only `path` and `size` matter here; sparse files announce themselves with GNU.sparse keys.
 */
function parsePax(data: Buffer): Overrides {
  const overrides: Overrides = {}
  let at = 0
  while (at < data.length) {
    const space = data.indexOf(0x20, at)
    const length = space === -1 ? Number.NaN : Number(data.toString('latin1', at, space))
    if (!Number.isInteger(length) || length <= 0 || at + length > data.length) throw corrupt('bad pax extended header')
    const record = utf8.decode(data.subarray(space + 1, at + length)).replace(/\n$/, '')
    at += length
    const equals = record.indexOf('=')
    if (equals === -1) throw corrupt('bad pax extended header')
    applyPaxRecord(overrides, record.slice(0, equals), record.slice(equals + 1))
  }
  return overrides
}

function applyPaxRecord(overrides: Overrides, key: string, value: string): void {
  if (key === 'path') overrides.path = value
  else if (key === 'size') {
    const size = Number(value)
    if (!Number.isSafeInteger(size) || size < 0) throw corrupt('bad size in pax extended header')
    overrides.size = size
  } else if (key.startsWith('GNU.sparse.')) {
    throw new ArchiveError('archive holds a sparse file, which rsaudit cannot read; pack the bundle without --sparse')
  }
}

/** An entry's data, checked to lie inside the buffer. */
function dataOf(buffer: Buffer, header: Header, start: number): Buffer {
  if (start + header.size > buffer.length) throw truncated(`entry ${shown(header.name)} is cut short`)
  return buffer.subarray(start, start + header.size)
}

function notTar(): ArchiveError {
  return new ArchiveError('not a .tar.gz or .zip archive (the gzip stream does not hold a tar archive)')
}

/** A NUL-terminated field as text; names are UTF-8 in practice (GNU tar writes the locale's bytes). */
function cString(field: Buffer): string {
  const end = field.indexOf(0)
  return utf8.decode(end === -1 ? field : field.subarray(0, end))
}

function isZeroBlock(block: Buffer): boolean {
  for (const byte of block) if (byte !== 0) return false
  return true
}

function roundUp(size: number): number {
  return Math.ceil(size / BLOCK) * BLOCK
}
