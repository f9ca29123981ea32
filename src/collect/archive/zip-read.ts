/**
 * Reads a zip archive from its central directory, the index at its end, which is the only
 * authoritative list of entries (local headers may be stale, and their sizes are absent
 * when a streaming writer used a data descriptor). Entries are stored (method 0) or
 * deflated (method 8), the two that Windows' "Send to compressed folder", PowerShell's
 * Compress-Archive, Info-ZIP, 7-Zip's zip default and Python's zipfile write.
 *
 * ZIP64 is read (its counts and offsets fit in JS numbers far past any bundle's size).
 * Split archives, encryption and other compression methods are refused with a hint.
 * Names are UTF-8 when flag bit 11 is set, else CP437, the zip standard's default that
 * Windows' built-in zip writes; an Info-ZIP Unicode Path field, when valid, wins.
 * Every entry's CRC-32 is checked, and declared sizes bound inflation (zip bombs).
 */
import {inflateRawSync} from 'node:zlib'

import {decodeAs} from '../decode-text.js'
import {crc32} from './crc32.js'
import {
  ArchiveError,
  EntryCollector,
  MAX_ENTRIES,
  type ArchiveEntry,
  corrupt,
  linkEntry,
  normalizeEntryPath,
  shown,
  tooManyEntries,
  truncated,
} from './types.js'

const EOCD_SIGNATURE = 0x06054b50
const EOCD_SIZE = 22
const ZIP64_LOCATOR_SIGNATURE = 0x07064b50
const ZIP64_EOCD_SIGNATURE = 0x06064b50
const CENTRAL_SIGNATURE = 0x02014b50
const CENTRAL_SIZE = 46
const LOCAL_SIGNATURE = 0x04034b50
const LOCAL_SIZE = 30

const FLAG_ENCRYPTED = 0x0001
const FLAG_UTF8 = 0x0800

/** Where the central directory is, from the end-of-central-directory record(s). */
interface Directory {
  count: number
  offset: number
  size: number
}

/** One central directory record, with ZIP64 values already applied. */
interface CentralEntry {
  name: string
  flags: number
  method: number
  crc: number
  compressedSize: number
  size: number
  localOffset: number
  /** `S_IFMT | permissions` from a Unix writer, or undefined. */
  unixMode: number | undefined
  /** MS-DOS attributes: 0x10 folder, 0x400 reparse point (a Windows link). */
  dosAttributes: number
}

/**
 * Bounds-checked little-endian reads: a short or lying archive yields an ArchiveError,
 * never Node's RangeError.
 */
class Bytes {
  constructor(readonly buffer: Buffer) {}

  u16(at: number): number {
    this.need(at, 2)
    return this.buffer.readUInt16LE(at)
  }

  u32(at: number): number {
    this.need(at, 4)
    return this.buffer.readUInt32LE(at)
  }

  /** A 64-bit field; anything past 2^53 cannot be a real offset or size in this buffer. */
  u64(at: number): number {
    this.need(at, 8)
    const value = this.buffer.readBigUInt64LE(at)
    if (value > BigInt(Number.MAX_SAFE_INTEGER)) throw corrupt('a ZIP64 size or offset is out of range')
    return Number(value)
  }

  slice(at: number, length: number): Buffer {
    this.need(at, length)
    return this.buffer.subarray(at, at + length)
  }

  private need(at: number, length: number): void {
    if (at < 0 || at + length > this.buffer.length) throw truncated('a zip record runs past the end of the file')
  }
}

export function readZip(buffer: Buffer): ArchiveEntry[] {
  const bytes = new Bytes(buffer)
  const entries = readCentralEntries(bytes, readDirectory(bytes))
  // Every name and type is checked, and declared sizes summed, before anything is inflated.
  const files = entries.flatMap((entry) => {
    const path = normalizeEntryPath(entry.name)
    return classify(entry, path) === 'file' ? [{entry, path}] : []
  })
  const collector = new EntryCollector()
  for (const {entry} of files) collector.reserveBytes(entry.size)
  for (const {entry, path} of files) collector.addFile(path, extract(bytes, entry), permissions(entry))
  return collector.finish()
}

