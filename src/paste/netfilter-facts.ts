/**
 * The `redirects` and `notracks` facts from pasted `iptables-save`, `ip6tables-save`,
 * `iptables -t nat -S` and `nft -j list ruleset` output, through the parsers a live run uses and
 * the same merge (facts/netfilter.ts). The family of output without a header comes from the
 * command (`ip6tables ...`), and the table of `-S` output from its `-t`.
 */
import type {AddressFamily, Fact, FactUnavailable} from '../facts/model.js'
import {mergeChains, notrackPath, redirectPath} from '../facts/netfilter.js'
import type {NetfilterPath, NetfilterTool} from '../facts/netfilter-model.js'
import {type IptablesSaveOutput, parseIptablesSave} from '../parse/iptables-save.js'
import {type NftRuleset, parseNftRulesetJson} from '../parse/nft-ruleset-json.js'
import {invocations} from './command.js'
import {parseSection, sourceOf} from './recipe.js'
import type {PasteSection} from './split.js'

export interface PastedNetfilter {
  redirects: Fact<NetfilterPath>
  notracks: Fact<NetfilterPath>
}

const ASK = '`iptables-save`, `ip6tables-save` and `nft -j list ruleset`'

export function netfilterFromPaste(sections: readonly PasteSection[]): PastedNetfilter {
  const mine = sections.filter((s) => s.kind === 'iptables-save' || s.kind === 'nft-ruleset-json')
  const unavailable = (fact: FactUnavailable): PastedNetfilter => ({redirects: fact, notracks: fact})
  if (mine.length === 0) return unavailable({status: 'unavailable', reason: 'not-collected', detail: `not in the pasted text (paste the output of ${ASK})`, source: 'pasted text'})

  const iptables: IptablesSaveOutput[] = []
  let nft: NftRuleset | undefined
  const tools = new Set<NetfilterTool>()
  for (const section of mine) {
    if (section.kind === 'nft-ruleset-json') {
      const fact = parseSection(section, (s) => parseNftRulesetJson(s.text))
      if (fact.status !== 'ok') return unavailable(fact)
      // Several nft listings (a table, a chain) add up.
      nft = {chains: [...(nft?.chains ?? []), ...fact.value.chains]}
      tools.add('nft')
      continue
    }

    const fact = parseSection(section, (s) => parseIptablesSave(s.text, commandHints(s.command)))
    if (fact.status !== 'ok') return unavailable(fact)
    iptables.push(fact.value)
    tools.add(fact.value.tool)
  }

  // The same chain pasted twice (`iptables -t nat -S`, then iptables-save): the later output is the state now.
  const byName = new Map(mergeChains({iptables, ...(nft ? {nft} : {})}).map((c) => [`${c.tool} ${c.family} ${c.nftFamily ?? ''} ${c.table} ${c.name}`, c]))
  const chains = [...byName.values()]
  const source = sourceOf(mine)
  return {
    redirects: {status: 'ok', value: redirectPath(chains, [...tools]), source},
    notracks: {status: 'ok', value: notrackPath(chains, [...tools]), source},
  }
}

/** `ip6tables -t nat -S` → IPv6, table nat; the header of iptables-save output overrides the family. */
function commandHints(command: string | undefined): {family?: AddressFamily; table?: string} {
  const call = invocations(command ?? '').find((c) => /^ip6?tables/.test(c.program))
  if (call === undefined) return {}
  const at = call.args.findIndex((a) => a === '-t' || a === '--table')
  const table = at >= 0 ? call.args[at + 1] : /^-t(\w+)$/.exec(call.args.find((a) => /^-t\w+$/.test(a)) ?? '')?.[1]
  return {family: call.program.startsWith('ip6') ? 'inet6' : 'inet', ...(table ? {table} : {})}
}
