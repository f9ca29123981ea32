/**
 * One view of the host's netfilter rules from every tool that printed some, and the two hooks
 * the REDIRECT method depends on.
 *
 * The tools overlap, and each sees part of the truth:
 * - `iptables-save` shows the rules of whichever backend the `iptables` command uses. With the
 *   nf_tables backend, those same rules also appear in `nft list ruleset`, but nft shows their
 *   extensions only by name (no --to-ports, no CT options), so iptables-save's view of those
 *   tables is the one kept, unless it says a table holds chains it cannot show.
 * - `iptables-legacy-save` shows rules that the nf_tables `iptables` hides (it only warns that
 *   they exist). When `iptables` itself is the legacy one, the two print the same rules.
 * - `nft` alone shows native nftables rules.
 */
import type {IptablesSaveOutput} from '../parse/iptables-save.js'
import type {NftRuleset} from '../parse/nft-ruleset-json.js'
import type {NetfilterPath, NetfilterTool, NfChain} from './netfilter-model.js'

/** Connection tracking runs at this prerouting priority; NOTRACK must come before it (NF_IP_PRI_CONNTRACK). */
export const CONNTRACK_PRIORITY = -200

export interface NetfilterReadings {
  /** iptables-save and ip6tables-save, then the -legacy-save variants, in that order. */
  iptables: IptablesSaveOutput[]
  nft?: NftRuleset
}

/** Every chain, each rule once. */
export function mergeChains(readings: NetfilterReadings): NfChain[] {
  const kept: IptablesSaveOutput[] = []
  for (const output of readings.iptables) {
    // `iptables-legacy-save` repeats `iptables-save` when the latter is the legacy one too.
    if (output.variant === 'legacy' && kept.some((k) => k.tool === output.tool && k.variant === 'legacy')) continue
    kept.push(output)
  }

  const shownByIptables = new Set(
    kept
      .filter((output) => output.variant === 'nf_tables')
      .flatMap((output) => output.chains.filter((c) => !output.incompatibleTables.includes(c.table)).map((c) => `${c.family} ${c.table}`)),
  )
  const nftChains = (readings.nft?.chains ?? []).filter((chain) => !(chain.family !== 'any' && (chain.nftFamily === 'ip' || chain.nftFamily === 'ip6') && shownByIptables.has(`${chain.family} ${chain.table}`)))
  return [...kept.flatMap((output) => output.chains), ...nftChains]
}

/**
 * The base chains `hookedOn` selects, plus every chain they can jump or go to, so a walk never
 * meets a chain it does not know.
 */
export function hookPath(chains: readonly NfChain[], tools: readonly NetfilterTool[], hookedOn: (base: NonNullable<NfChain['base']>) => boolean): NetfilterPath {
  const selected: NfChain[] = []
  const queue = chains.filter((chain) => chain.base !== undefined && hookedOn(chain.base))
  while (queue.length > 0) {
    const chain = queue.shift()
    if (chain === undefined || selected.includes(chain)) continue
    selected.push(chain)
    for (const rule of chain.rules) {
      if (rule.verdict.kind !== 'jump' && rule.verdict.kind !== 'goto') continue
      const target = findChain(chains, chain, rule.verdict.chain)
      if (target && !selected.includes(target)) queue.push(target)
    }
  }

  return {chains: chains.filter((chain) => selected.includes(chain)), tools: [...tools]}
}

/** The chain a jump in `from` names: same tool, family and table. */
export function findChain(chains: readonly NfChain[], from: NfChain, name: string): NfChain | undefined {
  return chains.find((c) => c.name === name && c.tool === from.tool && c.family === from.family && c.table === from.table && c.nftFamily === from.nftFamily)
}

/** Prerouting nat chains: where REDIRECT happens. */
export function redirectPath(chains: readonly NfChain[], tools: readonly NetfilterTool[]): NetfilterPath {
  return hookPath(chains, tools, (base) => base.hook === 'prerouting' && base.type === 'nat')
}

/** Prerouting chains that run before connection tracking: where NOTRACK takes effect. */
export function notrackPath(chains: readonly NfChain[], tools: readonly NetfilterTool[]): NetfilterPath {
  return hookPath(chains, tools, (base) => base.hook === 'prerouting' && base.priority < CONNTRACK_PRIORITY)
}

/** `iptables -t nat, chain PREROUTING` / `nft table inet lb, chain prerouting`: where a rule sits, for messages. */
export function describeChain(chain: NfChain): string {
  if (chain.tool === 'nft') return `nft table ${chain.nftFamily ?? ''} ${chain.table}, chain ${chain.name}`
  return `${chain.tool} -t ${chain.table}, chain ${chain.name}`
}
