/**
 * Gathers what `rsaudit probe arp` judges: the MACs that answer ARP for the VIP on one
 * interface, this host's own claim to the VIP, and the MACs of the named real servers.
 */
import {respondingMacs} from '../../parse/arping.js'
import type {ArpObservation} from '../../probe/arp-verdict.js'
import {arpSource} from '../../probe/source-address.js'
import {observeAnnouncement} from './arp-announce.js'
import {detectArping, runArping} from './arping.js'
import {interfacesHolding, interfaceState, routeTo} from './link.js'
import {ProbeError} from './run.js'

/** Requests per real server when resolving its MAC: two, so one lost frame does not matter. */
const REAL_SERVER_COUNT = 2

export interface ArpProbeRequest {
  vip: string
  interface?: string
  count: number
  realServers: readonly string[]
  /** With a port, also check who announces itself as the VIP while serving a connection (arp-announce.ts). */
  port?: number
  /** Sender address for that connection; a free one is found by DAD when absent. */
  source?: string
}

/** @throws {ProbeError} when arping or ip is unusable or no interface/source can be found. */
export async function observeArp(request: ArpProbeRequest): Promise<Omit<ArpObservation, 'expectMac'>> {
  const flavor = await detectArping()
  const name = request.interface ?? (await interfaceTowards(request.vip))
  const link = await interfaceState(name)
  const source = arpSource(link.ipv4, request.vip)
  if (source === undefined) throw new ProbeError(`${name} has no IPv4 address other than the VIP to send ARP requests from`)
  const ask = (target: string, count: number): Promise<string[]> =>
    runArping(flavor, {target, interface: name, count, source: source.address}).then(respondingMacs)

  // Concurrent: each arping keeps only the replies for its own target, and each run takes `count` seconds.
  const [macs = [], ...perServer] = await Promise.all([ask(request.vip, request.count), ...request.realServers.map((rip) => ask(rip, REAL_SERVER_COUNT))])
  const realServerMacs = new Map<string, string[]>()
  request.realServers.forEach((rip, index) => {
    for (const mac of perServer[index] ?? []) realServerMacs.set(mac, [...(realServerMacs.get(mac) ?? []), rip])
  })
  const heldHere = link.ipv4.some((a) => a.address === request.vip)
  if (request.port !== undefined && heldHere) {
    // A macvlan cannot reach its lower device's own addresses, so the connection could not be made.
    throw new ProbeError(`--port needs a host other than the one holding ${request.vip}: run it from a client on the segment`)
  }
  const announcement = request.port === undefined ? null : await observeAnnouncement(link, request.vip, request.port, request.source)
  return {vip: request.vip, interface: name, macs, realServerMacs, localMac: heldHere ? link.mac : null, announcement: announcement && {port: announcement.port, mac: announcement.mac}}
}

/**
 * The interface the VIP is reached through. On a load balancer the VIP is local (the route
 * lookup says `local ... dev lo`), so the interface that carries it is the answer instead.
 * @throws {ProbeError} when that is ambiguous.
 */
async function interfaceTowards(vip: string): Promise<string> {
  const route = await routeTo(vip)
  if (route.type !== 'local' && route.dev !== undefined) return route.dev
  const holders = (await interfacesHolding(vip)).filter((name) => name !== 'lo')
  if (holders.length === 1 && holders[0] !== undefined) return holders[0]
  throw new ProbeError(`cannot tell which interface to probe ${vip} on (it is local to this host${holders.length > 1 ? ` on ${holders.join(', ')}` : ' on lo'}): give --interface`)
}
