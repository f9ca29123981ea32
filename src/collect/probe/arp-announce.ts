/**
 * The half of the ARP problem that ARP requests cannot show. A real server with arp_announce=0
 * answers no request for the VIP, but when it answers a client from the VIP and has to resolve
 * the client, it sends an ARP request with the VIP as SENDER address. Every host that hears it
 * re-points its neighbour entry for the VIP at that real server (Linux updates the entry of
 * the sender of a request addressed to it).
 *
 * So: from a throw-away namespace with its own MAC and a free address (nothing the real servers
 * have cached), connect to VIP:port the normal way, through whichever host answers ARP for the
 * VIP, then read that namespace's neighbour entry for the VIP. Anything but the MAC that
 * answered ARP means some host announced itself as the VIP.
 */
import {prefixContains} from '../../facts/cidr.js'
import {findFreeSource} from './free-source.js'
import type {InterfaceState} from './link.js'
import {neighbours} from './link.js'
import {withProbeNamespace} from './probe-namespace.js'
import {ProbeError, runOrFail} from './run.js'
import {connectFromNamespace} from './tcp-connect.js'

const STEP_TIMEOUT_MS = 5000
/** The real server's ARP request follows its SYN-ACK or reset within milliseconds; this is generous. */
const SETTLE_MS = 300

export interface AnnouncementObservation {
  port: number
  /** The MAC the namespace's neighbour entry for the VIP holds after the connection; null when none. */
  mac: string | null
  source: string
}

/** @throws {ProbeError} when not root, or no source address can be found. */
export async function observeAnnouncement(link: InterfaceState, vip: string, port: number, source?: string): Promise<AnnouncementObservation> {
  const subnet = link.ipv4.find((a) => prefixContains(a.address, a.prefixLength, vip)) ?? link.ipv4.find((a) => a.address !== vip)
  if (subnet === undefined) throw new ProbeError(`${link.name} has no IPv4 address to find a probe address near`)
  return withProbeNamespace(link.name, async (ns) => {
    const from = source ?? (await findFreeSource(ns, subnet, new Set([vip, ...link.ipv4.map((a) => a.address)])))
    await runOrFail('address the macvlan', ns.ip(['addr', 'add', `${from}/${subnet.prefixLength}`, 'dev', ns.link]), STEP_TIMEOUT_MS)
    // On-link, as for any host on the VIP's segment: the namespace itself ARPs for the VIP.
    await runOrFail('route the VIP on-link', ns.ip(['route', 'add', `${vip}/32`, 'dev', ns.link]), STEP_TIMEOUT_MS)
    await connectFromNamespace(ns, vip, port)
    await new Promise((resolve) => setTimeout(resolve, SETTLE_MS))
    const entry = (await neighbours(ns.name)).find((n) => n.address === vip)
    return {port, mac: entry?.mac ?? null, source: from}
  }, 'probe arp --port')
}
