/**
 * Opens a bundle directory or archive and checks it before anything is audited: a known
 * format version, a manifest that matches schemas/bundle.schema.json, every file it names
 * present, no links, nothing outside the bundle, nothing binary where text belongs. Every
 * problem becomes one UserError line (exit 2); the user's files are only read.
 */
import {lstat, readdir, readFile} from 'node:fs/promises'
import {join, relative, sep} from 'node:path'

import {UserError} from '../../errors.js'
import {ArchiveError} from '../archive/types.js'
import {readArchive, stripCommonRoot} from '../archive/read-archive.js'
import {decodeText} from '../decode-text.js'
import {BundleSource} from './bundle-source.js'
import {BUNDLE_FORMAT, BUNDLE_FORMAT_VERSION, type BundleManifest} from './manifest.js'
import {validateManifest} from './validate-manifest.js'

const MAX_FILES = 100_000
const MAX_BYTES = 512 * 1024 * 1024

export async function openBundle(path: string): Promise<BundleSource> {
  const contents = (await isDirectory(path)) ? await readBundleDirectory(path) : await readBundleArchive(path)
  const manifest = parseManifest(path, contents)
  checkReferences(path, manifest, contents)
  return new BundleSource(path, manifest, contents)
}

async function isDirectory(path: string): Promise<boolean> {
  try {
    return (await lstat(path)).isDirectory()
  } catch (error) {
    throw new UserError(`${path}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file or directory' : `cannot be read (${(error as NodeJS.ErrnoException).code})`}`)
  }
}

async function readBundleDirectory(root: string): Promise<Map<string, Buffer>> {
  const contents = new Map<string, Buffer>()
  let bytes = 0
  const walk = async (directory: string): Promise<void> => {
    for (const name of await readdir(directory)) {
      const full = join(directory, name)
      const info = await lstat(full)
      const inside = relative(root, full).split(sep).join('/')
      if (info.isSymbolicLink()) throw new UserError(`${root}: ${inside} is a link; bundles may not contain links`)
      if (info.isDirectory()) {
        await walk(full)
        continue
      }

      bytes += info.size
      if (contents.size >= MAX_FILES || bytes > MAX_BYTES) throw new UserError(`${root}: more than ${MAX_FILES} files or ${MAX_BYTES / 1024 / 1024} MiB; not a bundle`)
      contents.set(inside, await readFile(full))
    }
  }

  await walk(root)
  return contents
}

async function readBundleArchive(path: string): Promise<Map<string, Buffer>> {
  try {
    const entries = stripCommonRoot(readArchive(await readFile(path), path))
    return new Map(entries.map((entry) => [entry.path, entry.content]))
  } catch (error) {
    if (error instanceof ArchiveError) throw new UserError(`${path}: ${error.message}`)
    throw error
  }
}

function parseManifest(origin: string, contents: ReadonlyMap<string, Buffer>): BundleManifest {
  const bytes = contents.get('bundle.json')
  if (bytes === undefined) throw new UserError(`${origin}: not a bundle (no bundle.json)`)
  let document: unknown
  try {
    document = JSON.parse(decodeText(bytes))
  } catch (error) {
    throw new UserError(`${origin}: bundle.json is not valid JSON (${(error as Error).message}); the bundle may be truncated`)
  }

  const header = document as {format?: unknown; formatVersion?: unknown}
  if (header?.format !== BUNDLE_FORMAT) throw new UserError(`${origin}: bundle.json is not an rsaudit bundle (format ${JSON.stringify(header?.format)})`)
  if (header.formatVersion !== BUNDLE_FORMAT_VERSION) {
    throw new UserError(`${origin}: bundle format version ${JSON.stringify(header.formatVersion)} is not supported (this rsaudit reads version ${BUNDLE_FORMAT_VERSION})`)
  }

  const problems = validateManifest(document)
  if (problems.length > 0) throw new UserError(`${origin}: bundle.json does not match the bundle format: ${problems.join('; ')}`)
  return document as BundleManifest
}

/** Every file the manifest names must be there, and text outputs must be text. */
function checkReferences(origin: string, manifest: BundleManifest, contents: ReadonlyMap<string, Buffer>): void {
  const named = [
    ...manifest.commands.flatMap((c) => [c.stdout, c.stderr].map((name) => ({name, encoding: c.encoding}))),
    ...manifest.files.map((f) => ({name: f.copy, encoding: f.encoding})),
  ]
  for (const {name, encoding} of named) {
    if (name === undefined) continue
    const bytes = contents.get(name)
    if (bytes === undefined) throw new UserError(`${origin}: ${name} is named in bundle.json but missing; the bundle is incomplete`)
    if (decodeText(bytes, encoding ?? manifest.encoding).includes('\u0000')) throw new UserError(`${origin}: ${name} is binary, not captured text`)
  }
}
