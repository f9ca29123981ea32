/**
 * Which Direct Routing method a VIP uses: the VIP on loopback (with the ARP sysctls), or the
 * netfilter REDIRECT method, where the VIP is configured nowhere and a nat prerouting rule makes
 * the kernel accept its traffic (realserver-requirements LNX-DR2).
 *
 * `--method redirect` or `--method loopback` says so for every VIP. Without it (`auto`), a VIP
 * uses REDIRECT when no interface holds it and a REDIRECT rule names it as destination (on the
 * rule or on the jump that leads to it). A rule that names no destination (`-p tcp --dport 80
 * -j REDIRECT --to-ports 8080`) is common for other reasons, so it does not decide alone.
 *
 * Rules declare the method they belong to (`method:` in the rule file):
 * - loopback rules are not-applicable, with the reason, for a VIP that uses REDIRECT and is on
 *   no interface; host-wide ones (the ARP sysctls) only when that holds for every VIP. A VIP that
 *   is configured somewhere keeps them, since then the ARP problem is back (LNX-DR2-04).
 * - redirect rules give no result at all unless some VIP uses REDIRECT, so a loopback server's
 *   report is not filled with checks for a method it does not use.
 */
import type {HostFacts} from '../facts/model.js'
import {describeChain, findChain} from '../facts/netfilter.js'
import type {NetfilterPath, NfChain, NfCondition, NfRule} from '../facts/netfilter-model.js'
import {conditionHolds} from '../facts/netfilter-walk.js'
import {locateVip} from '../facts/vip-location.js'
import type {Subject} from './subjects.js'
import type {AuditInputs, CheckContext, Evidence, Rule, Vip} from './types.js'

export const DR_METHODS = ['auto', 'loopback', 'redirect'] as const
export type DrMethod = (typeof DR_METHODS)[number]

export interface VipMethod {
  redirect: boolean
  /** An interface holds the VIP. */
  configured: boolean
  /** The REDIRECT rules that name the VIP, when auto-detected. */
  evidence: Evidence[]
}

export function vipMethod(vip: Vip, facts: HostFacts, inputs: AuditInputs): VipMethod {
  const configured = facts.interfaces.status === 'ok' && locateVip(facts.interfaces.value, vip.address).length > 0
  const method = inputs.method ?? 'auto'
  if (method !== 'auto' || facts.redirects?.status !== 'ok') return {redirect: method === 'redirect', configured, evidence: []}
  const naming = configured ? [] : redirectsNaming(facts.redirects.value, vip)
  const evidence = naming.map(({rule, chain}) => ({fact: `REDIRECT rule for ${vip.address}`, value: rule.text, source: describeChain(chain)}))
  return {redirect: naming.length > 0, configured, evidence}
}

/** Some VIP uses REDIRECT (redirect rules report only then). */
export function anyRedirect(context: CheckContext): boolean {
  if (context.inputs.mode !== 'dr') return false
  if ((context.inputs.method ?? 'auto') === 'redirect') return true
  return context.inputs.vips.some((vip) => vipMethod(vip, context.facts, context.inputs).redirect)
}

export type Gate = {kind: 'evaluate'} | {kind: 'skip'} | {kind: 'not-applicable'; reason: string; evidence: Evidence[]}

/** How the method decides one subject of a rule; only Direct Routing has the REDIRECT alternative. */
export function methodGate(rule: Rule, subject: Subject, context: CheckContext): Gate {
  const {facts, inputs} = context
  const linux = facts.os.status !== 'ok' || facts.os.value.platform === 'linux'
  if (rule.method === undefined || inputs.mode !== 'dr' || !linux) return {kind: 'evaluate'}
  if (subject.kind === 'vip' || subject.kind === 'vip-port') {
    const method = vipMethod(subject.vip, facts, inputs)
    if (rule.method === 'redirect') return method.redirect ? {kind: 'evaluate'} : {kind: 'skip'}
    if (!method.redirect || method.configured) return {kind: 'evaluate'}
    return {kind: 'not-applicable', reason: vipReason(rule, subject.vip, method), evidence: method.evidence}
  }

  if (rule.method === 'redirect') return anyRedirect(context) ? {kind: 'evaluate'} : {kind: 'skip'}
  const methods = inputs.vips.map((vip) => vipMethod(vip, facts, inputs))
  const noVipHere = inputs.vips.length > 0 ? methods.every((m) => m.redirect && !m.configured) : inputs.method === 'redirect'
  if (!noVipHere) return {kind: 'evaluate'}
  const reason = 'not needed with the REDIRECT method: no VIP is configured on this server, so it has nothing to answer ARP for'
  return {kind: 'not-applicable', reason, evidence: methods.flatMap((m) => m.evidence)}
}

