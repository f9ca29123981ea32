/**
 * HTTP.sys (which IIS and other Windows web servers sit on) listens only on the addresses in
 * its IP listen list. An empty list, or 0.0.0.0, means every address; a list naming the RIP
 * alone drops all VIP traffic while health checks still pass.
 */
import {isWildcard, sameAddress} from '../../facts/cidr.js'
import {defineCheck, NO_OPTIONS, type NoOptions, unknown} from './define-check.js'
import {ownAddresses} from './targets.js'

export const httpSysIplisten = defineCheck<NoOptions>({
  name: 'http-sys-iplisten',
  subjects: ['host'],
  facts: ['httpIpListen', 'interfaces'],
  optionsSchema: NO_OPTIONS,
  evaluate(_subject, _options, {facts, inputs}) {
    if (facts.httpIpListen?.status !== 'ok' || facts.interfaces.status !== 'ok') return unknown('the HTTP.sys IP listen list could not be read')
    const list = facts.httpIpListen.value
    const rips = ownAddresses(facts.interfaces.value)
    const needed = [...inputs.vips.map((v) => v.address), ...rips]
    const missing = list.length === 0 || list.some((a) => isWildcard(a)) ? [] : needed.filter((address) => !list.some((a) => sameAddress(a, address)))
    return {
      outcome: missing.length === 0 ? 'pass' : 'fail',
      evidence: [{fact: 'HTTP.sys IP listen list', value: list.length === 0 ? 'empty (every address)' : list.join(', '), source: facts.httpIpListen.source}],
      data: {list: list.join(', ') || 'empty', missing: missing.join(', '), first: missing[0]},
    }
  },
})
