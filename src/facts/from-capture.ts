/**
 * Turns raw captures into facts: a parser's result when the capture is usable, otherwise an
 * `unavailable` fact carrying the collector's reason (never an empty value that looks fine).
 */
import type {CommandCapture, FileCapture} from '../collect/raw-source.js'
import {ParseError} from '../parse/parse-error.js'
import type {Fact, FactUnavailable} from './model.js'

export function commandLine(capture: CommandCapture): string {
  return capture.spec.argv.join(' ')
}

export function factFromCommand<T>(capture: CommandCapture, parse: (text: string) => T): Fact<T> {
  const source = commandLine(capture)
  if (capture.failure) return {status: 'unavailable', reason: capture.failure.reason, detail: capture.failure.detail, source}
  return parsed(source, () => parse(capture.stdout))
}

export function factFromFile<T>(capture: FileCapture, parse: (text: string) => T): Fact<T> {
  if (capture.content === undefined) return unavailableFile(capture)
  return parsed(capture.path, () => parse(capture.content ?? ''))
}

export function unavailableFile(capture: {path: string; failure?: FileCapture['failure']}): FactUnavailable {
  const failure = capture.failure ?? {reason: 'not-collected' as const, detail: `${capture.path} was not collected`}
  const reason = failure.reason === 'missing' ? 'not-collected' : failure.reason
  return {status: 'unavailable', reason, detail: failure.detail, source: capture.path}
}

/** Runs a parser; a ParseError becomes an unavailable fact, anything else is a bug and propagates. */
export function parsed<T>(source: string, parse: () => T): Fact<T> {
  try {
    return {status: 'ok', value: parse(), source}
  } catch (error) {
    if (error instanceof ParseError) return {status: 'unavailable', reason: 'parse-error', detail: error.message, source}
    throw error
  }
}

/** The first usable fact from alternatives tried in order (e.g. `ip -j` then plain `ip`). */
export async function firstAvailable<T>(attempts: Array<() => Promise<Fact<T>>>): Promise<Fact<T>> {
  let last: Fact<T> | undefined
  for (const attempt of attempts) {
    last = await attempt()
    if (last.status === 'ok') return last
  }

  if (last === undefined) throw new Error('firstAvailable needs at least one attempt')
  return last
}
