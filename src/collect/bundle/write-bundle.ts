/**
 * Writes a bundle as a directory or a .tar.gz, atomically: everything goes under a temporary
 * name beside the target and is renamed into place only when complete, and an existing path
 * is replaced only when the user said --force.
 */
import {randomBytes} from 'node:crypto'
import {mkdir, rename, rm, stat, writeFile} from 'node:fs/promises'
import {basename, dirname, join} from 'node:path'

import {UserError} from '../../errors.js'
import {writeTarGz} from '../archive/tar-write.js'
import type {BundleEntry} from './build-bundle.js'

function isArchiveName(path: string): boolean {
  return /\.(tar\.gz|tgz)$/i.test(path)
}

export async function writeBundle(out: string, entries: readonly BundleEntry[], options: {force: boolean; now: Date}): Promise<void> {
  const exists = await stat(out).then(() => true, () => false)
  if (exists && !options.force) throw new UserError(`${out} already exists; choose another --out or add --force to replace it`)
  const temporary = join(dirname(out), `.${basename(out)}.partial-${process.pid}-${randomBytes(4).toString('hex')}`)
  try {
    if (isArchiveName(out)) {
      await writeFile(temporary, writeTarGz([...entries], {mtime: options.now}), {mode: 0o600})
    } else {
      for (const entry of entries) {
        const target = join(temporary, entry.path)
        await mkdir(dirname(target), {recursive: true, mode: 0o700})
        await writeFile(target, entry.content, {mode: 0o600})
      }
    }

    if (exists) await rm(out, {recursive: true, force: true})
    await rename(temporary, out)
  } catch (error) {
    await rm(temporary, {recursive: true, force: true})
    if (error instanceof UserError) throw error
    throw new UserError(`cannot write ${out}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`)
  }
}
