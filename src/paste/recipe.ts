/**
 * How one fact is read from the pasted sections that carry it, for Linux (paste-facts.ts) and
 * Windows (windows-facts.ts) alike: which kinds give it, in order of preference, how each is
 * parsed, how several sections add up, and which command to ask for when none was pasted.
 *
 * Each section goes through the same parser a live run or a bundle uses, so a paste and a
 * bundle of one host agree. A ParseError makes the fact `parse-error` with the pasted line
 * numbers; the rest of the paste is still used.
 */
import type {Fact, FactUnavailable} from '../facts/model.js'
import {ParseError} from '../parse/parse-error.js'
import {type PasteKind, ruleFor} from './kinds.js'
import type {PasteSection} from './split.js'

export interface Recipe<T> {
  /** Kinds in order of preference: the first group present is used, all its sections combined. */
  groups: PasteKind[][]
  /** Parsers by kind; `all` is every section of the paste, for outputs read together (netsh's table and one interface). */
  parse: Partial<Record<PasteKind, (section: PasteSection, all: readonly PasteSection[]) => T>>
  /** Several sections of a group (`ip route` and `ip -6 route`) make one value. */
  combine: (values: T[]) => T
  /** What to ask the customer for when the paste has none. */
  ask: string
  /** Kinds the parsers also read through `all` (netsh's interface table): named in the source when present. */
  alsoReads?: PasteKind[]
}

/**
 * The first preference group present in the paste, every section of it parsed and combined.
 * One section that fails to parse fails its group: a partial list of interfaces would make
 * a VIP look missing. The next group is tried then, like a live run falls back from ss.
 */
export function factFrom<T>(recipe: Recipe<T>, sections: readonly PasteSection[]): Fact<T> {
  let failure: FactUnavailable | undefined
  for (const group of recipe.groups) {
    const mine = sections.filter((s) => group.includes(s.kind))
    if (mine.length === 0) continue
    const facts = mine.map((section) => parseSection(section, (s) => parserOf(recipe, s)(s, sections)))
    const failed = facts.find((fact) => fact.status !== 'ok')
    if (failed?.status === 'unavailable') {
      failure ??= failed
      continue
    }

    const values = facts.flatMap((fact) => (fact.status === 'ok' ? [fact.value] : []))
    const read = sections.filter((s) => mine.includes(s) || recipe.alsoReads?.includes(s.kind))
    return {status: 'ok', value: recipe.combine(values), source: sourceOf(read)}
  }

  return failure ?? notPasted(recipe.ask)
}

function parserOf<T>(recipe: Recipe<T>, section: PasteSection): (section: PasteSection, all: readonly PasteSection[]) => T {
  const parse = recipe.parse[section.kind]
  if (!parse) throw new Error(`no parser for paste kind ${section.kind}`)
  return parse
}

/** What a paste without the output says: the command to ask the customer for. */
function notPasted(ask: string): FactUnavailable {
  return {status: 'unavailable', reason: 'not-collected', detail: `not in the pasted text (paste the output of ${ask})`, source: 'pasted text'}
}

/** Runs a section's parser; a ParseError becomes `parse-error` pointing at pasted lines, anything else is a bug. */
export function parseSection<T>(section: PasteSection, parse: (section: PasteSection) => T): Fact<T> {
  const source = sourceOf([section])
  try {
    return {status: 'ok', value: parse(section), source}
  } catch (error) {
    if (!(error instanceof ParseError)) throw error
    // The parser counts lines from the section's first line; the user counts them in the paste.
    const where = error.line === undefined ? `pasted lines ${section.startLine}-${section.endLine}` : `pasted line ${section.startLine + error.line - 1}`
    return {status: 'unavailable', reason: 'parse-error', detail: `${error.message.replace(/ on line \d+$/, '')} (${where})`, source}
  }
}

/** `pasted "ip a" (lines 12-40)`: the command as typed, or the usual one when no prompt named it. */
export function sourceOf(sections: readonly PasteSection[]): string {
  return sections.map((s) => `pasted "${s.command ?? ruleFor(s.kind).label}" (lines ${s.startLine}-${s.endLine})`).join('; ')
}

/**
 * Items of later sections that an earlier section already listed are dropped (`ip route` and
 * `ip route show table all` overlap); within one section nothing is, so one section's value
 * is exactly its parser's result (two equal rows may be two SO_REUSEPORT sockets).
 */
export function appendNew<T extends object>(lists: T[][]): T[] {
  const key = (item: T) => JSON.stringify(item, Object.keys(item).sort())
  const result: T[] = []
  const seen = new Set<string>()
  for (const list of lists) {
    result.push(...list.filter((item) => !seen.has(key(item))))
    for (const item of list) seen.add(key(item))
  }

  return result
}

/** For one-object facts (the OS, the firewall state): the output pasted last is the state now. */
export function lastOf<T>(values: T[]): T {
  const last = values.at(-1)
  if (last === undefined) throw new Error('a recipe combined no values')
  return last
}
