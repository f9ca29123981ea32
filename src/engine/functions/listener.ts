/**
 * The service must accept connections on the VIP (client traffic) and on the server's own
 * address (the load balancer's health checks). A wildcard listener covers both. Current ss
 * prints a dual-stack socket as `*:80` (read as 0.0.0.0) and a v6-only one as `[::]:80`, so an
 * IPv6 wildcard is taken to serve IPv6 only: a false failure here is explained in the message,
 * a false pass would hide a dead VIP.
 */
import {familyOf, isWildcard, sameAddress} from '../../facts/cidr.js'
import type {Listener} from '../../facts/model.js'
import {bracketed} from '../subjects.js'
import {defineCheck, unknown} from './define-check.js'
import {ON_OPTIONS, type OnOptions, ownAddresses} from './targets.js'

export const listener = defineCheck<OnOptions>({
  name: 'listener',
  subjects: ['vip-ports', 'ports'],
  facts: ['listeners', 'interfaces'],
  optionsSchema: ON_OPTIONS,
  evaluate(subject, {on}, {facts}) {
    if (facts.listeners.status !== 'ok' || facts.interfaces.status !== 'ok') return unknown('listeners or interfaces could not be read')
    if (subject.kind !== 'vip-port' && subject.kind !== 'port') return unknown(`listener checks need a port subject, not ${subject.kind}`)
    const {port} = subject
    const onPort = facts.listeners.value.filter((l) => l.port === port)
    const targets =
      on === 'vip' && subject.kind === 'vip-port'
        ? [subject.vip.address]
        : ownAddresses(facts.interfaces.value)
    const matching = onPort.filter((l) => targets.some((target) => covers(l, target)))
    const evidence = (onPort.length > 0 ? onPort : []).map((l) => ({
      fact: `TCP listener on port ${port}`,
      value: `${bracketed(l.address)}:${l.port}${l.process ? ` (${l.process})` : ''}`,
      source: facts.listeners.source,
    }))
    if (onPort.length === 0) evidence.push({fact: `TCP listener on port ${port}`, value: 'none', source: facts.listeners.source})
    if (targets.length === 0) return unknown('this server has no global address on an ARP interface to check', evidence)
    return {
      outcome: matching.length > 0 ? 'pass' : 'fail',
      evidence,
      data: {
        port,
        targets: targets.join(', '),
        listeners: onPort.map((l) => `${bracketed(l.address)}:${l.port}`).join(', ') || 'none',
        matched: matching.map((l) => `${bracketed(l.address)}:${l.port}`).join(', '),
      },
    }
  },
})

function covers(listener: Listener, target: string): boolean {
  if (sameAddress(listener.address, target)) return true
  return isWildcard(listener.address) && (familyOf(listener.address) ?? 'inet') === familyOf(target)
}
