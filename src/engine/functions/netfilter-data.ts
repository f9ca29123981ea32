/**
 * What the REDIRECT checks share: the packet a VIP:port connection starts with, evidence for a
 * netfilter rule, and the values a fix needs to be printed for the tool this host uses.
 */
import {arpInterfaces} from '../../facts/arp-interfaces.js'
import type {HostFacts} from '../../facts/model.js'
import {describeChain} from '../../facts/netfilter.js'
import type {NetfilterPath, NfChain, NfRule} from '../../facts/netfilter-model.js'
import {type Packet, walk, type WalkResult} from '../../facts/netfilter-walk.js'
import {locateVip} from '../../facts/vip-location.js'
import type {TemplateData} from '../interpolate.js'
import {bracketed, type Subject} from '../subjects.js'
import type {Evidence, Vip} from '../types.js'
import {type CheckOutcome, unknown} from './define-check.js'

/** The first TCP packet to VIP:port, arriving on one of the interfaces that face the network. */
export function packetFor(vip: Vip, port: number, facts: HostFacts): Packet {
  const interfaces = facts.interfaces.status === 'ok' ? facts.interfaces.value : undefined
  return {
    family: vip.family,
    daddr: vip.address,
    dport: port,
    protocol: 'tcp',
    ...(interfaces ? {interfaces: arpInterfaces(interfaces).map((nic) => nic.name), local: locateVip(interfaces, vip.address).length > 0} : {}),
  }
}

export interface VipPortWalk {
  vip: Vip
  port: number
  /** `198.51.100.10:80`, `[2001:db8::10]:80`. */
  target: string
  path: NetfilterPath
  /** The fact's source, for evidence. */
  source: string
  result: WalkResult
}

/**
 * Walks the first packet to the subject's VIP:port through one fact's chains. An outcome instead
 * when there is nothing to walk (the fact unavailable) or the walk cannot decide (`unknown`, saying why).
 */
export function walkVipPort(subject: Subject, facts: HostFacts, hook: 'redirects' | 'notracks', question: (target: string) => string): VipPortWalk | CheckOutcome {
  const fact = facts[hook]
  if (subject.kind !== 'vip-port' || fact?.status !== 'ok') return unknown('the netfilter rules could not be read')
  const {vip, port} = subject
  const target = `${bracketed(vip.address)}:${port}`
  const result = walk(fact.value, packetFor(vip, port, facts), hook === 'redirects' ? 'redirect' : 'notrack')
  if (result.outcome === 'maybe') return unknown(doubtReason(question(target), result))
  return {vip, port, target, path: fact.value, source: fact.source, result}
}

export function ruleEvidence(fact: string, rule: NfRule, chain: NfChain): Evidence {
  return {fact, value: rule.text, source: describeChain(chain)}
}

/** Why a walk could not decide, for an `unknown` result. */
function doubtReason(question: string, result: WalkResult): string {
  const doubt = result.doubt
  if (doubt === undefined) return `${question}: the rules give no clear answer`
  return `${question}: \`${doubt.rule.text}\` (${describeChain(doubt.chain)}) depends on ${doubt.condition}, which rsaudit cannot judge`
}

/**
 * How a fix is written: with iptables (or ip6tables) when the host's rules for this VIP, or
 * failing that its tools, are iptables; with nft into an existing chain when the rules are
 * native nftables; and with nft creating `nat`/`prerouting` when nft is all there is.
 */
export function fixData(path: NetfilterPath, vip: Vip, preferred?: NfChain): TemplateData {
  const iptables = vip.family === 'inet' ? 'iptables' : 'ip6tables'
  const nftAddr = vip.family === 'inet' ? 'ip' : 'ip6'
  const inNft = (chain: NfChain): TemplateData => ({fixTool: 'nft', nftFamily: chain.nftFamily, nftTable: chain.table, nftChain: chain.name, nftAddr})
  if (preferred?.tool === 'nft') return inNft(preferred)
  if (preferred !== undefined || path.tools.includes(iptables)) return {fixTool: 'iptables', iptables, chain: preferred?.name ?? 'PREROUTING'}
  const nat = path.chains.find((c) => c.tool === 'nft' && c.base?.type === 'nat' && c.base.hook === 'prerouting' && (c.family === 'any' || c.family === vip.family))
  if (nat) return inNft(nat)
  return path.tools.includes('nft') ? {fixTool: 'nft-new', nftFamily: nftAddr, nftAddr} : {fixTool: 'iptables', iptables, chain: 'PREROUTING'}
}
