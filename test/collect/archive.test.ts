/**
 * Bundles arrive as .tar.gz or .zip from other machines, so the readers are tested on
 * archives real tools write (GNU tar in its three formats, Info-ZIP, Python's zipfile with
 * CP437 names and ZIP64) and on hostile ones: names that escape, links, devices, duplicate
 * names, damaged and cut files, bombs. A hostile archive must give an ArchiveError with a
 * message the user can act on, never a RangeError or a TypeError.
 */
import {execFileSync} from 'node:child_process'
import {randomBytes} from 'node:crypto'
import {readFileSync} from 'node:fs'
import {chmod, link, mkdir, mkdtemp, readFile, rm, symlink, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import {dirname, join} from 'node:path'
import * as zlib from 'node:zlib'
import {gunzipSync, gzipSync} from 'node:zlib'

import {afterEach, beforeEach, describe, expect, it} from 'vitest'

import {crc32} from '../../src/collect/archive/crc32.js'
import {readArchive, stripCommonRoot} from '../../src/collect/archive/read-archive.js'
import {readTar} from '../../src/collect/archive/tar-read.js'
import {writeTarGz} from '../../src/collect/archive/tar-write.js'
import {ArchiveError, type ArchiveEntry} from '../../src/collect/archive/types.js'
import {readZip} from '../../src/collect/archive/zip-read.js'

let dir = ''

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'rsaudit-archive-'))
})

afterEach(async () => {
  await rm(dir, {recursive: true, force: true})
})

const MTIME = new Date('2026-11-26T03:00:00Z')

/** Runs a shell command in the temp dir (tar and zip are used as a person would). */
function sh(command: string): void {
  execFileSync('bash', ['-c', command], {cwd: dir, stdio: ['ignore', 'ignore', 'pipe']})
}

/** Runs Python in the temp dir, for zip and tar entries the command-line tools will not write. */
function py(script: string): void {
  execFileSync('python3', ['-c', script], {cwd: dir, stdio: ['ignore', 'ignore', 'pipe']})
}

async function put(files: Record<string, string>, root = 'bundle'): Promise<void> {
  for (const [path, content] of Object.entries(files)) {
    await mkdir(dirname(join(dir, root, path)), {recursive: true})
    await writeFile(join(dir, root, path), content)
  }
}

/** Entries as plain data, sorted, with text content: easy to compare. */
function plain(entries: ArchiveEntry[]): Array<{path: string; text: string; mode?: number}> {
  return entries
    .map((entry) => ({path: entry.path, text: entry.content.toString('utf8'), ...(entry.mode === undefined ? {} : {mode: entry.mode})}))
    .sort((a, b) => a.path.localeCompare(b.path))
}

/** The error `run` throws, which must be an ArchiveError. */
function archiveError(run: () => unknown): ArchiveError {
  try {
    run()
  } catch (error) {
    if (error instanceof ArchiveError) return error
    throw new Error(`expected an ArchiveError, got ${String(error)}`)
  }
  throw new Error('expected an ArchiveError, but nothing was thrown')
}

const BUNDLE = {
  'bundle.json': '{"format":"rsaudit-bundle","formatVersion":1}\n',
  'commands/ip-addr-json.out': '[{"ifname":"lo"}]\n',
  'files/etc/sysctl.d/99-sysctl.conf': 'net.ipv4.conf.all.arp_ignore = 1\n',
  'files/etc/rc.local': '#!/bin/sh\nip addr add 198.51.100.10/32 dev lo\n',
}

describe('crc32', () => {
  it('gives the standard check value and matches zlib where Node has it', () => {
    expect(crc32(Buffer.from('123456789'))).toBe(0xcbf43926)
    expect(crc32(Buffer.alloc(0))).toBe(0)
    // zlib.crc32 arrived in Node 20.15; the engines field allows older 20s, hence crc32.ts.
    const zlibCrc = (zlib as {crc32?: (data: Buffer) => number}).crc32
    const sample = randomBytes(4096)
    if (zlibCrc) expect(crc32(sample)).toBe(zlibCrc(sample))
  })
})