function readDirectory(bytes: Bytes): Directory {
  const eocd = findEocd(bytes.buffer)
  // ZIP64 writers may put 0xFFFF in these and the real (zero) values in the ZIP64 record.
  if (![0, 0xffff].includes(bytes.u16(eocd + 4)) || ![0, 0xffff].includes(bytes.u16(eocd + 6))) {
    throw new ArchiveError('archive is a split (multi-part) zip, which rsaudit cannot read; pack the bundle as one file')
  }
  const directory = {count: bytes.u16(eocd + 10), size: bytes.u32(eocd + 12), offset: bytes.u32(eocd + 16)}
  const usesZip64 = directory.count === 0xffff || directory.size === 0xffffffff || directory.offset === 0xffffffff
  const locator = eocd - 20
  if (usesZip64 && locator >= 0 && bytes.u32(locator) === ZIP64_LOCATOR_SIGNATURE) return readZip64Directory(bytes, locator)
  return directory
}

/**
 * The end record is 22 bytes plus a comment of up to 64 KiB, so it is searched for from the
 * end backwards; the last signature whose comment ends at or before the end of the file wins.
 */
function findEocd(buffer: Buffer): number {
  const lowest = Math.max(0, buffer.length - EOCD_SIZE - 0xffff)
  for (let at = buffer.length - EOCD_SIZE; at >= lowest; at--) {
    if (buffer.readUInt32LE(at) === EOCD_SIGNATURE && at + EOCD_SIZE + buffer.readUInt16LE(at + 20) <= buffer.length) return at
  }
  // A file that starts like a zip but has no end record was cut short in transfer.
  if (buffer.length >= 4 && [LOCAL_SIGNATURE, EOCD_SIGNATURE].includes(buffer.readUInt32LE(0))) truncatedZip()
  throw new ArchiveError('not a .tar.gz or .zip archive (no zip end-of-central-directory record)')
}

function truncatedZip(): never {
  throw truncated('the zip central directory at its end is missing')
}

function readZip64Directory(bytes: Bytes, locator: number): Directory {
  const record = bytes.u64(locator + 8)
  if (bytes.u32(record) !== ZIP64_EOCD_SIGNATURE) throw corrupt('the ZIP64 end-of-central-directory record is missing')
  return {count: bytes.u64(record + 32), size: bytes.u64(record + 40), offset: bytes.u64(record + 48)}
}

function readCentralEntries(bytes: Bytes, directory: Directory): CentralEntry[] {
  // Refused before the loop: the count is only a claim, and each record costs work.
  if (directory.count > MAX_ENTRIES) throw tooManyEntries()
  if (directory.offset + directory.size > bytes.buffer.length) truncatedZip()
  const entries: CentralEntry[] = []
  let at = directory.offset
  for (let i = 0; i < directory.count; i++) {
    if (bytes.u32(at) !== CENTRAL_SIGNATURE) throw corrupt('the zip central directory is damaged')
    const {entry, length} = readCentralEntry(bytes, at)
    entries.push(entry)
    at += length
  }
  return entries
}

function readCentralEntry(bytes: Bytes, at: number): {entry: CentralEntry; length: number} {
  const nameLength = bytes.u16(at + 28)
  const extraLength = bytes.u16(at + 30)
  const commentLength = bytes.u16(at + 32)
  const flags = bytes.u16(at + 8)
  const rawName = bytes.slice(at + CENTRAL_SIZE, nameLength)
  const extra = bytes.slice(at + CENTRAL_SIZE + nameLength, extraLength)
  const madeBy = bytes.u16(at + 4) >> 8
  const external = bytes.u32(at + 38)
  const entry: CentralEntry = {
    name: entryName(rawName, flags, extra),
    flags,
    method: bytes.u16(at + 10),
    crc: bytes.u32(at + 16),
    compressedSize: bytes.u32(at + 20),
    size: bytes.u32(at + 24),
    localOffset: bytes.u32(at + 42),
    // 3 is Unix and 19 is macOS: both keep st_mode in the high half of the external attributes.
    unixMode: madeBy === 3 || madeBy === 19 ? external >>> 16 || undefined : undefined,
    dosAttributes: external & 0xffff,
  }
  applyZip64Extra(entry, extra)
  return {entry, length: CENTRAL_SIZE + nameLength + extraLength + commentLength}
}

function entryName(raw: Buffer, flags: number, extra: Buffer): string {
  const unicodePath = findExtra(extra, 0x7075)
  // Info-ZIP Unicode Path: version 1, the CRC of the raw name it replaces, then UTF-8.
  if (unicodePath && unicodePath.length > 5 && unicodePath[0] === 1 && unicodePath.readUInt32LE(1) === crc32(raw)) {
    return decodeAs(unicodePath.subarray(5), 'utf-8')
  }
  return decodeAs(raw, flags & FLAG_UTF8 ? 'utf-8' : 'cp437')
}

