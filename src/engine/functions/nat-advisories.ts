/**
 * NAT mode consequences (LNX-NAT-03, WIN-NAT-01) that depend on the load balancer's own
 * configuration, which this server cannot see. Each passes only when the server's own state
 * shows the consequence cannot arise. Outbound internet through the load balancer stays
 * unknown (Auto-NAT is invisible from here); services outside --port are a real finding, and
 * the message says what must be checked on the load balancer. Both are severity info, which
 * the default --fail-on and the exit status ignore.
 */
import {isWildcard, prefixContains, sameAddress} from '../../facts/cidr.js'
import {describeRoute, preferredDefault} from '../../facts/default-routes.js'
import {familyOf} from '../../parse/ip-address.js'
import {defineCheck, NO_OPTIONS, type NoOptions, unknown} from './define-check.js'

export const natOutboundInternet = defineCheck<NoOptions>({
  name: 'nat-outbound-internet',
  subjects: ['host'],
  facts: ['routes'],
  optionsSchema: NO_OPTIONS,
  evaluate(_subject, _options, {facts, inputs}) {
    if (facts.routes.status !== 'ok') return unknown('routes could not be read')
    const route = preferredDefault(facts.routes.value, 'inet')
    const evidence = [{fact: 'default route', value: route === undefined ? 'none' : describeRoute(route), source: facts.routes.source}]
    if (route === undefined) return {outcome: 'fail', evidence, data: {problem: 'there is no IPv4 default route, so this server cannot reach the internet at all'}}
    const viaLoadBalancer = inputs.gateway !== undefined && route.gateway !== undefined && sameAddress(route.gateway, inputs.gateway)
    if (inputs.gateway !== undefined && !viaLoadBalancer) {
      return {outcome: 'pass', evidence, data: {via: describeRoute(route)}}
    }

    const through = inputs.gateway === undefined ? `its default gateway (${route.gateway ?? route.dev ?? 'unknown'}), which is the load balancer in NAT mode` : `the load balancer (${inputs.gateway})`
    return unknown(
      `outbound connections leave through ${through}; they reach the internet only if it masquerades them (Loadbalancer.org: Auto-NAT), which cannot be seen from this server. Check the load balancer, or try: curl -m5 -sI https://example.com`,
      evidence,
    )
  },
})

export const natDirectServices = defineCheck<NoOptions>({
  name: 'nat-direct-services',
  subjects: ['host'],
  facts: ['listeners'],
  optionsSchema: NO_OPTIONS,
  evaluate(_subject, _options, {facts, inputs}) {
    if (facts.listeners.status !== 'ok') return unknown('listeners could not be read')
    const direct = facts.listeners.value.filter((l) => !inputs.ports.includes(l.port) && !isHostLocal(l.address))
    const ports = [...new Set(direct.map((l) => l.port))].sort((a, b) => a - b)
    const evidence = direct.map((l) => ({fact: 'listener', value: `${l.address}:${l.port}${l.process ? ` (${l.process})` : ''}`, source: facts.listeners.source}))
    if (ports.length === 0) return {outcome: 'pass', evidence: [{fact: 'listeners outside --port', value: 'none', source: facts.listeners.source}], data: {ports: inputs.ports.join(', ')}}
    // A finding, not a guess: these services exist. Whether the load balancer covers them is
    // what cannot be seen, and the message says so; severity info keeps it out of the exit status.
    return {outcome: 'fail', evidence, data: {direct: ports.join(', '), verb: ports.length === 1 ? 'is' : 'are'}}
  },
})

/** 127.0.0.0/8 and ::1: reachable from this host only, so never a direct service. */
function isHostLocal(address: string): boolean {
  if (isWildcard(address)) return false
  return familyOf(address) === 'inet' ? prefixContains('127.0.0.0', 8, address) : sameAddress(address, '::1')
}