describe('writeTarGz then readArchive', () => {
  const longFolder = `files/${'d'.repeat(90)}/${'e'.repeat(40)}`
  const entries = [
    {path: 'bundle.json', content: Buffer.from('{}\n')},
    {path: 'files/etc/rc.local', content: Buffer.from('#!/bin/sh\n'), mode: 0o755},
    {path: 'files/etc/empty', content: Buffer.alloc(0), mode: 0o600},
    {path: 'commands/binary.out', content: randomBytes(1500)},
    {path: `${longFolder}/split-by-ustar-prefix.conf`, content: Buffer.from('a=1\n')},
    {path: `files/${'x'.repeat(200)}/${'y'.repeat(120)}.conf`, content: Buffer.from('needs a pax path\n')},
    {path: 'files/C/Windows/Système32/applicationHost.config', content: Buffer.from('<configuration/>\r\n')},
  ]

  it('gives back the same paths, contents and modes', () => {
    const read = readArchive(writeTarGz(entries, {mtime: MTIME}), 'bundle.tar.gz')
    expect(read).toEqual(entries.map((entry) => ({...entry, mode: entry.mode ?? 0o644})))
  })

  it('writes an archive GNU tar lists and extracts, with the given time and implied folders', async () => {
    await writeFile(join(dir, 'out.tgz'), writeTarGz(entries, {mtime: MTIME}))
    const listing = execFileSync('tar', ['-tvzf', 'out.tgz', '--full-time', '--utc'], {cwd: dir, encoding: 'utf8'})
    expect(listing).toContain('2026-11-26 03:00:00 files/etc/rc.local')
    expect(listing).toMatch(/^drwxr-xr-x .* files\/etc\/$/m)
    expect(listing).toMatch(/^-rwxr-xr-x .* files\/etc\/rc\.local$/m)
    await mkdir(join(dir, 'x'))
    sh('tar -xzf out.tgz -C x')
    for (const entry of entries) expect(await readFile(join(dir, 'x', entry.path))).toEqual(entry.content)
  })

  it('refuses to write names a reader would refuse', () => {
    const content = Buffer.from('x')
    expect(archiveError(() => writeTarGz([{path: '../x', content}], {mtime: MTIME})).message).toBe('archive entry ../x escapes the bundle')
    expect(archiveError(() => writeTarGz([{path: 'a', content}, {path: './a', content}], {mtime: MTIME})).message).toMatch(/twice/)
    expect(archiveError(() => writeTarGz([{path: 'a', content}, {path: 'a/b', content}], {mtime: MTIME})).message).toMatch(
      /both a file and a folder/,
    )
  })
})

describe('readArchive: .tar.gz from GNU tar', () => {
  it('reads the default GNU format, with ./ names, a long name (L record) and modes', async () => {
    const long = `files/etc/${'n'.repeat(120)}.conf`
    await put({...BUNDLE, [long]: 'long\n'})
    await chmod(join(dir, 'bundle/files/etc/rc.local'), 0o755)
    sh('tar --format=gnu -czf b.tgz -C bundle .')
    const entries = readNamed('b.tgz')
    expect(plain(entries).map((entry) => entry.path)).toEqual([...Object.keys(BUNDLE), long].sort((a, b) => a.localeCompare(b)))
    expect(entries.find((entry) => entry.path === 'files/etc/rc.local')?.mode).toBe(0o755)
    expect(entries.find((entry) => entry.path === long)?.content.toString()).toBe('long\n')
  })

  it('reads pax (--format=posix) names that are long or not ASCII', async () => {
    const names = {[`files/${'p'.repeat(150)}/${'q'.repeat(150)}`]: 'pax\n', 'files/C/Users/Grüße/Параметры.txt': 'utf8\n'}
    await put(names)
    sh('tar --format=posix -czf b.tgz -C bundle .')
    expect(plain(readNamed('b.tgz'))).toEqual(
      plain(Object.entries(names).map(([path, text]) => ({path, content: Buffer.from(text), mode: 0o644}))),
    )
  })

  it('reads ustar names split into prefix and name', async () => {
    // Over 100 bytes, and each folder short enough for GNU tar to split its name too.
    const path = `files/${'u'.repeat(90)}/${'v'.repeat(30)}/short.conf`
    await put({[path]: 'ustar\n'})
    sh('tar --format=ustar -czf b.tgz -C bundle .')
    expect((readNamed('b.tgz')).map((entry) => entry.path)).toEqual([path])
  })

  it('reads a bundle packed with its folder, which stripCommonRoot removes', async () => {
    await put(BUNDLE, 'rs1-bundle')
    sh('tar -czf b.tgz rs1-bundle')
    const entries = stripCommonRoot(readNamed('b.tgz'))
    expect(plain(entries).map(({path, text}) => [path, text])).toEqual(Object.entries(BUNDLE).sort(([a], [b]) => a.localeCompare(b)))
  })

  it('reads an empty archive as no entries', () => {
    expect(readArchive(writeTarGz([], {mtime: MTIME}), 'empty.tgz')).toEqual([])
  })
})

