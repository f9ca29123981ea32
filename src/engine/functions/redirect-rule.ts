/**
 * With the REDIRECT method the VIP is configured nowhere; a nat prerouting REDIRECT makes the
 * kernel take the VIP's traffic as its own (LNX-DR2-01). The first packet of a connection to
 * each VIP:port is walked through the nat chains as the kernel would (netfilter-walk.ts), so a
 * REDIRECT that an earlier ACCEPT, RETURN or DNAT keeps the packet from reaching counts as
 * missing.
 */
import {describeChain} from '../../facts/netfilter.js'
import {redirectsNaming} from '../dr-method.js'
import {defineCheck, NO_OPTIONS, type NoOptions} from './define-check.js'
import {fixData, ruleEvidence, walkVipPort} from './netfilter-data.js'
import {vipData} from './vip-data.js'

export const redirectRule = defineCheck<NoOptions>({
  name: 'redirect-rule',
  subjects: ['vip-ports'],
  facts: ['redirects', 'interfaces'],
  optionsSchema: NO_OPTIONS,
  evaluate(subject, _options, {facts}) {
    const walked = walkVipPort(subject, facts, 'redirects', (target) => `cannot tell whether ${target} is redirected`)
    if ('outcome' in walked) return walked
    const {vip, port, target, path, result} = walked
    const {rule, chain} = result
    const hit = result.outcome === 'hit'
    const evidence = rule && chain ? [ruleEvidence(hit ? 'REDIRECT rule' : 'rule reached first', rule, chain)] : [{fact: `nat prerouting rule for ${target}`, value: 'none', source: walked.source}]
    const toPorts = hit && rule?.verdict.kind === 'redirect' ? rule.verdict.toPorts : undefined
    const toPort = toPorts === undefined ? String(port) : toPorts[0] === toPorts[1] ? String(toPorts[0]) : `${toPorts[0]}-${toPorts[1]}`
    return {
      outcome: hit ? 'pass' : 'fail',
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
