/**
 * IIS must answer on the VIP (client traffic) and on the server's own address (health
 * checks): each site bound to a checked port binds "All Unassigned" (`*`) or that address.
 * A site bound to the RIP only answers health checks and drops every client.
 */
import {isWildcard, sameAddress} from '../../facts/cidr.js'
import {defineCheck, unknown} from './define-check.js'
import {ON_OPTIONS, type OnOptions, ownAddresses} from './targets.js'

export const iisBinding = defineCheck<OnOptions>({
  name: 'iis-binding',
  subjects: ['vip-ports', 'ports'],
  facts: ['iisBindings', 'interfaces'],
  optionsSchema: ON_OPTIONS,
  evaluate(subject, {on}, {facts}) {
    if (facts.iisBindings?.status !== 'ok' || facts.interfaces.status !== 'ok') return unknown('IIS bindings or interfaces could not be read')
    if (subject.kind !== 'vip-port' && subject.kind !== 'port') return unknown(`IIS checks need a port subject, not ${subject.kind}`)
    const {port} = subject
    const onPort = facts.iisBindings.value.filter((b) => b.port === port && /^https?$/i.test(b.protocol))
    if (onPort.length === 0) return {outcome: 'not-applicable', evidence: [], data: {port}, reason: facts.iisBindings.value.length === 0 ? 'IIS has no sites here' : `no IIS site is bound to port ${port}`}
    const targets =
      on === 'vip' && subject.kind === 'vip-port'
        ? [subject.vip.address]
        : ownAddresses(facts.interfaces.value)
    const sites = [...new Set(onPort.map((b) => b.site))]
    const failing = sites.filter((site) => !onPort.some((b) => b.site === site && (b.address === '*' || isWildcard(b.address) || targets.some((t) => sameAddress(t, b.address)))))
    const source = facts.iisBindings.source
    return {
      outcome: failing.length === 0 ? 'pass' : 'fail',
      evidence: onPort.map((b) => ({fact: `IIS binding of ${b.site}`, value: `${b.protocol}/${b.address}:${b.port}:${b.host ?? ''}`, source})),
      data: {port, targets: targets.join(', ') || 'none', sites: failing.join(', '), site: failing[0], address: on === 'vip' && subject.kind === 'vip-port' ? subject.vip.address : targets[0]},
    }
  },
})
