/**
 * A VIP on loopback must be a host prefix (/32, /128). Linux turns an address on lo with a
 * shorter prefix into a local route for the whole prefix (fib_frontend.c), so the server
 * treats its gateway and neighbours as itself. The local table is checked too, because a
 * second address on lo can cover the VIP even when the VIP itself is /32.
 *
 * Windows 2008 and later want 255.255.255.255 as well; Windows 2000/2003 want the network's
 * own mask on the loopback adapter (the vendor manual's instruction for those versions), so a
 * rule can name the NT version before which the network's mask is expected.
 */
import type {JSONSchemaType} from 'ajv'

import {hostPrefixLength, prefixContains, prefixToMask} from '../../facts/cidr.js'
import type {Fact, HostFacts, NetInterface, Route} from '../../facts/model.js'
import {parsePrefix} from '../../parse/ip-address.js'
import {locateVip, type VipPlacement} from '../../facts/vip-location.js'
import type {Evidence, Vip} from '../types.js'
import {TUN_DEVICE} from '../vips.js'
import {compareVersions} from '../applicability.js'
import {defineCheck, unknown} from './define-check.js'
import {addressEvidence} from './evidence.js'
import {vipData} from './vip-data.js'

interface Options {
  /** NT version (e.g. "6.0") before which a Windows loopback takes the network's mask instead. */
  networkMaskOnWindowsBefore?: string
}

const optionsSchema: JSONSchemaType<Options> = {
  type: 'object',
  additionalProperties: false,
  properties: {networkMaskOnWindowsBefore: {type: 'string', nullable: true, pattern: '^[0-9]+(\\.[0-9]+)*$'}},
}

export const vipHostPrefix = defineCheck<Options>({
  name: 'vip-host-prefix',
  subjects: ['vips'],
  // Routes too where the host has them (Linux, Windows); see coveringRoute.
  facts: ['interfaces'],
  optionsSchema,
  evaluate(subject, options, {facts, inputs}) {
    const routes = coveringCandidates(facts)
    if (subject.kind !== 'vip' || facts.interfaces.status !== 'ok' || routes.status !== 'ok') {
      return unknown(routes.status === 'ok' ? 'interfaces could not be read' : `routes could not be read: ${routes.detail}`)
    }

    const {vip} = subject
    // In TUN mode the VIP may sit on tunl0 instead, where a wider prefix routes the whole subnet into the tunnel.
    const tun = inputs.mode === 'tun'
    const onLoopback = locateVip(facts.interfaces.value, vip.address).filter((p) => p.nic.loopback || (tun && p.nic.name === TUN_DEVICE))
    const first = onLoopback[0]
    if (first === undefined) {
      const where = tun ? 'loopback or tunl0 (see tun-vip)' : 'a loopback interface (see vip-on-loopback)'
      return {outcome: 'not-applicable', evidence: [], data: vipData(vip), reason: `${vip.address} is not on ${where}`}
    }

    const host = expectedPrefix(vip.address, hostPrefixLength(vip.family), facts.interfaces.value, legacyWindows(facts.windowsOs, options))
    const wide = onLoopback.find((p) => p.address.prefixLength !== host)
    const covering = routes.value.find((route) => coversVip(route, vip.address, host))
    const evidence: Evidence[] = onLoopback.map((p) => addressEvidence(p.nic, p.cidr, p.address.scope, facts.interfaces.source))
    if (covering) evidence.push(routeEvidence(covering, routes.source))
    const coveringAddress = covering && addressBehind(covering, facts.interfaces.value)
    return {
      outcome: wide === undefined && covering === undefined ? 'pass' : 'fail',
      evidence,
      data: {
        ...vipData(vip),
        device: (wide ?? first).nic.name,
        deviceIndex: (wide ?? first).nic.index,
        wideCidr: wide?.cidr,
        coveringRoute: covering?.destination,
        coveringAddress: coveringAddress !== wide?.cidr ? coveringAddress : undefined,
        expectedPrefix: host,
        expectedCidr: `${vip.address}/${host}`,
        expectedMask: vip.family === 'inet' ? prefixToMask(host) : undefined,
        problem: problem(facts, wide, covering, host),
        ...unixHostPrefixFix(facts, vip, wide !== undefined, coveringAddress !== wide?.cidr ? coveringAddress : undefined),
      },
    }
  },
})

/**
 * BSD and Solaris commands name the VIP and the covering address by family and without a prefix.
 * The VIP is named only when its own prefix is wrong, and on Solaris 11 through its ipadm object
 * when it has one (that change also persists).
 */
