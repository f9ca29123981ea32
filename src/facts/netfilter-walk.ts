/**
 * Walks the first packet of a connection to VIP:port through one hook's chains, the way the
 * kernel does, and says whether it meets the target (a REDIRECT in the nat chains, a NOTRACK in
 * the raw ones).
 *
 * Base chains run in priority order; in one chain rules run in order, a jump enters another
 * chain and RETURN comes back, ACCEPT ends the chain (the next base chain still runs), DROP and
 * other terminal targets end the walk. A condition rsaudit cannot judge (a source address, a
 * mark) makes the rule "maybe": both ways are followed, and when they disagree the answer is
 * `maybe` with the rule that caused it, never a guess.
 */
import {addressToBigInt, prefixContains, sameAddress} from './cidr.js'
import type {AddressFamily} from './model.js'
import {findChain} from './netfilter.js'
import type {NetfilterPath, NfChain, NfCondition, NfRule} from './netfilter-model.js'

export interface Packet {
  family: AddressFamily
  daddr: string
  /** Undefined when any port will do: port conditions are then uncertain. */
  dport?: number
  protocol: 'tcp' | 'udp'
  /** Interfaces the packet may arrive on; undefined when unknown. */
  interfaces?: readonly string[]
  /** Whether the destination is an address of this host; undefined when unknown. */
  local?: boolean
}

export type Truth = 'yes' | 'no' | 'maybe'

export interface WalkResult {
  /** hit: the packet meets the target; miss: it never does; maybe: it depends on what rsaudit cannot judge. */
  outcome: 'hit' | 'miss' | 'maybe'
  /** The target rule (hit), or the rule that took the packet elsewhere (miss), when there is one. */
  rule?: NfRule
  chain?: NfChain
  /** For maybe: the rule and the condition rsaudit could not judge. */
  doubt?: {rule: NfRule; chain: NfChain; condition: string}
}

type End =
  | {kind: 'hit' | 'stop' | 'next' | 'return'; rule?: NfRule; chain?: NfChain}
  | {kind: 'unknown'; rule: NfRule; chain: NfChain}

const MAX_DEPTH = 32
const MAX_STEPS = 20_000

export function walk(path: NetfilterPath, packet: Packet, target: 'redirect' | 'notrack'): WalkResult {
  const bases = path.chains
    .filter((chain) => chain.base !== undefined && (chain.family === 'any' || chain.family === packet.family))
    .sort((a, b) => (a.base?.priority ?? 0) - (b.base?.priority ?? 0))
  const state = {steps: 0, doubt: undefined as WalkResult['doubt']}
  // Every way the walk can end so far; `next` means "not decided yet, on to the next base chain".
  let ends: End[] = [{kind: 'next'}]
  for (const base of bases) {
    ends = ends.flatMap((end) => (end.kind === 'next' ? runChain(path, base, packet, target, state, 0, 0) : [end]))
  }

  return summarize(ends, state.doubt)
}

function summarize(ends: readonly End[], doubt: WalkResult['doubt']): WalkResult {
  const hits = ends.filter((end) => end.kind === 'hit')
  const first = (list: readonly End[]) => list.find((end): end is End & {rule: NfRule} => 'rule' in end && end.rule !== undefined)
  if (hits.length === ends.length) return withRule({outcome: 'hit'}, first(hits))
  if (hits.length === 0 && !ends.some((end) => end.kind === 'unknown')) return withRule({outcome: 'miss'}, first(ends.filter((e) => e.kind === 'stop' || e.kind === 'next')))
  const unknown = ends.find((end): end is End & {kind: 'unknown'} => end.kind === 'unknown')
  const why = doubt ?? (unknown ? {rule: unknown.rule, chain: unknown.chain, condition: `target ${verdictName(unknown.rule)}`} : undefined)
  return {outcome: 'maybe', ...(why ? {doubt: why} : {})}
}

function withRule(result: WalkResult, end: (End & {rule: NfRule}) | undefined): WalkResult {
  if (end === undefined || !('chain' in end) || end.chain === undefined) return result
  return {...result, rule: end.rule, chain: end.chain}
}

function verdictName(rule: NfRule): string {
  return rule.verdict.kind === 'other' ? rule.verdict.name : rule.verdict.kind
}

/** The ways a walk through `chain` from rule `from` can end. A base chain's fall-through applies its policy. */
function runChain(path: NetfilterPath, chain: NfChain, packet: Packet, target: 'redirect' | 'notrack', state: {steps: number; doubt: WalkResult['doubt']}, from: number, depth: number): End[] {
  for (let i = from; i < chain.rules.length; i++) {
    if (++state.steps > MAX_STEPS || depth > MAX_DEPTH) return [{kind: 'unknown', rule: chain.rules[i] as NfRule, chain}]
    const rule = chain.rules[i] as NfRule
    const {truth, condition} = ruleMatches(rule, packet)
    if (truth === 'no') continue
    if (truth === 'maybe') state.doubt ??= {rule, chain, condition: condition ?? rule.text}
    const taken = applyVerdict(path, chain, rule, packet, target, state, i, depth)
    if (truth === 'yes') return taken
    // Maybe: the packet either took the verdict or went on.
    return dedupe([...taken, ...runChain(path, chain, packet, target, state, i + 1, depth)])
  }

  return [fallThrough(chain)]
}

/** Leaving a chain: back to the caller, or for a base chain its policy. */
function fallThrough(chain: NfChain, rule?: NfRule): End {
  if (chain.base === undefined) return rule === undefined ? {kind: 'return'} : {kind: 'return', rule, chain}
  const kind = chain.base.policy === 'drop' ? 'stop' : 'next'
  return rule === undefined ? {kind} : {kind, rule, chain}
}