describe('readArchive: .zip', () => {
  it('reads Info-ZIP archives, deflated and stored, with Unix modes', async () => {
    await put(BUNDLE)
    await chmod(join(dir, 'bundle/files/etc/rc.local'), 0o755)
    // Written to a pipe, zip cannot seek back, so sizes and CRCs follow the data (flag bit 3).
    sh('cd bundle && zip -qr -9 ../deflated.zip . && zip -qr -0 ../stored.zip . && zip -qr - . > ../streamed.zip')
    for (const name of ['deflated.zip', 'stored.zip', 'streamed.zip']) {
      const entries = readNamed(name)
      expect(plain(entries).map(({path, text}) => [path, text])).toEqual(Object.entries(BUNDLE).sort(([a], [b]) => a.localeCompare(b)))
      expect(entries.find((entry) => entry.path === 'files/etc/rc.local')?.mode).toBe(0o755)
    }
  })

  it('reads ZIP64 end records (zip -fz)', async () => {
    await put(BUNDLE)
    sh('cd bundle && zip -qr -fz ../z64.zip .')
    const buffer = await readFile(join(dir, 'z64.zip'))
    expect(buffer.includes(Buffer.from([0x50, 0x4b, 0x06, 0x06]))).toBe(true)
    expect(plain(readArchive(buffer, 'z64.zip')).map((entry) => entry.path)).toEqual(Object.keys(BUNDLE).sort())
  })

  it('decodes CP437 names without the UTF-8 flag and UTF-8 names with it; drops folders', () => {
    py(`
import zipfile
with zipfile.ZipFile('names.zip', 'w') as z:
    z.writestr('files/', '')
    z.writestr('files/Grüße/Параметры.txt', 'utf8 flag', zipfile.ZIP_DEFLATED)
# Windows' built-in zip writes names in the OEM code page without the flag.
utf8_names = zipfile.ZipInfo._encodeFilenameFlags
zipfile.ZipInfo._encodeFilenameFlags = lambda self: (
    (self.filename.encode('cp437'), self.flag_bits) if 'caf' in self.filename else utf8_names(self))
with zipfile.ZipFile('names.zip', 'a') as z:
    z.writestr('files/café╔═╗.txt', 'cp437')
`)
    const entries = readNamed('names.zip')
    expect(entries.map(({path, content}) => [path, content.toString()])).toEqual([
      ['files/Grüße/Параметры.txt', 'utf8 flag'],
      ['files/café╔═╗.txt', 'cp437'],
    ])
  })

  it('reads backslash names (PowerShell 5 Compress-Archive) and an empty zip', () => {
    py(`
import zipfile
with zipfile.ZipFile('ps.zip', 'w', zipfile.ZIP_DEFLATED) as z:
    z.writestr('files\\\\C\\\\Windows\\\\win.ini', '[fonts]\\r\\n')
zipfile.ZipFile('empty.zip', 'w').close()
`)
    expect(readZip(bytes('ps.zip')).map((entry) => entry.path)).toEqual(['files/C/Windows/win.ini'])
    expect(readNamed('empty.zip')).toEqual([])
  })

  it('reads a zip with a stub before it (self-extracting) when its name ends in .zip', async () => {
    await put(BUNDLE)
    sh('cd bundle && zip -qr ../plain.zip . && cd .. && yes MZ-stub | head -c 3000 > sfx.zip && cat plain.zip >> sfx.zip && zip -qA sfx.zip')
    expect(readNamed('sfx.zip')).toHaveLength(4)
    expect(archiveError(() => readArchive(bytes('sfx.zip'), 'sfx.bin')).message).toBe('not a .tar.gz or .zip archive')
  })

  it('chooses by content, not by name', async () => {
    await put(BUNDLE)
    sh('tar -czf misnamed.zip -C bundle . && cd bundle && zip -qr ../misnamed.tgz .')
    expect(readNamed('misnamed.zip')).toHaveLength(4)
    expect(readNamed('misnamed.tgz')).toHaveLength(4)
  })
})