function unixHostPrefixFix(facts: HostFacts, vip: Vip, wide: boolean, covering: string | undefined): Record<string, string | undefined> {
  const platform = facts.os.status === 'ok' ? facts.os.value.platform : undefined
  if (platform !== 'solaris' && platform !== 'freebsd' && platform !== 'darwin') return {}
  const coveringIp = covering?.split('/')[0]
  const persisted = facts.persistedAddresses.status === 'ok' ? facts.persistedAddresses.value : []
  const addrobj = platform === 'solaris' ? persisted.find((e) => e.mechanism === 'ipadm' && e.address === vip.address)?.key : undefined
  return {
    ...(!wide ? {} : addrobj !== undefined ? {vipAddrobj: addrobj} : vip.family === 'inet' ? {vip4: vip.address} : {vip6: vip.address}),
    ...(coveringIp === undefined ? {} : coveringIp.includes(':') ? {coveringIp6: coveringIp} : {coveringIp4: coveringIp}),
  }
}

function problem(facts: HostFacts, wide: VipPlacement | undefined, covering: Route | undefined, host: number): string {
  if (wide && !wide.nic.loopback) return `is configured as ${wide.cidr} on ${wide.nic.name}, so all of ${wide.cidr} is routed into the tunnel`
  if (wide && facts.windowsOs !== undefined) return `is configured as ${wide.cidr} on ${wide.nic.name}, but this Windows version needs /${host}`
  if (wide && facts.routes.status !== 'ok') return `is configured as ${wide.cidr} on ${wide.nic.name}, not as a host address (/${host}, netmask ${host === 32 ? '0xffffffff' : '/128'})`
  if (wide) return `is configured as ${wide.cidr} on ${wide.nic.name}, so the kernel treats all of ${covering?.destination ?? wide.cidr} as local`
  if (covering?.table === 'ifconfig') return `is /${host}, but ${covering.destination} on ${covering.dev ?? 'loopback'} covers it, so that whole prefix is local`
  return `is /${host}, but the local route ${covering?.destination ?? ''} through ${covering?.dev ?? 'lo'} covers it`
}

/**
 * What may cover the VIP with a wider local prefix: the local routes where the host's routes are
 * read. Solaris and the BSDs have no routes fact; there the loopback addresses themselves stand in
 * (an address on lo0 with a shorter prefix makes that prefix local the same way).
 */
function coveringCandidates(facts: HostFacts): Fact<Route[]> {
  const platform = facts.os.status === 'ok' ? facts.os.value.platform : 'linux'
  if (facts.routes.status === 'ok' || !['solaris', 'freebsd', 'darwin'].includes(platform) || facts.interfaces.status !== 'ok') return facts.routes
  const routes = facts.interfaces.value
    .filter((nic) => nic.loopback)
    .flatMap((nic) => nic.addresses.map((a) => ({destination: `${a.address}/${a.prefixLength}`, family: a.family, table: 'ifconfig', type: 'local', dev: nic.name})))
  return {status: 'ok', value: routes, source: facts.interfaces.source}
}

/** On a legacy Windows host, the prefix of the LAN subnet that contains the VIP; else the host prefix. */
function expectedPrefix(vip: string, host: number, interfaces: readonly NetInterface[], legacy: boolean): number {
  if (!legacy) return host
  const lan = interfaces.flatMap((nic) => (nic.loopback ? [] : nic.addresses)).find((a) => a.prefixLength < host && prefixContains(a.address, a.prefixLength, vip))
  return lan?.prefixLength ?? host
}

function legacyWindows(os: HostFacts['windowsOs'], options: Options): boolean {
  return os?.status === 'ok' && options.networkMaskOnWindowsBefore !== undefined && compareVersions(os.value.version, options.networkMaskOnWindowsBefore) < 0
}

/** A local route through loopback, shorter than a host route, containing the VIP; 127.0.0.0/8 and ::1 are normal. */
function coversVip(route: Route, vip: string, host: number): boolean {
  if (route.type !== 'local' || route.dev === undefined || !route.dev.startsWith('lo')) return false
  const prefix = parsePrefix(route.destination)
  if (prefix === undefined || prefix.prefixLength >= host) return false
  if (prefixContains('127.0.0.0', 8, prefix.address)) return false
  return prefixContains(prefix.address, prefix.prefixLength, vip)
}

/** The loopback address whose prefix created the route, so the fix can remove it. */
function addressBehind(route: Route, interfaces: readonly NetInterface[]): string | undefined {
  const prefix = parsePrefix(route.destination)
  if (prefix === undefined) return undefined
  for (const nic of interfaces.filter((n) => n.loopback)) {
    for (const address of nic.addresses) {
      if (address.prefixLength === prefix.prefixLength && prefixContains(prefix.address, prefix.prefixLength, address.address)) {
        return `${address.address}/${address.prefixLength}`
      }
    }
  }

  return undefined
}

function routeEvidence(route: Route, source: string): Evidence {
  if (route.table === 'ifconfig') return {fact: `wider address on ${route.dev ?? 'loopback'}`, value: route.destination, source}
  return {fact: `local route in table ${route.table}`, value: `${route.type} ${route.destination} dev ${route.dev ?? '?'}`, source}
}

