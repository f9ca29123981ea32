/**
 * With the REDIRECT method the VIP is configured nowhere; a nat prerouting REDIRECT makes the
 * kernel take the VIP's traffic as its own (LNX-DR2-01). The first packet of a connection to
 * each VIP:port is walked through the nat chains as the kernel would (netfilter-walk.ts), so a
 * REDIRECT that an earlier ACCEPT, RETURN or DNAT keeps the packet from reaching counts as
 * missing.
 */
import {describeChain} from '../../facts/netfilter.js'
import {walk} from '../../facts/netfilter-walk.js'
import {bracketed} from '../subjects.js'
import {redirectsNaming} from '../dr-method.js'
import {defineCheck, NO_OPTIONS, type NoOptions, unknown} from './define-check.js'
import {doubtReason, fixData, packetFor, ruleEvidence} from './netfilter-data.js'
import {vipData} from './vip-data.js'

export const redirectRule = defineCheck<NoOptions>({
  name: 'redirect-rule',
  subjects: ['vip-ports'],
  facts: ['redirects', 'interfaces'],
  optionsSchema: NO_OPTIONS,
  evaluate(subject, _options, {facts}) {
    if (subject.kind !== 'vip-port' || facts.redirects?.status !== 'ok') return unknown('the netfilter rules could not be read')
    const {vip, port} = subject
    const path = facts.redirects.value
    const result = walk(path, packetFor(vip, port, facts), 'redirect')
    const target = `${bracketed(vip.address)}:${port}`
    if (result.outcome === 'maybe') return unknown(doubtReason(`cannot tell whether ${target} is redirected`, result))
    const {rule, chain} = result
    const evidence = rule && chain ? [ruleEvidence(result.outcome === 'hit' ? 'REDIRECT rule' : 'rule reached first', rule, chain)] : [{fact: `nat prerouting rule for ${target}`, value: 'none', source: facts.redirects.source}]
    const toPorts = result.outcome === 'hit' && rule?.verdict.kind === 'redirect' ? rule.verdict.toPorts : undefined
    const toPort = toPorts === undefined ? String(port) : toPorts[0] === toPorts[1] ? String(toPorts[0]) : `${toPorts[0]}-${toPorts[1]}`
    return {
      outcome: result.outcome === 'hit' ? 'pass' : 'fail',
      evidence,
      data: {
        ...vipData(vip),
        ...fixData(path, vip, redirectsNaming(path, vip)[0]?.chain),
        port,
        target,
        rule: rule?.text,
        where: chain ? describeChain(chain) : undefined,
        toPort,
        why: rule && chain ? `\`${rule.text}\` (${describeChain(chain)}) takes it first` : 'no REDIRECT rule in the nat prerouting chains matches it',
      },
    }
  },
})
