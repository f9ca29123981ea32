/**
 * Reading boot-time files through a RawSource for the Unix persistence facts: a file or folder
 * that does not exist is simply absent, but one that could not be read (permission denied, not
 * in the bundle) makes the whole fact unavailable, since a VIP configured there would be missed.
 */
import type {FileCapture, RawSource} from '../../collect/raw-source.js'
import type {FactUnavailable} from '../model.js'

export class Unreadable extends Error {
  constructor(readonly fact: FactUnavailable) {
    super(fact.detail)
  }
}

function unreadable(path: string, failure: NonNullable<FileCapture['failure']>): Unreadable {
  return new Unreadable({status: 'unavailable', reason: failure.reason === 'missing' ? 'not-collected' : failure.reason, detail: failure.detail, source: path})
}

/** The file's text, or undefined when it does not exist. @throws {Unreadable} */
export async function readIfPresent(source: RawSource, path: string): Promise<string | undefined> {
  const file = await source.readFile(path)
  if (file.content !== undefined) return file.content
  if (file.failure && file.failure.reason !== 'missing') throw unreadable(path, file.failure)
  return undefined
}

/** Entry names of a directory, empty when it does not exist. @throws {Unreadable} */
export async function listIfPresent(source: RawSource, directory: string): Promise<string[]> {
  const listing = await source.listDir(directory)
  if (listing.entries) return listing.entries
  if (listing.failure && listing.failure.reason !== 'missing') throw unreadable(directory, listing.failure)
  return []
}

/** The first line of `text` that contains `needle` (1-based), for evidence; 1 when none does. */
export function lineOf(text: string, needle: string): number {
  const index = text.split('\n').findIndex((line) => line.includes(needle))
  return index < 0 ? 1 : index + 1
}
