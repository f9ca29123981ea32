/**
 * The `redirects` and `notracks` facts of a Linux host (live or bundle): iptables-save and
 * ip6tables-save, their -legacy-save variants and `nft -j list ruleset`, merged (netfilter.ts).
 *
 * A tool that is not installed simply shows nothing; a tool that is installed but fails (not
 * root, a timeout) makes both facts unavailable, since the rule it hides could be the one that
 * matters. With no tool at all the facts are `command-missing`: rsaudit cannot tell whether the
 * kernel holds rules some other program loaded.
 */
import {LINUX_COMMANDS} from '../../collect/linux-commands.js'
import type {CommandCapture, RawSource} from '../../collect/raw-source.js'
import {type IptablesSaveOutput, parseIptablesSave} from '../../parse/iptables-save.js'
import {type NftRuleset, parseNftRulesetJson} from '../../parse/nft-ruleset-json.js'
import {ParseError} from '../../parse/parse-error.js'
import {commandLine} from '../from-capture.js'
import type {Fact, FactUnavailable} from '../model.js'
import {mergeChains, notrackPath, redirectPath} from '../netfilter.js'
import type {NetfilterPath, NetfilterTool} from '../netfilter-model.js'

export interface NetfilterFacts {
  redirects: Fact<NetfilterPath>
  notracks: Fact<NetfilterPath>
}

const IPTABLES = [
  {spec: LINUX_COMMANDS.iptablesSave, family: 'inet'},
  {spec: LINUX_COMMANDS.ip6tablesSave, family: 'inet6'},
  {spec: LINUX_COMMANDS.iptablesLegacySave, family: 'inet'},
  {spec: LINUX_COMMANDS.ip6tablesLegacySave, family: 'inet6'},
] as const

/** The warning the nf_tables iptables-save prints on stderr when legacy rules exist beside its own. */
const LEGACY_PRESENT = /ip6?tables-legacy tables present/

export async function collectNetfilter(source: RawSource): Promise<NetfilterFacts> {
  const [nftCapture, ...iptablesCaptures] = await Promise.all([source.run(LINUX_COMMANDS.nftRulesetJson), ...IPTABLES.map(({spec}) => source.run(spec))])
  const captures = [...iptablesCaptures, nftCapture].filter((c): c is CommandCapture => c !== undefined)
  const sourceText = captures.filter((c) => c.failure?.reason !== 'command-missing').map(commandLine).join('; ') || 'iptables-save, nft'
  const unavailable = (fact: FactUnavailable): NetfilterFacts => ({redirects: fact, notracks: fact})

  const failed = captures.find((c) => c.failure !== undefined && c.failure.reason !== 'command-missing' && !noLegacyTables(c))
  if (failed?.failure) return unavailable({status: 'unavailable', ...failureOf(failed, failed.failure), source: sourceText})
  if (captures.every((c) => c.failure?.reason === 'command-missing')) {
    return unavailable({status: 'unavailable', reason: 'command-missing', detail: 'neither iptables-save nor nft is installed, so the netfilter rules cannot be read', source: sourceText})
  }

  const legacyHidden = iptablesCaptures.slice(0, 2).find((c) => c && LEGACY_PRESENT.test(c.stderr))
  const legacyMissing = iptablesCaptures.slice(2).some((c) => c?.failure?.reason === 'command-missing')
  if (legacyHidden && legacyMissing) {
    const detail = `${commandLine(legacyHidden)} reports iptables-legacy rules, but iptables-legacy-save is not installed to show them`
    return unavailable({status: 'unavailable', reason: 'command-missing', detail, source: sourceText})
  }

  try {
    const iptables: IptablesSaveOutput[] = []
    const tools = new Set<NetfilterTool>()
    for (const [i, capture] of iptablesCaptures.entries()) {
      const family = IPTABLES[i]?.family ?? 'inet'
      if (capture === undefined || capture.failure) continue
      iptables.push(parseIptablesSave(capture.stdout, {family}))
      tools.add(family === 'inet' ? 'iptables' : 'ip6tables')
    }

    let nft: NftRuleset | undefined
    if (nftCapture && !nftCapture.failure) {
      nft = parseNftRulesetJson(nftCapture.stdout)
      tools.add('nft')
    }

    const chains = mergeChains({iptables, ...(nft ? {nft} : {})})
    return {
      redirects: {status: 'ok', value: redirectPath(chains, [...tools]), source: sourceText},
      notracks: {status: 'ok', value: notrackPath(chains, [...tools]), source: sourceText},
    }
  } catch (error) {
    if (!(error instanceof ParseError)) throw error
    return unavailable({status: 'unavailable', reason: 'parse-error', detail: error.message, source: sourceText})
  }
}

/**
 * iptables-legacy-save on a kernel where no legacy table was ever loaded may find no
 * /proc/net/ip_tables_names: there are no legacy rules then, which is not a failure.
 */
function noLegacyTables(capture: CommandCapture): boolean {
  return capture.failure?.reason === 'nonzero-exit' && /legacy-save$/.test(capture.spec.id) && /_tables_names: No such file or directory/.test(capture.stderr)
}

/** iptables-save and nft refuse to run without root and say so only in their message. */
function failureOf(capture: CommandCapture, failure: NonNullable<CommandCapture['failure']>): Pick<FactUnavailable, 'reason' | 'detail'> {
  if (failure.reason === 'nonzero-exit' && /permission denied|operation not permitted|must be root/i.test(capture.stderr)) {
    return {reason: 'permission-denied', detail: `${commandLine(capture)} needs root to read the netfilter rules (run as root)`}
  }

  return {reason: failure.reason, detail: failure.detail}
}
