/**
 * What the probes need to know about this host's interfaces, read with iproute2's JSON output:
 * which interface leads to an address, an interface's MAC and IPv4 addresses, and the ARP cache.
 */
import type {Route} from '../../facts/model.js'
import {parseIpAddrJson} from '../../parse/ip-addr-json.js'
import {parseIpLinkMacs} from '../../parse/ip-link-json.js'
import {type Neighbour, parseIpNeighJson} from '../../parse/ip-neigh-json.js'
import {parseIpRouteJson} from '../../parse/ip-route-json.js'
import {ProbeError, runOrFail} from './run.js'

const TIMEOUT_MS = 5000

export interface InterfaceState {
  name: string
  mac: string | null
  /** IPv4 addresses with their prefix length, primary first (as iproute2 lists them). */
  ipv4: Array<{address: string; prefixLength: number}>
}

/** The route this host would use for `address` (`ip route get`). @throws {ProbeError} */
export async function routeTo(address: string): Promise<Route> {
  const [route] = parseIpRouteJson(await runOrFail(`find the route to ${address}`, ['ip', '-j', 'route', 'get', address], TIMEOUT_MS))
  if (route === undefined) throw new ProbeError(`ip route get ${address} returned no route`)
  return route
}

/** @throws {ProbeError} when the interface does not exist. */
export async function interfaceState(name: string): Promise<InterfaceState> {
  const text = await runOrFail(`read interface ${name}`, ['ip', '-j', 'addr', 'show', 'dev', name], TIMEOUT_MS)
  const [link] = parseIpAddrJson(text)
  if (link === undefined) throw new ProbeError(`interface ${name} does not exist`)
  return {
    name,
    mac: parseIpLinkMacs(text)[0]?.mac ?? null,
    ipv4: link.addresses.filter((a) => a.family === 'inet').map((a) => ({address: a.address, prefixLength: a.prefixLength})),
  }
}

/** Every interface that carries `address` (`ip -j addr show`). @throws {ProbeError} */
export async function interfacesHolding(address: string): Promise<string[]> {
  const links = parseIpAddrJson(await runOrFail('list addresses', ['ip', '-j', 'addr', 'show'], TIMEOUT_MS))
  return links.filter((link) => link.addresses.some((a) => a.address === address)).map((link) => link.name)
}

/** The ARP/NDP cache, optionally of one namespace (`ip -n NAME`). @throws {ProbeError} */
export async function neighbours(namespace?: string): Promise<Neighbour[]> {
  const ns = namespace === undefined ? [] : ['-n', namespace]
  return parseIpNeighJson(await runOrFail('read the neighbour table', ['ip', ...ns, '-j', 'neigh', 'show'], TIMEOUT_MS))
}
