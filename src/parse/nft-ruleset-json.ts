/**
 * Parses `nft -j list ruleset` (the JSON schema of libnftables-json(5), nftables 0.9 to 1.x) into
 * chains of ordered rules: base chains with their hook, type, priority and policy, the chains
 * they can jump to, and for each rule its conditions (nft-expressions.ts) and verdict.
 *
 * Statements that only count, log or set marks do not change the verdict. A verdict map
 * (`ip daddr vmap { 198.51.100.60 : jump vip60 }`) becomes one rule per element. Rules that
 * iptables-nft wrote through the xtables compatibility layer show their target only by name
 * (`{"xt": {"type": "target", "name": "REDIRECT"}}`, no --to-ports, no CT options); they are kept
 * with what nft tells, and the facts prefer iptables-save's view of those tables (netfilter.ts).
 * Only the ip, ip6 and inet families carry IP traffic through prerouting; arp, bridge and netdev
 * tables are left out.
 *
 * @example
 * parseNftRulesetJson('{"nftables": [{"metainfo": {"version": "1.0.6", "json_schema_version": 1}},' +
 *   ' {"chain": {"family": "ip", "table": "nat", "name": "prerouting", "type": "nat", "hook": "prerouting", "prio": -100, "policy": "accept"}},' +
 *   ' {"rule": {"family": "ip", "table": "nat", "chain": "prerouting", "expr": [{"match": {"op": "==",' +
 *   ' "left": {"payload": {"protocol": "ip", "field": "daddr"}}, "right": "198.51.100.10"}}, {"redirect": null}]}}]}')
 * // → {version: '1.0.6', chains: [{tool: 'nft', family: 'inet', nftFamily: 'ip', table: 'nat', name: 'prerouting',
 * //      base: {hook: 'prerouting', type: 'nat', priority: -100, policy: 'accept'},
 * //      rules: [{conditions: [{kind: 'daddr', family: 'inet', values: ['198.51.100.10/32'], negated: false}],
 * //               verdict: {kind: 'redirect'}, text: 'ip daddr 198.51.100.10 redirect'}]}]}
 */
import type {NfChain, NfCondition, NfRule, NfVerdict} from '../facts/netfilter-model.js'
import {concatAlternatives, isObject, type Json, MAX_ALTERNATIVES, matchCondition, renderExpression, renderMatch, type SetLookup} from './nft-expressions.js'
import {ParseError, parseJson} from './parse-error.js'

const FORMAT = 'nft -j list ruleset'

export interface NftRuleset {
  /** nft's own version, from `metainfo`. */
  version?: string
  chains: NfChain[]
}

const FAMILIES: Record<string, NfChain['family']> = {ip: 'inet', ip6: 'inet6', inet: 'any'}

/** Standard priority names nft accepts (and older JSON may carry), per nft(8). */
const PRIORITY_NAMES: Record<string, number> = {raw: -300, mangle: -150, dstnat: -100, filter: 0, security: 50, srcnat: 100}

/** Statements that neither match nor decide: the rule goes on to its next statement. */
const NEUTRAL = new Set(['counter', 'log', 'mangle', 'set', 'map', 'meter', 'ct helper', 'ct timeout', 'ct expectation', 'secmark', 'last', 'dup', 'flow', 'xt-watcher'])
/** Statements that end the chain walk with something other than redirect, accept or drop. */
const TERMINAL = new Set(['reject', 'dnat', 'snat', 'masquerade', 'tproxy', 'queue', 'fwd', 'synproxy'])

/** @throws {ParseError} for empty output, invalid JSON, or objects without the fields the schema requires. */
export function parseNftRulesetJson(text: string): NftRuleset {
  const objects = topLevel(text)
  const result: NftRuleset = {chains: []}
  const chains = new Map<string, NfChain>()
  const sets = new Map<string, unknown[]>()
  const maps = new Map<string, unknown[]>()
  const rules: Json[] = []

  for (const [position, object] of objects.entries()) {
    const fail = (what: string): never => {
      throw new ParseError(FORMAT, `object ${position}: ${what}`)
    }
    const [kind, body] = Object.entries(object)[0] ?? []
    if (!isObject(body)) fail(`expected {"table"|"chain"|"rule"|...: {...}}, found ${JSON.stringify(object).slice(0, 80)}`)
    const entry = body as Json
    if (kind === 'metainfo') {
      if (typeof entry.version === 'string') result.version = entry.version
      continue
    }

    if (kind !== 'chain' && kind !== 'rule' && kind !== 'set' && kind !== 'map') continue
    const family = str(entry.family) ?? fail(`${kind} without "family"`)
    const table = str(entry.table) ?? fail(`${kind} without "table"`)
    if (FAMILIES[family] === undefined) continue
    if (kind === 'set' || kind === 'map') {
      const name = str(entry.name) ?? fail(`${kind} without "name"`)
      ;(kind === 'set' ? sets : maps).set(key(family, table, name), Array.isArray(entry.elem) ? entry.elem : [])
    } else if (kind === 'chain') {
      const chain = toChain(entry, family, table, fail)
      chains.set(key(family, table, chain.name), chain)
      result.chains.push(chain)
    } else {
      rules.push(entry)
    }
  }

  for (const [position, entry] of rules.entries()) {
    const family = String(entry.family)
    const table = String(entry.table)
    const chainName = str(entry.chain)
    const chain = chainName === undefined ? undefined : chains.get(key(family, table, chainName))
    if (chain === undefined) throw new ParseError(FORMAT, `rule ${position} names chain ${JSON.stringify(chainName)}, which the ruleset does not list`)
    const lookup: SetLookup = (name) => sets.get(key(family, table, name))
    const mapLookup: SetLookup = (name) => maps.get(key(family, table, name))
    chain.rules.push(...toRules(entry, lookup, mapLookup, position))
  }

  return result
}