describe('hostile archives', () => {
  it('refuses tar entries that escape with ../', async () => {
    await put({'passwd': 'root:x:0:0\n'})
    sh(`tar -czPf evil.tgz --transform 's,^bundle/,../../etc/,' bundle/passwd`)
    expect(archiveError(() => readNamed('evil.tgz')).message).toBe(
      'archive entry ../../etc/passwd escapes the bundle',
    )
  })

  it('refuses absolute tar and zip names, and zip names with ..', async () => {
    await put({'passwd': 'x'})
    sh(`tar -czPf abs.tgz ${join(dir, 'bundle/passwd')}`)
    expect(archiveError(() => readNamed('abs.tgz')).message).toBe(
      `archive entry ${join(dir, 'bundle/passwd')} escapes the bundle`,
    )
    py(`
import zipfile
with zipfile.ZipFile('abs.zip', 'w') as z: z.writestr('/etc/passwd', 'x')
with zipfile.ZipFile('dots.zip', 'w') as z: z.writestr('files/../../etc/passwd', 'x')
with zipfile.ZipFile('drive.zip', 'w') as z: z.writestr('C:\\\\Windows\\\\win.ini', 'x')
`)
    expect(archiveError(() => readNamed('abs.zip')).message).toBe('archive entry /etc/passwd escapes the bundle')
    expect(archiveError(() => readNamed('dots.zip')).message).toBe('archive entry files/../../etc/passwd escapes the bundle')
    expect(archiveError(() => readNamed('drive.zip')).message).toMatch(/^archive entry C:.Windows.win\.ini escapes the bundle$/)
  })

  it('refuses symbolic and hard links in tar', async () => {
    await put({'files/etc/rc.local': 'x'})
    await symlink('rc.local', join(dir, 'bundle/files/etc/rc.symlink'))
    sh('tar -czf sym.tgz -C bundle .')
    expect(archiveError(() => readNamed('sym.tgz')).message).toBe(
      'archive entry ./files/etc/rc.symlink is a link; bundles may not contain links',
    )
    await rm(join(dir, 'bundle/files/etc/rc.symlink'))
    await link(join(dir, 'bundle/files/etc/rc.local'), join(dir, 'bundle/files/etc/rc.hard'))
    sh('tar -czf hard.tgz -C bundle ./files/etc/rc.local ./files/etc/rc.hard')
    expect(archiveError(() => readNamed('hard.tgz')).message).toBe(
      'archive entry ./files/etc/rc.hard is a link; bundles may not contain links',
    )
  })

  it('refuses symbolic links in zip (zip -y, and external attributes from Python)', async () => {
    await put({'rc.local': 'x'})
    await symlink('rc.local', join(dir, 'bundle/rc.symlink'))
    sh('cd bundle && zip -qy ../sym.zip rc.local rc.symlink')
    expect(archiveError(() => readNamed('sym.zip')).message).toBe('archive entry rc.symlink is a link; bundles may not contain links')
    py(`
import zipfile
info = zipfile.ZipInfo('files/etc/shadow')
info.create_system = 3
info.external_attr = 0o120777 << 16
with zipfile.ZipFile('pysym.zip', 'w') as z: z.writestr(info, '/etc/shadow')
`)
    expect(archiveError(() => readNamed('pysym.zip')).message).toBe(
      'archive entry files/etc/shadow is a link; bundles may not contain links',
    )
  })

  it('refuses devices, duplicate names and a name that is both file and folder', () => {
    py(`
import io, tarfile, zipfile, warnings
warnings.simplefilter('ignore')
def tar(name, members):
    with tarfile.open(name, 'w:gz') as t:
        for info, data in members:
            t.addfile(info, io.BytesIO(data) if data else None)
def file(name, data=b'x'):
    info = tarfile.TarInfo(name); info.size = len(data); return info, data
dev = tarfile.TarInfo('files/dev/sda'); dev.type = tarfile.BLKTYPE
tar('dev.tgz', [(dev, None)])
tar('dup.tgz', [file('bundle.json'), file('./bundle.json')])
tar('both.tgz', [file('files/etc'), file('files/etc/rc.local')])
with zipfile.ZipFile('dup.zip', 'w') as z:
    z.writestr('bundle.json', 'a'); z.writestr('bundle.json', 'b')
`)
    expect(archiveError(() => readNamed('dev.tgz')).message).toBe(
      'archive entry files/dev/sda is a device or pipe; bundles hold only files and folders',
    )
    expect(archiveError(() => readNamed('dup.tgz')).message).toBe('archive entry bundle.json appears twice; pack the bundle again')
    expect(archiveError(() => readNamed('dup.zip')).message).toBe('archive entry bundle.json appears twice; pack the bundle again')
    expect(archiveError(() => readNamed('both.tgz')).message).toBe('archive entry files/etc is both a file and a folder')
  })

  it('refuses random bytes, and random bytes behind gzip or zip magic', () => {
    for (let i = 0; i < 20; i++) {
      expect(archiveError(() => readArchive(randomBytes(4096), 'random.bin')).message).toMatch(/./)
      expect(archiveError(() => readArchive(Buffer.concat([Buffer.from([0x1f, 0x8b]), randomBytes(2000)]), 'r.tgz')).message).toMatch(
        /^archive is (corrupt|truncated)/,
      )
      expect(archiveError(() => readArchive(Buffer.concat([Buffer.from('PK\x03\x04'), randomBytes(2000)]), 'r.zip')).message).toMatch(
        /^archive is (corrupt|truncated)/,
      )
    }
    expect(archiveError(() => readArchive(Buffer.from('just some text\n'), 'notes.txt')).message).toBe('not a .tar.gz or .zip archive')
    expect(archiveError(() => readArchive(Buffer.alloc(0), 'b.tgz')).message).toBe('not a .tar.gz or .zip archive (the file is empty)')
    expect(archiveError(() => readArchive(gzipSync('hello'), 'b.tgz')).message).toBe(
      'not a .tar.gz or .zip archive (the gzip stream does not hold a tar archive)',
    )
  })

  it('names an uncompressed tar as such', async () => {
    await put(BUNDLE)
    sh('tar -cf b.tar -C bundle .')
    expect(archiveError(() => readNamed('b.tar')).message).toBe(
      'not a .tar.gz or .zip archive (it is an uncompressed tar: compress it with gzip)',
    )
  })

  it('refuses a gzip stream with a flipped byte', () => {
    const archive = writeTarGz([{path: 'bundle.json', content: Buffer.from('{"format":"rsaudit-bundle"}\n'.repeat(50))}], {mtime: MTIME})
    // The trailer's CRC-32 is what catches a change the deflate stream itself survives.
    const badCrc = Buffer.from(archive)
    badCrc[badCrc.length - 6] = (badCrc[badCrc.length - 6] ?? 0) ^ 0xff
    expect(archiveError(() => readArchive(badCrc, 'b.tgz')).message).toBe(
      'archive is corrupt: the gzip stream is damaged (incorrect data check); copy the bundle again',
    )
    for (let at = 10; at < archive.length - 8; at += 7) {
      const flipped = Buffer.from(archive)
      flipped[at] = (flipped[at] ?? 0) ^ 0x55
      expect(archiveError(() => readArchive(flipped, 'b.tgz')).message).toMatch(/^archive is (corrupt|truncated)/)
    }
  })

  it('refuses a zip entry whose CRC does not match', () => {
    py(`
import zipfile
with zipfile.ZipFile('crc.zip', 'w', zipfile.ZIP_STORED) as z: z.writestr('bundle.json', '{"format":"rsaudit-bundle"}')
`)
    const buffer = bytes('crc.zip')
    const at = buffer.indexOf('rsaudit-bundle')
    buffer[at] = 0x52 // r → R
    expect(archiveError(() => readArchive(buffer, 'crc.zip')).message).toBe('archive is corrupt: entry bundle.json fails its CRC-32 check')
  })

  it('refuses other compression methods and encryption with a hint', async () => {
    py(`
import zipfile
with zipfile.ZipFile('bz.zip', 'w', zipfile.ZIP_BZIP2) as z: z.writestr('bundle.json', '{}')
`)
    expect(archiveError(() => readNamed('bz.zip')).message).toBe(
      'archive entry bundle.json uses compression method 12 (bzip2), which rsaudit cannot read; pack the bundle with deflate, the zip default',
    )
    await put({'bundle.json': '{}'})
    sh('cd bundle && zip -q -P secret ../enc.zip bundle.json')
    expect(archiveError(() => readNamed('enc.zip')).message).toBe(
      'archive entry bundle.json is encrypted; pack the bundle without a password',
    )
  })

  it('refuses a declared size past 512 MiB before reading anything (tar and zip)', () => {
    const tar = gunzipSync(writeTarGz([{path: 'big', content: Buffer.from('small')}], {mtime: MTIME}))
    setTarSize(tar, 0, 600 * 1024 * 1024)
    expect(archiveError(() => readArchive(gzipSync(tar), 'big.tgz')).message).toBe('archive expands beyond 512 MiB; a bundle is far smaller')
    py(`
import zipfile
with zipfile.ZipFile('big.zip', 'w', zipfile.ZIP_DEFLATED) as z: z.writestr('big', 'small')
`)
    const zip = bytes('big.zip')
    zip.writeUInt32LE(600 * 1024 * 1024, centralHeader(zip) + 24)
    expect(archiveError(() => readArchive(zip, 'big.zip')).message).toBe('archive expands beyond 512 MiB; a bundle is far smaller')
  })

  it('stops inflating a zip entry at its declared size (a bomb that lies)', () => {
    py(`
import zipfile
with zipfile.ZipFile('bomb.zip', 'w', zipfile.ZIP_DEFLATED) as z: z.writestr('bundle.json', b'\\0' * (8 << 20))
`)
    const zip = bytes('bomb.zip')
    zip.writeUInt32LE(1000, centralHeader(zip) + 24)
    expect(archiveError(() => readArchive(zip, 'bomb.zip')).message).toBe(
      'archive is corrupt: entry bundle.json inflates past the size its header says',
    )
  })

  it('refuses a zip that claims more than 100,000 entries', () => {
    py(`
import zipfile
with zipfile.ZipFile('many.zip', 'w') as z: z.writestr('a', 'a')
`)
    const zip = bytes('many.zip')
    const eocd = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]))
    zip.writeUInt16LE(0xffff, eocd + 8)
    zip.writeUInt16LE(0xffff, eocd + 10)
    // 0xFFFF entries is legal but then needs ZIP64; without its record the count stands as 65,535.
    expect(archiveError(() => readArchive(zip, 'many.zip')).message).toMatch(/^archive is (corrupt|truncated)/)
    const withZip64 = fakeZip64Count(zip, eocd, 100_001)
    expect(archiveError(() => readArchive(withZip64, 'many.zip')).message).toBe(
      'archive has more than 100,000 entries; a bundle has far fewer',
    )
  })

  it('stops a gzip bomb at the size limit', () => {
    // Concatenated gzip members are one stream to gunzip: 80 × 8 MiB of zeros is 640 MiB.
    const member = gzipSync(Buffer.alloc(8 << 20))
    const bomb = Buffer.concat(Array.from({length: 80}, () => member))
    expect(archiveError(() => readArchive(bomb, 'bomb.tgz')).message).toBe('archive expands beyond 512 MiB; a bundle is far smaller')
  })

  it('refuses every truncation of a valid archive with an ArchiveError', async () => {
    await put({...BUNDLE, 'files/big.conf': 'x = y\n'.repeat(2000)})
    sh('tar -czf b.tgz -C bundle . && cd bundle && zip -qr ../b.zip .')
    const archives = {
      tgz: await readFile(join(dir, 'b.tgz')),
      zip: await readFile(join(dir, 'b.zip')),
      tar: gunzipSync(await readFile(join(dir, 'b.tgz'))),
    }
    for (const [kind, buffer] of Object.entries(archives)) {
      for (let length = 0; length < readableFrom(kind, buffer); length += 97) {
        const cut = buffer.subarray(0, length)
        const read = (): unknown => (kind === 'tar' ? readTar(cut) : readArchive(cut, `b.${kind}`))
        expect(archiveError(read).message, `${kind} cut at ${length}`).toMatch(/^(archive is|not a)/)
      }
    }
  })

  it('never throws anything but ArchiveError for a zip or tar with damaged bytes', async () => {
    await put(BUNDLE)
    sh('cd bundle && zip -qr ../b.zip . && tar -cf ../b.tar .')
    for (const name of ['b.zip', 'b.tar']) {
      const original = await readFile(join(dir, name))
      for (let at = 0; at < original.length; at += 13) {
        const damaged = Buffer.from(original)
        damaged[at] = (damaged[at] ?? 0) ^ 0xa5
        try {
          if (name === 'b.zip') readZip(damaged)
          else readTar(damaged)
        } catch (error) {
          expect(error, `${name} damaged at ${at}`).toBeInstanceOf(ArchiveError)
        }
      }
    }
  })
})

