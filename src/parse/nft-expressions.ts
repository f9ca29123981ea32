/**
 * The match expressions of `nft -j list ruleset` (libnftables-json(5), "EXPRESSIONS"): what a
 * `match` statement or a verdict-map key tests, turned into the conditions the REDIRECT checks
 * judge, and printed back in nft syntax for evidence.
 *
 * Only what decides whether VIP traffic is redirected or untracked is read: `ip daddr` /
 * `ip6 daddr`, `tcp dport` / `udp dport` / `th dport`, `meta l4proto`, `meta iifname`, `meta
 * nfproto`, `fib daddr type local` and TCP flags. Anything else becomes an `other` condition, so
 * a rule that tests it counts as uncertain instead of matching everything.
 */
import type {NfCondition} from '../facts/netfilter-model.js'
import {canonicalIp, parsePrefix} from './ip-address.js'

export type Json = Record<string, unknown>

/** Named sets of the ruleset (`@vips`), by `family table name`. */
export type SetLookup = (name: string) => unknown[] | undefined

export function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** The one key of a libnftables object such as `{"payload": {...}}`. */
function only(value: unknown): [string, unknown] | undefined {
  if (!isObject(value)) return undefined
  const keys = Object.keys(value)
  return keys.length === 1 && keys[0] !== undefined ? [keys[0], value[keys[0]]] : undefined
}

/** What the left side of a match names, in a form the condition builders understand. */
type Selector =
  | {kind: 'daddr'; family: 'inet' | 'inet6'}
  | {kind: 'dport'; protocol?: string}
  | {kind: 'protocol'}
  | {kind: 'iifname'}
  | {kind: 'nfproto'}
  | {kind: 'fib-daddr-type'}
  | {kind: 'tcp-flags'; mask?: string[]}

function selectorOf(left: unknown): Selector | undefined {
  const [key, body] = only(left) ?? []
  if (!isObject(body) && key !== '&') return undefined
  if (key === 'payload' && isObject(body)) {
    const {protocol, field} = body
    if (field === 'daddr' && (protocol === 'ip' || protocol === 'ip6')) return {kind: 'daddr', family: protocol === 'ip' ? 'inet' : 'inet6'}
    if (field === 'dport' && typeof protocol === 'string') return {kind: 'dport', ...(protocol === 'th' ? {} : {protocol})}
    if ((protocol === 'ip' && field === 'protocol') || (protocol === 'ip6' && field === 'nexthdr')) return {kind: 'protocol'}
    if (protocol === 'tcp' && field === 'flags') return {kind: 'tcp-flags'}
  }

  if (key === 'meta' && isObject(body)) {
    if (body.key === 'l4proto') return {kind: 'protocol'}
    if (body.key === 'iifname' || body.key === 'iif') return {kind: 'iifname'}
    if (body.key === 'nfproto') return {kind: 'nfproto'}
  }

  if (key === 'fib' && isObject(body) && body.result === 'type' && Array.isArray(body.flags) && body.flags.length === 1 && body.flags[0] === 'daddr') {
    return {kind: 'fib-daddr-type'}
  }

  // `tcp flags & (syn | ack) == syn` is a bitwise and of the flags with a mask.
  if (key === '&' && Array.isArray(body) && selectorOf(body[0])?.kind === 'tcp-flags') return {kind: 'tcp-flags', mask: words(body[1])}
  return undefined
}

/** Flag and keyword lists: `"syn"`, `["syn", "ack"]`, `{"|": ["syn", "ack"]}`. */
function words(value: unknown): string[] | undefined {
  if (typeof value === 'string') return [value]
  if (Array.isArray(value)) return value.every((v) => typeof v === 'string') ? (value as string[]) : undefined
  const [key, body] = only(value) ?? []
  return key === '|' && Array.isArray(body) ? body.flatMap((v) => words(v) ?? []) : undefined
}

/**
 * The values a match compares with, flattened: a literal, an anonymous set, a named set (`@vips`),
 * a prefix or a range. Undefined when they cannot be read.
 */
