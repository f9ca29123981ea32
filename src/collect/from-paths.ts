/**
 * What `audit --from PATH` was given: a bundle directory, a bundle archive, a directory of
 * bundles, or a text file of pasted command output. Only reads the user's files; anything
 * that is none of these is one clear line and exit 2.
 */
import {open, readdir, readFile, stat} from 'node:fs/promises'
import {join} from 'node:path'

import {UserError} from '../errors.js'
import type {BundleSource} from './bundle/bundle-source.js'
import {openBundle} from './bundle/open-bundle.js'
import {decodeText} from './decode-text.js'

export type FromInput = {kind: 'bundle'; path: string; source: BundleSource} | {kind: 'paste'; path: string; text: string}

const MAX_PASTE_BYTES = 16 * 1024 * 1024

export async function resolveFromPaths(paths: readonly string[]): Promise<FromInput[]> {
  const inputs: FromInput[] = []
  for (const path of paths) inputs.push(...(await resolveOne(path)))
  return inputs
}

async function resolveOne(path: string): Promise<FromInput[]> {
  const info = await stat(path).catch((error: NodeJS.ErrnoException) => {
    throw new UserError(`${path}: ${error.code === 'ENOENT' ? 'no such file or directory' : `cannot be read (${error.code})`}`)
  })
  if (info.isDirectory()) return resolveDirectory(path)
  if (await isArchive(path)) return [{kind: 'bundle', path, source: await openBundle(path)}]
  if (info.size > MAX_PASTE_BYTES) throw new UserError(`${path}: ${info.size} bytes is too large for pasted text and is not a bundle archive`)
  const text = decodeText(await readFile(path))
  if (text.includes('\u0000')) throw new UserError(`${path}: neither a bundle (.tar.gz, .zip or directory) nor pasted text`)
  return [{kind: 'paste', path, text}]
}

/** A bundle directory itself, or a directory whose entries are bundles. */
async function resolveDirectory(path: string): Promise<FromInput[]> {
  const names = (await readdir(path)).sort()
  if (names.includes('bundle.json')) return [{kind: 'bundle', path, source: await openBundle(path)}]
  const inputs: FromInput[] = []
  for (const name of names) {
    const child = join(path, name)
    const info = await stat(child)
    const isBundleDir = info.isDirectory() && (await stat(join(child, 'bundle.json')).then(() => true, () => false))
    if (isBundleDir || (info.isFile() && (await isArchive(child)))) inputs.push({kind: 'bundle', path: child, source: await openBundle(child)})
  }

  if (inputs.length === 0) throw new UserError(`${path}: no bundle.json here, and no bundle directories or archives inside`)
  return inputs
}

/** gzip (1f 8b) or zip (PK) magic: the name is not trusted, the bytes are. */
async function isArchive(path: string): Promise<boolean> {
  const handle = await open(path, 'r')
  try {
    const {buffer, bytesRead} = await handle.read(Buffer.alloc(4), 0, 4, 0)
    return bytesRead >= 2 && ((buffer[0] === 0x1f && buffer[1] === 0x8b) || (buffer[0] === 0x50 && buffer[1] === 0x4b))
  } finally {
    await handle.close()
  }
}