describe('stripCommonRoot', () => {
  const entry = (path: string): ArchiveEntry => ({path, content: Buffer.from(path)})

  it('removes one folder that holds every entry', () => {
    const entries = [entry('rs1/bundle.json'), entry('rs1/files/etc/rc.local')]
    expect(stripCommonRoot(entries).map((e) => e.path)).toEqual(['bundle.json', 'files/etc/rc.local'])
    expect(stripCommonRoot(entries)[1]?.content.toString()).toBe('rs1/files/etc/rc.local')
  })

  it('removes only the top folder when the common part is deeper', () => {
    expect(stripCommonRoot([entry('a/b/x'), entry('a/b/y')]).map((e) => e.path)).toEqual(['b/x', 'b/y'])
  })

  it('drops what macOS adds (__MACOSX/ in Finder zips, ._ files from its tar) before looking', () => {
    const fromMac = [entry('__MACOSX/rs1/._bundle.json'), entry('._rs1'), entry('rs1/bundle.json'), entry('rs1/files/x')]
    expect(stripCommonRoot(fromMac).map((e) => e.path)).toEqual(['bundle.json', 'files/x'])
  })

  it('leaves a bundle packed without its folder, or with two folders, as it is', () => {
    const unpacked = [entry('bundle.json'), entry('files/etc/rc.local')]
    expect(stripCommonRoot(unpacked)).toEqual(unpacked)
    const twoRoots = [entry('a/bundle.json'), entry('b/bundle.json')]
    expect(stripCommonRoot(twoRoots)).toEqual(twoRoots)
    expect(stripCommonRoot([])).toEqual([])
  })
})