function topLevel(text: string): Json[] {
  const data = parseJson(text, FORMAT)
  if (!isObject(data) || !Array.isArray(data.nftables)) throw new ParseError(FORMAT, 'expected {"nftables": [...]}')
  const bad = data.nftables.findIndex((o) => !isObject(o))
  if (bad >= 0) throw new ParseError(FORMAT, `object ${bad} is not an object`)
  return data.nftables as Json[]
}

function key(family: string, table: string, name: string): string {
  return `${family}\u0000${table}\u0000${name}`
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined
}

function toChain(entry: Json, family: string, table: string, fail: (what: string) => never): NfChain {
  const name = str(entry.name) ?? fail('chain without "name"')
  const chain: NfChain = {tool: 'nft', family: FAMILIES[family] ?? 'any', nftFamily: family, table, name, rules: []}
  if (entry.hook === undefined) return chain
  const hook = str(entry.hook) ?? fail(`chain ${name}: bad "hook"`)
  const type = entry.type === 'nat' || entry.type === 'filter' || entry.type === 'route' ? entry.type : 'other'
  chain.base = {hook, type, priority: priority(entry.prio, name, fail), policy: entry.policy === 'drop' ? 'drop' : 'accept'}
  return chain
}

/** A number, or a standard name with an optional offset (`dstnat`, `raw - 5`). */
function priority(value: unknown, chain: string, fail: (what: string) => never): number {
  if (typeof value === 'number' && Number.isInteger(value)) return value
  const match = typeof value === 'string' ? /^([a-z]+)\s*(?:([+-])\s*(\d+))?$/.exec(value) : null
  const base = match?.[1] === undefined ? undefined : PRIORITY_NAMES[match[1]]
  if (match === null || base === undefined) return fail(`chain ${chain}: unknown priority ${JSON.stringify(value)}`)
  return base + (match[3] === undefined ? 0 : (match[2] === '-' ? -1 : 1) * Number(match[3]))
}

/**
 * One rule object → its NfRules: one, or one per element of a verdict map or of a concatenated
 * lookup (`ip daddr . tcp dport { a . 80, b . 443 }`), each holding that element's conditions.
 * Rules in a row with the same verdict behave as the one rule for the walk.
 */
function toRules(entry: Json, sets: SetLookup, maps: SetLookup, position: number): NfRule[] {
  if (!Array.isArray(entry.expr)) throw new ParseError(FORMAT, `rule ${position} has no "expr" list`)
  // Any one of these lists of conditions may hold (one list unless a lookup branched the rule).
  let alternatives: NfCondition[][] = [[]]
  const add = (conditions: NfCondition[]) => (alternatives = alternatives.map((list) => [...list, ...conditions]))
  const shown: string[] = []
  let verdict: NfVerdict = {kind: 'continue'}
  for (const statement of entry.expr) {
    const [name, body] = isObject(statement) ? (Object.entries(statement)[0] ?? []) : []
    if (name === undefined) throw new ParseError(FORMAT, `rule ${position}: statement ${JSON.stringify(statement)} is not an object`)
    if (name === 'match' && isObject(body)) {
      shown.push(renderMatch(body.left, body.op, body.right))
      const branches = concatAlternatives(body.left, body.op, body.right, sets)
      if (branches !== undefined && branches.length * alternatives.length <= MAX_ALTERNATIVES) {
        alternatives = alternatives.flatMap((list) => branches.map((branch) => [...list, ...branch]))
      } else {
        add([matchCondition(body.left, body.op, body.right, sets)])
      }

      continue
    }

    if (name === 'vmap' && isObject(body)) {
      const elements = typeof body.data === 'string' && body.data.startsWith('@') ? maps(body.data.slice(1)) : elementsOf(body.data)
      const text = [...shown, `${renderExpression(body.key)} vmap ${renderExpression(body.data)}`].join(' ')
      if (elements === undefined || elements.length * alternatives.length > MAX_ALTERNATIVES) {
        return alternatives.map((list) => ({conditions: [...list, {kind: 'other', text}], verdict: {kind: 'other', name: 'vmap'}, text}))
      }

      return alternatives.flatMap((list) => elements.map((element) => mapEntry(element, body.key, list, sets, text)))
    }

    const effect = statementEffect(name, body)
    shown.push(effect.text)
    if (effect.condition) add([effect.condition])
    if (effect.verdict) verdict = effect.verdict
  }

  const text = shown.join(' ')
  return alternatives.map((conditions) => ({conditions, verdict, text}))
}

