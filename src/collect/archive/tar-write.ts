/**
 * Writes a bundle as a .tar.gz that GNU tar, bsdtar (and so Windows' tar.exe) and readTar
 * all read: ustar headers, the folders each file needs written before it, a pax `path`
 * record for the rare name too long for ustar, and gzip on top.
 *
 * Entry times are the caller's `mtime` (the collection time), not zero: extracted files
 * then show when they were collected, which is what a person unpacking a bundle expects.
 * Names are checked like readTar checks them, so whatever this writes reads back.
 */
import {gzipSync} from 'node:zlib'

import {ArchiveError, normalizeEntryPath, shown} from './types.js'

const BLOCK = 512
const FILE_MODE = 0o644
const FOLDER_MODE = 0o755

export interface TarInput {
  path: string
  content: Buffer
  /** Permission bits; files default to 0o644. */
  mode?: number
}

export interface TarWriteOptions {
  /** The time every entry carries, usually the collection time. */
  mtime: Date
}

/** One member as written: a folder has no content. */
interface Member {
  path: string
  mode: number
  content?: Buffer
}

export function writeTarGz(entries: readonly TarInput[], options: TarWriteOptions): Buffer {
  const mtime = Math.floor(options.mtime.getTime() / 1000)
  if (!Number.isSafeInteger(mtime) || mtime < 0) throw new RangeError('writeTarGz: mtime must be a valid date after 1970')
  const blocks = withFolders(entries).flatMap((member) => memberBlocks(member, mtime))
  // Two zero blocks mark the end of the archive.
  return gzipSync(Buffer.concat([...blocks, Buffer.alloc(2 * BLOCK)]))
}

/** The files in the caller's order, each preceded by the folders it needs and that are not yet written. */
function withFolders(entries: readonly TarInput[]): Member[] {
  const members: Member[] = []
  const folders = new Set<string>()
  const files = new Set<string>()
  for (const entry of entries) {
    const path = normalizeEntryPath(entry.path)
    if (path === '') throw new ArchiveError(`cannot write archive entry ${shown(entry.path)}: it has no file name`)
    if (files.has(path) || folders.has(path)) throw new ArchiveError(`cannot write archive entry ${shown(path)} twice`)
    files.add(path)
    const parts = path.split('/')
    for (let depth = 1; depth < parts.length; depth++) {
      const folder = parts.slice(0, depth).join('/')
      if (files.has(folder)) throw new ArchiveError(`cannot write archive entry ${shown(folder)} as both a file and a folder`)
      if (!folders.has(folder)) members.push({path: folder, mode: FOLDER_MODE})
      folders.add(folder)
    }
    members.push({path, mode: entry.mode ?? FILE_MODE, content: entry.content})
  }
  return members
}

/** A member's header (after a pax header when its name needs one), then its content padded to whole blocks. */
function memberBlocks(member: Member, mtime: number): Buffer[] {
  const name = member.content ? member.path : `${member.path}/`
  const split = splitName(name)
  const blocks: Buffer[] = []
  if (!split) {
    const pax = paxRecord('path', name)
    blocks.push(header({name: 'PaxHeader', prefix: '', mode: FILE_MODE, size: pax.length, mtime, type: 'x'}), padded(pax))
  }
  const content = member.content ?? Buffer.alloc(0)
  // With a pax path, the ustar name is only what old readers show; the header write cuts it at 100 bytes.
  const {prefix, base} = split ?? {prefix: '', base: name}
  blocks.push(header({name: base, prefix, mode: member.mode, size: content.length, mtime, type: member.content ? '0' : '5'}))
  if (content.length > 0) blocks.push(padded(content))
  return blocks
}

/** ustar holds names up to 100 bytes, or up to 256 split at a slash into a 155-byte prefix and the rest. */
function splitName(name: string): {prefix: string; base: string} | undefined {
  if (Buffer.byteLength(name) <= 100) return {prefix: '', base: name}
  // The folder mark on the end cannot be where the name is split.
  for (let slash = name.lastIndexOf('/', name.length - 2); slash > 0; slash = name.lastIndexOf('/', slash - 1)) {
    const prefix = name.slice(0, slash)
    const base = name.slice(slash + 1)
    if (Buffer.byteLength(prefix) <= 155 && Buffer.byteLength(base) <= 100) return {prefix, base}
  }
  return undefined
}

/** `<length> <key>=<value>\n`, where the length counts its own digits. */
function paxRecord(key: string, value: string): Buffer {
  const body = ` ${key}=${value}\n`
  const bodyLength = Buffer.byteLength(body)
  let length = bodyLength + 1
  while (String(length).length + bodyLength !== length) length = String(length).length + bodyLength
  return Buffer.from(`${length}${body}`)
}

interface HeaderFields {
  name: string
  prefix: string
  mode: number
  size: number
  mtime: number
  type: string
}

function header(fields: HeaderFields): Buffer {
  const block = Buffer.alloc(BLOCK)
  block.write(fields.name, 0, 100)
  writeOctal(block, 100, 8, fields.mode & 0o7777)
  writeOctal(block, 108, 8, 0)
  writeOctal(block, 116, 8, 0)
  writeOctal(block, 124, 12, fields.size)
  writeOctal(block, 136, 12, fields.mtime)
  block.write(fields.type, 156, 1, 'latin1')
  block.write('ustar\x0000', 257, 8, 'latin1')
  block.write('root', 265, 32)
  block.write('root', 297, 32)
  block.write(fields.prefix, 345, 155)
  // The checksum is summed with its own field read as spaces, then stored as six digits, NUL, space.
  block.fill(0x20, 148, 156)
  let sum = 0
  for (const byte of block) sum += byte
  block.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148, 8, 'latin1')
  return block
}

/** A zero-padded octal number filling all but the field's last byte, which stays NUL. */
function writeOctal(block: Buffer, at: number, width: number, value: number): void {
  block.write(value.toString(8).padStart(width - 1, '0'), at, width - 1, 'latin1')
}

function padded(content: Buffer): Buffer {
  const padding = (BLOCK - (content.length % BLOCK)) % BLOCK
  return padding === 0 ? content : Buffer.concat([content, Buffer.alloc(padding)])
}