export function valuesOf(right: unknown, sets: SetLookup): unknown[] | undefined {
  if (typeof right === 'string' && right.startsWith('@')) {
    const elements = sets(right.slice(1))
    return elements === undefined ? undefined : elements.flatMap((e) => valuesOf(e, sets) ?? [undefined])
  }

  if (typeof right === 'string' || typeof right === 'number') return [right]
  const [key, body] = only(right) ?? []
  if (key === 'set' && Array.isArray(body)) return body.flatMap((e) => valuesOf(e, sets) ?? [undefined])
  if (key === 'set') return valuesOf(body, sets)
  if (key === 'elem' && isObject(body)) return valuesOf(body.val, sets)
  if (key === 'range' || key === 'prefix' || key === 'concat') return [right]
  return undefined
}

/** At most this many rules come out of one rule with concatenations or a verdict map. */
export const MAX_ALTERNATIVES = 256

/**
 * `ip daddr . tcp dport { 198.51.100.70 . 80, ... }`: one list of conditions per element (any of
 * them may match). Undefined when the match is not such a lookup or an element cannot be read.
 */
export function concatAlternatives(left: unknown, op: unknown, right: unknown, sets: SetLookup): NfCondition[][] | undefined {
  const [key, fields] = only(left) ?? []
  if (key !== 'concat' || !Array.isArray(fields) || op !== '==') return undefined
  const elements = valuesOf(right, sets)
  if (elements === undefined || elements.length > MAX_ALTERNATIVES) return undefined
  const alternatives: NfCondition[][] = []
  for (const element of elements) {
    const [elementKey, values] = only(element) ?? []
    if (elementKey !== 'concat' || !Array.isArray(values) || values.length !== fields.length) return undefined
    alternatives.push(fields.map((field, i) => matchCondition(field, '==', values[i], sets)))
  }

  return alternatives
}

function addressValue(value: unknown, family: 'inet' | 'inet6'): string | undefined {
  const matches = (text: string | undefined) => text !== undefined && (text.includes(':') ? 'inet6' : 'inet') === family
  if (typeof value === 'string') {
    const prefix = parsePrefix(value)
    return prefix && matches(prefix.address) ? `${prefix.address}/${prefix.prefixLength}` : undefined
  }

  const [key, body] = only(value) ?? []
  if (key === 'prefix' && isObject(body) && typeof body.addr === 'string' && typeof body.len === 'number') {
    const prefix = parsePrefix(`${body.addr}/${body.len}`)
    return prefix && matches(prefix.address) ? `${prefix.address}/${prefix.prefixLength}` : undefined
  }

  if (key === 'range' && Array.isArray(body) && typeof body[0] === 'string' && typeof body[1] === 'string') {
    const [from, to] = [canonicalIp(body[0]), canonicalIp(body[1])]
    return matches(from) && matches(to) ? `${from}-${to}` : undefined
  }

  return undefined
}

function portRange(value: unknown): [number, number] | undefined {
  const port = (v: unknown) => (typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= 65_535 ? v : undefined)
  const single = port(value)
  if (single !== undefined) return [single, single]
  const [key, body] = only(value) ?? []
  if (key !== 'range' || !Array.isArray(body)) return undefined
  const [low, high] = [port(body[0]), port(body[1])]
  return low === undefined || high === undefined ? undefined : [Math.min(low, high), Math.max(low, high)]
}

/** Every element read, or undefined when one cannot be (a service name, a concatenation). */
function all<T>(values: readonly unknown[], read: (value: unknown) => T | undefined): T[] | undefined {
  const out: T[] = []
  for (const value of values) {
    const item = read(value)
    if (item === undefined) return undefined
    out.push(item)
  }
  return out
}

/**
 * A `match` statement (or a verdict-map key equal to one element) as a condition. `op` is `==`,
 * `!=` or `in`; other comparisons (`<`, `>=`...) and unread shapes become `other`.
 */
