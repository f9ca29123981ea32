/**
 * No proxy NDP entry exposes an IPv6 VIP (V6-02). Linux answers Neighbour Solicitations only
 * for addresses on the receiving interface (§0.6), so an IPv6 VIP on lo is safe, unless a proxy
 * entry makes the kernel answer for it anyway. net/ipv6/ndisc.c ndisc_recv_ns() answers for a
 * proxy entry when the receiving interface forwards and proxy_ndp is on in `all` OR on that
 * interface; an entry without both is dormant and reported, not failed.
 */
import {sameAddress} from '../../facts/cidr.js'
import type {Ipv6Conf, ProxyNeighbour} from '../../facts/linux-mode-model.js'
import {defineCheck, NO_OPTIONS, type NoOptions, unknown} from './define-check.js'
import {readHint} from './evidence.js'

export const ipv6ProxyNdp = defineCheck<NoOptions>({
  name: 'ipv6-proxy-ndp',
  subjects: ['host'],
  facts: ['ipv6Conf', 'proxyNeighbours'],
  optionsSchema: NO_OPTIONS,
  evaluate(_subject, _options, {facts, inputs}) {
    if (facts.ipv6Conf?.status !== 'ok' || facts.proxyNeighbours?.status !== 'ok') return unknown('IPv6 sysctls or proxy entries could not be read')
    const conf = facts.ipv6Conf.value
    const vips = inputs.vips.filter((vip) => vip.family === 'inet6').map((vip) => vip.address)
    const matching = facts.proxyNeighbours.value.filter((entry) => entry.family === 'inet6' && vips.some((vip) => sameAddress(vip, entry.address)))
    const evidence = matching.map((entry) => ({fact: 'proxy NDP entry', value: describe(entry), source: facts.proxyNeighbours?.source ?? ''}))
    const judged = matching.map((entry) => ({entry, answers: answers(conf, entry)}))
    const unreadable = judged.find((j) => j.answers === undefined)
    if (unreadable) return unknown(`could not read proxy_ndp and forwarding for ${unreadable.entry.dev ?? 'all'} under ${facts.ipv6Conf.source}${readHint(facts.privileged)}`, evidence)
    const active = judged.find((j) => j.answers === true)?.entry
    const dormant = judged.filter((j) => j.answers === false).map((j) => describe(j.entry))
    return {
      outcome: active === undefined ? 'pass' : 'fail',
      evidence: evidence.length > 0 ? evidence : [{fact: 'proxy NDP entries for an IPv6 VIP', value: 'none', source: facts.proxyNeighbours.source}],
      data: {
        summary: vips.length === 0 ? 'no VIP is IPv6' : dormant.length > 0 ? `only dormant entries (${dormant.join('; ')}): proxy_ndp or forwarding is off there` : `no proxy entry names ${vips.join(', ')}`,
        vip: active?.address,
        device: active?.dev,
        entry: active === undefined ? undefined : describe(active),
      },
    }
  },
})

/** Whether the kernel answers for this entry now; undefined when a value it depends on is unreadable. */
function answers(conf: Ipv6Conf, entry: ProxyNeighbour): boolean | undefined {
  const all = conf.all?.proxy_ndp
  // An entry bound to no device is matched on every interface: judge it by `all` alone.
  if (entry.dev === undefined) return all === undefined ? undefined : all === 1
  const own = conf[entry.dev]
  if (all === undefined || own?.proxy_ndp === undefined || own.forwarding === undefined) return undefined
  return own.forwarding !== 0 && (all !== 0 || own.proxy_ndp !== 0)
}

function describe(entry: ProxyNeighbour): string {
  return `${entry.address}${entry.dev ? ` dev ${entry.dev}` : ''} proxy`
}