function elementsOf(data: unknown): unknown[] | undefined {
  const [key, body] = isObject(data) ? (Object.entries(data)[0] ?? []) : []
  return key === 'set' && Array.isArray(body) ? body : undefined
}

/** One `[key, verdict]` element of a verdict map, as a rule of its own. */
function mapEntry(element: unknown, keyExpr: unknown, conditions: readonly NfCondition[], sets: SetLookup, text: string): NfRule {
  if (!Array.isArray(element) || element.length !== 2) return {conditions: [...conditions, {kind: 'other', text}], verdict: {kind: 'other', name: 'vmap'}, text}
  const [value, target] = element
  const [name, body] = isObject(target) ? (Object.entries(target)[0] ?? []) : []
  const verdict = name === undefined ? undefined : statementEffect(name, body).verdict
  return {conditions: [...conditions, matchCondition(keyExpr, '==', value, sets)], verdict: verdict ?? {kind: 'other', name: 'vmap'}, text}
}

interface Effect {
  condition?: NfCondition
  verdict?: NfVerdict
  text: string
}

function statementEffect(name: string, body: unknown): Effect {
  switch (name) {
    case 'accept':
    case 'drop':
    case 'return':
    case 'continue': {
      return {verdict: {kind: name}, text: name}
    }

    case 'jump':
    case 'goto': {
      const target = isObject(body) ? str(body.target) : undefined
      return target ? {verdict: {kind: name, chain: target}, text: `${name} ${target}`} : {condition: {kind: 'other', text: name}, text: name}
    }

    case 'redirect': {
      const port = isObject(body) ? body.port : undefined
      const low = typeof port === 'number' ? port : isObject(port) && Array.isArray(port.range) ? port.range[0] : undefined
      const high = typeof port === 'number' ? port : isObject(port) && Array.isArray(port.range) ? port.range[1] : undefined
      if (typeof low === 'number' && typeof high === 'number') return {verdict: {kind: 'redirect', toPorts: [low, high]}, text: `redirect to :${low === high ? low : `${low}-${high}`}`}
      return {verdict: {kind: 'redirect'}, text: 'redirect'}
    }

    case 'notrack': {
      return {verdict: {kind: 'notrack'}, text: 'notrack'}
    }

    case 'xt': {
      return xtEffect(body)
    }

    case 'limit':
    case 'quota':
    case 'ct count': {
      // They match only part of the traffic (a rate, a byte budget, a connection count).
      return {condition: {kind: 'other', text: `${name} ${JSON.stringify(body)}`}, text: name}
    }

    default: {
      if (NEUTRAL.has(name)) return {text: name}
      if (TERMINAL.has(name)) return {verdict: {kind: 'other', name, terminal: true}, text: name}
      return {condition: {kind: 'other', text: `${name} ${JSON.stringify(body)}`}, verdict: {kind: 'other', name}, text: name}
    }
  }
}

/**
 * iptables-nft's compatibility expressions: nft names the extension but not its options, and older
 * nft prints only `{"xt": null}`. A REDIRECT target still redirects (the ports are unknown); a CT
 * target may or may not be `--notrack`; a match tests something unknown.
 */
function xtEffect(body: unknown): Effect {
  const type = isObject(body) ? body.type : undefined
  const name = isObject(body) && typeof body.name === 'string' ? body.name : 'unknown'
  const text = `xt ${typeof type === 'string' ? type : ''} ${name}`.replace(/\s+/g, ' ').trim()
  if (type === 'match') return {condition: {kind: 'other', text}, text}
  if (type === 'watcher') return {text}
  if (name === 'REDIRECT') return {verdict: {kind: 'redirect'}, text}
  if (name === 'NOTRACK') return {verdict: {kind: 'notrack'}, text}
  return {verdict: {kind: 'other', name: text}, text}
}

/** A cheap guess for pasted text: JSON that opens with `{"nftables"`. */
export function looksLikeNftRulesetJson(text: string): boolean {
  return /^\s*\{\s*"nftables"\s*:/.test(text)
}