function vipReason(rule: Rule, vip: Vip, method: VipMethod): string {
  const how = method.evidence.length > 0 ? 'a REDIRECT rule names it' : '--method redirect was given'
  const listener = rule.id === 'service-listens-on-vip' ? '; the redirected traffic arrives on this server\'s own address, which service-listens-on-rip checks' : ''
  return `${vip.address} uses the REDIRECT method (${how}) and is configured on no interface, so this loopback check does not apply${listener}`
}

/** REDIRECT rules reachable from a nat prerouting chain whose conditions, or the jumps to them, name the VIP. */
export function redirectsNaming(path: NetfilterPath, vip: Vip): Array<{rule: NfRule; chain: NfChain}> {
  const found: Array<{rule: NfRule; chain: NfChain}> = []
  const packet = {family: vip.family, daddr: vip.address, protocol: 'tcp' as const}
  const visit = (chain: NfChain, named: boolean, depth: number): void => {
    if (depth > 16) return
    for (const rule of chain.rules) {
      // A condition that rules the VIP out (another address, the other family) ends this path.
      if (rule.conditions.some((c) => c.kind === 'daddr' && conditionHolds(c, packet) === 'no')) continue
      const here = named || rule.conditions.some((c) => namesVip(c, packet))
      if (rule.verdict.kind === 'redirect' && here) found.push({rule, chain})
      if (rule.verdict.kind === 'jump' || rule.verdict.kind === 'goto') {
        const callee = findChain(path.chains, chain, rule.verdict.chain)
        if (callee) visit(callee, here, depth + 1)
      }
    }
  }

  for (const chain of path.chains.filter((c) => c.base !== undefined && (c.family === 'any' || c.family === vip.family))) visit(chain, false, 0)
  return found
}

function namesVip(c: NfCondition, packet: {family: Vip['family']; daddr: string; protocol: 'tcp'}): boolean {
  return c.kind === 'daddr' && !c.negated && conditionHolds(c, packet) === 'yes'
}

/** A sentence for the report when the REDIRECT method was detected, or could not be looked for. */
export function methodNotes(facts: HostFacts, inputs: AuditInputs): string[] {
  if (inputs.mode !== 'dr' || (inputs.method ?? 'auto') !== 'auto') return []
  const absent = inputs.vips.filter((vip) => facts.interfaces.status === 'ok' && locateVip(facts.interfaces.value, vip.address).length === 0)
  if (absent.length === 0) return []
  if (facts.redirects !== undefined && facts.redirects.status !== 'ok') {
    return [`${list(absent)} ${absent.length > 1 ? 'are' : 'is'} on no interface and the netfilter rules could not be read (${facts.redirects.detail}): if this server uses the REDIRECT method, give --method redirect.`]
  }

  const redirected = absent.filter((vip) => vipMethod(vip, facts, inputs).redirect)
  if (redirected.length === 0) return []
  return [`${list(redirected)} ${redirected.length > 1 ? 'are' : 'is'} on no interface and a REDIRECT rule names ${redirected.length > 1 ? 'them' : 'it'}: checked as the REDIRECT method (give --method loopback to check the loopback method instead).`]
}

function list(vips: readonly Vip[]): string {
  return vips.map((vip) => vip.address).join(', ')
}
