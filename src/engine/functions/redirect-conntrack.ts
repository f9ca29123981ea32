/**
 * REDIRECT is NAT, and NAT needs connection tracking: a NOTRACK (`-j NOTRACK`, `-j CT --notrack`,
 * nft `notrack`) that reaches a VIP's traffic before conntrack (the raw table, nft chains below
 * priority -200) leaves the REDIRECT rule without effect (LNX-DR2-03). A rule that untracks only
 * SYN packets is enough for that, since NAT is decided on the first packet. A NOTRACK in a chain
 * that runs after conntrack does nothing and is not reported.
 */
import {describeChain} from '../../facts/netfilter.js'
import {walk} from '../../facts/netfilter-walk.js'
import {bracketed} from '../subjects.js'
import {defineCheck, NO_OPTIONS, type NoOptions, unknown} from './define-check.js'
import {doubtReason, fixData, packetFor, ruleEvidence} from './netfilter-data.js'
import {vipData} from './vip-data.js'

export const redirectConntrack = defineCheck<NoOptions>({
  name: 'redirect-conntrack',
  subjects: ['vip-ports'],
  facts: ['notracks', 'interfaces'],
  optionsSchema: NO_OPTIONS,
  evaluate(subject, _options, {facts}) {
    if (subject.kind !== 'vip-port' || facts.notracks?.status !== 'ok') return unknown('the netfilter rules could not be read')
    const {vip, port} = subject
    const path = facts.notracks.value
    const result = walk(path, packetFor(vip, port, facts), 'notrack')
    const target = `${bracketed(vip.address)}:${port}`
    if (result.outcome === 'maybe') return unknown(doubtReason(`cannot tell whether connection tracking is off for ${target}`, result))
    const {rule, chain} = result
    if (result.outcome === 'miss' || rule === undefined || chain === undefined) {
      const checked = path.chains.filter((c) => c.base !== undefined).map(describeChain).join('; ') || 'none'
      return {outcome: 'pass', evidence: [{fact: 'chains before connection tracking', value: checked, source: facts.notracks.source}], data: {...vipData(vip), port, target}}
    }

    return {
      outcome: 'fail',
      evidence: [ruleEvidence('NOTRACK rule', rule, chain)],
      data: {...vipData(vip), ...fixData(path, vip, chain), port, target, rule: rule.text, where: describeChain(chain)},
    }
  },
})