/** ZIP64 extra field (0x0001): 64-bit values for exactly the fields set to 0xFFFFFFFF, in order. */
function applyZip64Extra(entry: CentralEntry, extra: Buffer): void {
  const field = findExtra(extra, 0x0001)
  if (!field) return
  const values = new Bytes(field)
  let at = 0
  const next = (): number => {
    const value = values.u64(at)
    at += 8
    return value
  }
  if (entry.size === 0xffffffff) entry.size = next()
  if (entry.compressedSize === 0xffffffff) entry.compressedSize = next()
  if (entry.localOffset === 0xffffffff) entry.localOffset = next()
}

/** An extra field's data by its id; extra fields are `id u16, length u16, data`. */
function findExtra(extra: Buffer, id: number): Buffer | undefined {
  for (let at = 0; at + 4 <= extra.length; ) {
    const length = extra.readUInt16LE(at + 2)
    if (extra.readUInt16LE(at) === id) return at + 4 + length <= extra.length ? extra.subarray(at + 4, at + 4 + length) : undefined
    at += 4 + length
  }
  return undefined
}

function classify(entry: CentralEntry, path: string): 'file' | 'folder' {
  const type = (entry.unixMode ?? 0) & 0o170000
  if (type === 0o120000 || entry.dosAttributes & 0x400) throw linkEntry(entry.name)
  if (type === 0o040000 || entry.dosAttributes & 0x10 || /[/\\]$/.test(entry.name)) return 'folder'
  if (type !== 0 && type !== 0o100000) {
    throw new ArchiveError(`archive entry ${shown(entry.name)} is a device or pipe; bundles hold only files and folders`)
  }
  if (path === '') throw new ArchiveError(`archive entry ${shown(entry.name)} is a file without a name`)
  return 'file'
}

function permissions(entry: CentralEntry): number | undefined {
  const bits = (entry.unixMode ?? 0) & 0o7777
  return bits === 0 ? undefined : bits
}

/** An entry's content: located through its local header, inflated within its declared size, CRC-checked. */
function extract(bytes: Bytes, entry: CentralEntry): Buffer {
  if (entry.flags & FLAG_ENCRYPTED) {
    throw new ArchiveError(`archive entry ${shown(entry.name)} is encrypted; pack the bundle without a password`)
  }
  if (bytes.u32(entry.localOffset) !== LOCAL_SIGNATURE) throw corrupt(`the local header of entry ${shown(entry.name)} is missing`)
  const dataStart = entry.localOffset + LOCAL_SIZE + bytes.u16(entry.localOffset + 26) + bytes.u16(entry.localOffset + 28)
  const compressed = bytes.slice(dataStart, entry.compressedSize)
  const content = decompress(compressed, entry)
  if (content.length !== entry.size) throw corrupt(`entry ${shown(entry.name)} is not the size its header says`)
  if (crc32(content) !== entry.crc) throw corrupt(`entry ${shown(entry.name)} fails its CRC-32 check`)
  return content
}

function decompress(compressed: Buffer, entry: CentralEntry): Buffer {
  switch (entry.method) {
    case 0:
      return compressed
    case 8:
      return inflate(compressed, entry)
    default:
      throw new ArchiveError(
        `archive entry ${shown(entry.name)} uses compression method ${entry.method} (${methodName(entry.method)}), which rsaudit cannot read; pack the bundle with deflate, the zip default`,
      )
  }
}

function inflate(compressed: Buffer, entry: CentralEntry): Buffer {
  try {
    // One byte over the declared size is enough to see a lie, and stops a bomb there.
    return inflateRawSync(compressed, {maxOutputLength: entry.size + 1})
  } catch (error) {
    const code = (error as {code?: unknown}).code
    if (code === 'ERR_BUFFER_TOO_LARGE') throw corrupt(`entry ${shown(entry.name)} inflates past the size its header says`)
    if (code === 'Z_BUF_ERROR') throw corrupt(`entry ${shown(entry.name)} ends in the middle of its deflate stream`)
    throw corrupt(`entry ${shown(entry.name)} has damaged deflate data`)
  }
}

/** The methods other tools pick, named so the user knows what to change. */
function methodName(method: number): string {
  const names: Record<number, string> = {9: 'deflate64', 12: 'bzip2', 14: 'LZMA', 93: 'Zstandard', 95: 'xz', 98: 'PPMd', 99: 'AES encryption'}
  return names[method] ?? 'unknown'
}