/** A file from the temp dir, as a fresh buffer the test may change. */
function bytes(name: string): Buffer {
  return readFileSync(join(dir, name))
}

function readNamed(name: string): ArchiveEntry[] {
  return readArchive(bytes(name), name)
}


/**
 * The shortest cut that still reads: the whole file for gzip and zip (their trailers
 * cover everything), but a tar cut in its zero padding after the first end block has
 * lost nothing.
 */
function readableFrom(kind: string, buffer: Buffer): number {
  if (kind !== 'tar') return buffer.length
  const lastData = buffer.findLastIndex((byte) => byte !== 0)
  return Math.ceil((lastData + 1) / 512) * 512 + 1
}

/** Offset of the first central directory header. */
function centralHeader(zip: Buffer): number {
  return zip.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]))
}

/** Rewrites a tar header's size field (octal) and its checksum. */
function setTarSize(tar: Buffer, header: number, size: number): void {
  tar.write(`${size.toString(8).padStart(11, '0')}\0`, header + 124, 12, 'latin1')
  tar.fill(0x20, header + 148, header + 156)
  let sum = 0
  for (const byte of tar.subarray(header, header + 512)) sum += byte
  tar.write(`${sum.toString(8).padStart(6, '0')}\0 `, header + 148, 8, 'latin1')
}

/** Inserts a ZIP64 end record and locator before the end record, claiming `count` entries. */
function fakeZip64Count(zip: Buffer, eocd: number, count: number): Buffer {
  const record = Buffer.alloc(56)
  record.writeUInt32LE(0x06064b50, 0)
  record.writeBigUInt64LE(44n, 4)
  record.writeBigUInt64LE(BigInt(count), 24)
  record.writeBigUInt64LE(BigInt(count), 32)
  record.writeBigUInt64LE(BigInt(zip.readUInt32LE(eocd + 12)), 40)
  record.writeBigUInt64LE(BigInt(zip.readUInt32LE(eocd + 16)), 48)
  const locator = Buffer.alloc(20)
  locator.writeUInt32LE(0x07064b50, 0)
  locator.writeBigUInt64LE(BigInt(eocd), 8)
  locator.writeUInt32LE(1, 16)
  return Buffer.concat([zip.subarray(0, eocd), record, locator, zip.subarray(eocd)])
}