export function matchCondition(left: unknown, op: unknown, right: unknown, sets: SetLookup): NfCondition {
  const other = {kind: 'other' as const, text: renderMatch(left, op, right)}
  const selector = selectorOf(left)
  const negated = op === '!='
  if (selector === undefined || (op !== '==' && op !== '!=' && op !== 'in')) return other
  if (selector.kind === 'tcp-flags') return tcpFlags(selector.mask, op, right, other)
  const values = valuesOf(right, sets)
  if (values === undefined) return other

  switch (selector.kind) {
    case 'daddr': {
      const addresses = all(values, (v) => addressValue(v, selector.family))
      return addresses ? {kind: 'daddr', family: selector.family, values: addresses, negated} : other
    }

    case 'dport': {
      const ranges = all(values, portRange)
      return ranges ? {kind: 'dport', ...(selector.protocol ? {protocol: selector.protocol} : {}), ranges, negated} : other
    }

    case 'protocol': {
      const protocols = all(values, (v) => (typeof v === 'string' ? v : typeof v === 'number' ? (v === 6 ? 'tcp' : v === 17 ? 'udp' : String(v)) : undefined))
      return protocols ? {kind: 'protocol', values: protocols, negated} : other
    }

    case 'iifname': {
      const names = all(values, (v) => (typeof v === 'string' ? v : undefined))
      return names ? {kind: 'iifname', values: names, negated} : other
    }

    case 'nfproto': {
      const [only_] = values
      if (values.length !== 1 || negated || (only_ !== 'ipv4' && only_ !== 'ipv6')) return other
      return {kind: 'family', family: only_ === 'ipv4' ? 'inet' : 'inet6'}
    }

    case 'fib-daddr-type': {
      return values.length === 1 && values[0] === 'local' ? {kind: 'local-daddr', negated} : other
    }
  }
}

/** TCP flags judged on a SYN-only first packet: `==` compares the masked flags, `in` tests any of them. */
function tcpFlags(mask: string[] | undefined, op: string, right: unknown, other: NfCondition & {kind: 'other'}): NfCondition {
  const wanted = words(right)
  if (wanted === undefined || (op === 'in' && mask !== undefined)) return other
  const present = mask === undefined || mask.includes('syn') ? ['syn'] : []
  const equal = present.length === wanted.length && present.every((flag) => wanted.includes(flag))
  const firstPacket = op === 'in' ? wanted.includes('syn') : equal !== (op === '!=')
  return {kind: 'tcp-flags', firstPacket, text: other.text}
}

// ---------------------------------------------------------------------------------------------
// Rendering, for evidence: close to what `nft list ruleset` prints
// ---------------------------------------------------------------------------------------------

export function renderExpression(value: unknown): string {
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return String(value)
  if (Array.isArray(value)) return value.map(renderExpression).join(',')
  const [key, body] = only(value) ?? []
  if (key === 'payload' && isObject(body) && typeof body.protocol === 'string') return `${body.protocol} ${String(body.field)}`
  // nft prints these meta keys without the `meta` prefix.
  if (key === 'meta' && isObject(body) && /^[io]if(?:name)?$/.test(String(body.key))) return String(body.key)
  if ((key === 'meta' || key === 'ct') && isObject(body)) return `${key} ${String(body.key)}`
  if (key === 'fib' && isObject(body)) return `fib ${Array.isArray(body.flags) ? body.flags.join(' . ') : ''} ${String(body.result)}`
  // A verdict map's elements are [key, verdict] pairs.
  if (key === 'set' && Array.isArray(body)) return `{ ${body.map((e) => (Array.isArray(e) && e.length === 2 ? `${renderExpression(e[0])} : ${renderVerdict(e[1])}` : renderExpression(e))).join(', ')} }`
  if (key === 'range' && Array.isArray(body)) return body.map(renderExpression).join('-')
  if (key === 'prefix' && isObject(body)) return `${String(body.addr)}/${String(body.len)}`
  if (key === 'elem' && isObject(body)) return renderExpression(body.val)
  if (key === 'concat' && Array.isArray(body)) return body.map(renderExpression).join(' . ')
  if (key === '&' && Array.isArray(body)) return `${renderExpression(body[0])} & (${renderExpression(body[1]).replaceAll(',', ' | ')})`
  if (key === '|' && Array.isArray(body)) return body.map(renderExpression).join(' | ')
  return JSON.stringify(value)
}

export function renderMatch(left: unknown, op: unknown, right: unknown): string {
  // A bitwise test reads better with its operator: `tcp flags & (syn | ack) == syn`.
  const shown = op === 'in' || (op === '==' && only(left)?.[0] !== '&') ? '' : ` ${String(op)}`
  return `${renderExpression(left)}${shown} ${renderExpression(right)}`
}

function renderVerdict(value: unknown): string {
  const [key, body] = only(value) ?? []
  if (key === undefined) return renderExpression(value)
  return isObject(body) && typeof body.target === 'string' ? `${key} ${body.target}` : key
}