function applyVerdict(path: NetfilterPath, chain: NfChain, rule: NfRule, packet: Packet, target: 'redirect' | 'notrack', state: {steps: number; doubt: WalkResult['doubt']}, i: number, depth: number): End[] {
  const rest = () => runChain(path, chain, packet, target, state, i + 1, depth)
  const verdict = rule.verdict
  switch (verdict.kind) {
    case 'redirect': {
      return target === 'redirect' ? [{kind: 'hit', rule, chain}] : [{kind: 'stop', rule, chain}]
    }

    case 'notrack': {
      // NOTRACK does not end the chain; in a nat chain it changes nothing for REDIRECT's question.
      return target === 'notrack' ? [{kind: 'hit', rule, chain}] : rest()
    }

    case 'continue': {
      return rest()
    }

    case 'accept': {
      return [{kind: 'next', rule, chain}]
    }

    case 'drop': {
      return [{kind: 'stop', rule, chain}]
    }

    case 'return': {
      return [fallThrough(chain, rule)]
    }

    case 'jump':
    case 'goto': {
      const callee = findChain(path.chains, chain, verdict.chain)
      if (callee === undefined) return [{kind: 'unknown', rule, chain}]
      const ends = runChain(path, callee, packet, target, state, 0, depth + 1)
      // RETURN from a jump resumes after it; from a goto it returns from this chain too. An end
      // that names no rule of its own names the RETURN, which is what kept the packet from the callee's rules.
      const via = (end: End, back: End): End => (back.kind !== 'unknown' && back.rule === undefined && end.rule ? {...back, rule: end.rule, chain: end.chain} : back)
      return dedupe(ends.flatMap((end) => (end.kind !== 'return' ? [end] : (verdict.kind === 'jump' ? rest() : [fallThrough(chain)]).map((back) => via(end, back)))))
    }

    case 'other': {
      return verdict.terminal === true ? [{kind: 'stop', rule, chain}] : [{kind: 'unknown', rule, chain}]
    }
  }
}

function dedupe(ends: End[]): End[] {
  const seen = new Set<string>()
  return ends.filter((end) => {
    const key = `${end.kind}\u0000${'rule' in end ? (end.rule?.text ?? '') : ''}`
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
}

/** A rule matches when all its conditions hold; the first uncertain condition is named. */
export function ruleMatches(rule: NfRule, packet: Packet): {truth: Truth; condition?: string} {
  let truth: Truth = 'yes'
  let condition: string | undefined
  for (const c of rule.conditions) {
    const holds = conditionHolds(c, packet)
    if (holds === 'no') return {truth: 'no'}
    if (holds === 'maybe' && truth === 'yes') {
      truth = 'maybe'
      condition = conditionText(c)
    }
  }

  return condition === undefined ? {truth} : {truth, condition}
}

function xor(holds: boolean, negated: boolean): Truth {
  return holds !== negated ? 'yes' : 'no'
}

export function conditionHolds(c: NfCondition, p: Packet): Truth {
  switch (c.kind) {
    case 'daddr': {
      // `ip daddr` (even `!=`) only ever matches IPv4 packets, `ip6 daddr` IPv6 ones.
      if (c.family !== p.family) return 'no'
      return xor(c.values.some((value) => addressIn(value, p.daddr)), c.negated)
    }

    case 'dport': {
      if (c.protocol !== undefined && c.protocol !== p.protocol) return 'no'
      if (p.dport === undefined) return 'maybe'
      const port = p.dport
      return xor(c.ranges.some(([low, high]) => port >= low && port <= high), c.negated)
    }

    case 'protocol': {
      return xor(c.values.some((v) => v === p.protocol || v === (p.protocol === 'tcp' ? '6' : '17')), c.negated)
    }

    case 'iifname': {
      if (p.interfaces === undefined || p.interfaces.length === 0) return 'maybe'
      const results = new Set(p.interfaces.map((name) => xor(c.values.some((pattern) => interfaceMatches(pattern, name)), c.negated)))
      return results.size === 1 ? ([...results][0] ?? 'maybe') : 'maybe'
    }

    case 'local-daddr': {
      return p.local === undefined ? 'maybe' : xor(p.local, c.negated)
    }

    case 'family': {
      return c.family === p.family ? 'yes' : 'no'
    }

    case 'tcp-flags': {
      return p.protocol === 'tcp' && c.firstPacket ? 'yes' : 'no'
    }

    case 'other': {
      return 'maybe'
    }
  }
}

export function conditionText(c: NfCondition): string {
  switch (c.kind) {
    case 'other':
    case 'tcp-flags': {
      return c.text
    }

    case 'iifname': {
      return `input interface ${c.negated ? 'not ' : ''}${c.values.join(', ')}`
    }

    case 'local-daddr': {
      return `destination is ${c.negated ? 'not ' : ''}a local address`
    }

    default: {
      return c.kind
    }
  }
}

/** `198.51.100.0/24`, `198.51.100.30-198.51.100.40` or a bare address. */
function addressIn(value: string, address: string): boolean {
  const range = /^([^-]+)-([^-]+)$/.exec(value)
  if (range?.[1] && range[2]) {
    if (!sameFamily(range[1], address)) return false
    const n = addressToBigInt(address)
    return n >= addressToBigInt(range[1]) && n <= addressToBigInt(range[2])
  }

  const [network = '', length] = value.split('/')
  return length === undefined ? sameAddress(network, address) : prefixContains(network, Number(length), address)
}

function sameFamily(a: string, b: string): boolean {
  return a.includes(':') === b.includes(':')
}

/** iptables ends a wildcard with `+`, nft with `*`. */
function interfaceMatches(pattern: string, name: string): boolean {
  if (pattern.endsWith('+') || pattern.endsWith('*')) return name.startsWith(pattern.slice(0, -1))
  return pattern === name
}
