/**
 * REDIRECT is NAT, and NAT needs connection tracking: a NOTRACK (`-j NOTRACK`, `-j CT --notrack`,
 * nft `notrack`) that reaches a VIP's traffic before conntrack (the raw table, nft chains below
 * priority -200) leaves the REDIRECT rule without effect (LNX-DR2-03). A rule that untracks only
 * SYN packets is enough for that, since NAT is decided on the first packet. A NOTRACK in a chain
 * that runs after conntrack does nothing and is not reported.
 */
import {describeChain} from '../../facts/netfilter.js'
import {defineCheck, NO_OPTIONS, type NoOptions} from './define-check.js'
import {fixData, ruleEvidence, walkVipPort} from './netfilter-data.js'
import {vipData} from './vip-data.js'

export const redirectConntrack = defineCheck<NoOptions>({
  name: 'redirect-conntrack',
  subjects: ['vip-ports'],
  facts: ['notracks', 'interfaces'],
  optionsSchema: NO_OPTIONS,
  evaluate(subject, _options, {facts}) {
    const walked = walkVipPort(subject, facts, 'notracks', (target) => `cannot tell whether connection tracking is off for ${target}`)
    if ('outcome' in walked) return walked
    const {vip, port, target, path, result} = walked
    const {rule, chain} = result
    if (result.outcome === 'miss' || rule === undefined || chain === undefined) {
      const checked = path.chains.filter((c) => c.base !== undefined).map(describeChain).join('; ') || 'none'
      return {outcome: 'pass', evidence: [{fact: 'chains before connection tracking', value: checked, source: walked.source}], data: {...vipData(vip), port, target}}
    }

    return {
      outcome: 'fail',
      evidence: [ruleEvidence('NOTRACK rule', rule, chain)],
      data: {...vipData(vip), ...fixData(path, vip, chain), port, target, rule: rule.text, where: describeChain(chain)},
    }
  },
})
