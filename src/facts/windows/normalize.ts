/**
 * Windows facts in the common shape the shared rules read (vip-on-loopback, vip-host-prefix,
 * vip-not-on-arp-interface, the listener rules): adapters and their addresses become
 * NetInterfaces, with loopback adapters marked as loopback and as not doing ARP.
 */
import {parseNetshIpConfig} from '../../parse/windows/netsh-addresses.js'
import type {Fact, InterfaceAddress, NetInterface, Route} from '../model.js'
import type {WinAdapter, WinAddress, WinIpInterface, WinRoute} from '../windows-model.js'
import {adapterFor, isLoopbackAdapter, isLoopbackPseudoInterface, sameAlias} from './vip-adapter.js'

export function interfacesFromWindows(adapters: readonly WinAdapter[], addresses: readonly WinAddress[]): NetInterface[] {
  const named: WinAdapter[] = [...adapters]
  // Some interfaces have addresses but no adapter (the loopback pseudo-interface, tunnels).
  for (const address of addresses) if (adapterFor(named, address) === undefined) named.push({alias: address.alias, ...(address.index === undefined ? {} : {index: address.index})})
  return named.map((adapter) => {
    const loopback = isLoopbackAdapter(adapter) || isLoopbackPseudoInterface(adapter.alias)
    const own = addresses.filter((a) => (adapter.index !== undefined && a.index === adapter.index) || sameAlias(a.alias, adapter.alias))
    return {
      name: adapter.alias,
      ...(adapter.index === undefined ? {} : {index: adapter.index}),
      flags: [],
      // Without a status (older sources) an adapter with addresses is taken as up.
      up: adapter.status === undefined || adapter.status === 'up' || adapter.status === 'unknown',
      loopback,
      noArp: loopback,
      addresses: own.map(toInterfaceAddress),
    }
  })
}

function toInterfaceAddress(address: WinAddress): InterfaceAddress {
  const scope = /^(127\.|::1$)/.test(address.address) ? 'host' : /^(fe80:|169\.254\.)/i.test(address.address) ? 'link' : 'global'
  return {family: address.family, address: address.address, prefixLength: address.prefixLength, scope}
}

/** The shared rules read NetInterfaces: adapters with their addresses, loopback adapters marked. */
export function commonInterfaces(adapters: Fact<WinAdapter[]>, addresses: Fact<WinAddress[]>): Fact<NetInterface[]> {
  if (adapters.status !== 'ok') return adapters
  if (addresses.status !== 'ok') return addresses
  const source = adapters.source === addresses.source ? adapters.source : `${adapters.source}; ${addresses.source}`
  return {status: 'ok', value: interfacesFromWindows(adapters.value, addresses.value), source}
}

/** Windows routes as the shared Route shape (all in the main table, unicast). */
export function commonRoutes(routes: Fact<WinRoute[]>): Fact<Route[]> {
  if (routes.status !== 'ok') return routes
  const value = routes.value.map((r): Route => ({destination: r.destination, family: r.family, table: 'main', type: 'unicast', ...(r.nextHop ? {gateway: r.nextHop} : {}), ...(r.alias ? {dev: r.alias} : {})}))
  return {...routes, value}
}

/** Windows 2000/2003 have no `netsh interface ipv4`; `netsh interface ip show config` still shows each metric. */
export function metricsFromIpConfig(text: string): WinIpInterface[] {
  return parseNetshIpConfig(text).map((config) => ({alias: config.alias, family: 'inet' as const, ...(config.interfaceMetric === undefined ? {} : {interfaceMetric: config.interfaceMetric})}))
}
