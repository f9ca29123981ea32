/**
 * The verdict of `rsaudit probe arp`: who answers ARP for the VIP, and whether that is a
 * problem. In Direct Routing only the load balancer may answer; a real server that answers
 * (arp_ignore/arp_announce not set, or the VIP on a NIC) steals the VIP's traffic.
 *
 * Pure: the collector gives the MACs that answered and what it knows about the real servers.
 */

export interface ArpResponder {
  mac: string
  /** The --real-server address whose MAC this is, or null when it is none of them. */
  realServer: string | null
}

export interface ArpProbeResult {
  vip: string
  interface: string
  responders: ArpResponder[]
  /**
   * This host holds the VIP on the probe interface (run on the load balancer). It answers other
   * hosts' requests but never its own, so it is not among the responders; it counts as one.
   */
  heldLocally: {mac: string} | null
  /**
   * With --port: the MAC a fresh host's neighbour entry for the VIP held after a connection to
   * VIP:port. A real server with arp_announce=0 puts its own MAC there (it ARPs with the VIP as
   * sender) even though it answers no ARP request. Null when not checked.
   */
  announcement: {port: number; mac: string | null; realServer: string | null} | null
  problem: boolean
  message: string
}

export interface ArpObservation {
  vip: string
  interface: string
  /** Distinct MACs that answered, in the order they first answered. */
  macs: readonly string[]
  /** MAC → the --real-server addresses that resolved to it. */
  realServerMacs: ReadonlyMap<string, readonly string[]>
  /** The probe interface's MAC when it carries the VIP itself. */
  localMac: string | null
  expectMac: string | null
  /** The neighbour entry for the VIP after a connection to VIP:port (--port); null when not checked. */
  announcement: {port: number; mac: string | null} | null
}

export function arpVerdict(observation: ArpObservation): ArpProbeResult {
  const {vip, macs, localMac, expectMac} = observation
  const nameOf = (mac: string): string | null => observation.realServerMacs.get(mac)?.[0] ?? null
  const responders = macs.map((mac) => ({mac, realServer: nameOf(mac)}))
  const {announcement} = observation
  const result = (problem: boolean, message: string): ArpProbeResult => ({
    vip,
    interface: observation.interface,
    responders,
    heldLocally: localMac === null ? null : {mac: localMac},
    announcement: announcement && {...announcement, realServer: announcement.mac === null ? null : nameOf(announcement.mac)},
    problem,
    message,
  })
  const owners = [...(localMac === null ? [] : [localMac]), ...macs]
  const on = `on ${observation.interface}`

  if (owners.length === 0) {
    return result(true, `No host answered ARP for ${vip} ${on}: the VIP is not up on this segment (is the load balancer holding it?).`)
  }
  if (owners.length > 1) {
    const listed = responders.map(describe).join(', ')
    const who = localMac === null ? `${macs.length} MACs answer ARP for ${vip} ${on}` : `This host (${localMac}) holds ${vip}, yet ${macs.length} other host(s) answer ARP for it ${on}`
    return result(
      true,
      `${who}: ${listed}. Only the load balancer may answer; a real server that answers needs arp_ignore=1, arp_announce=2 ` +
        'and the VIP on lo (run `rsaudit audit` on it).',
    )
  }
  const [owner = ''] = owners
  const who = localMac === null ? describe(responders[0] ?? {mac: owner, realServer: null}) : `this host (${owner})`
  if (expectMac !== null && owner !== expectMac) {
    return result(true, `${vip} is answered ${on} by ${who}, not by the expected ${expectMac}.`)
  }
  const announcer = announcement?.mac
  if (announcer !== undefined && announcer !== null && announcer !== owner) {
    const named = describe({mac: announcer, realServer: nameOf(announcer)})
    return result(
      true,
      `Only ${who} answers ARP for ${vip} ${on}, but after a connection to ${vip}:${announcement?.port} this segment's neighbour entry for ${vip} ` +
        `points at ${named}: it sends ARP requests with the VIP as sender address, which re-points every host that hears them. ` +
        'It needs arp_announce=2 (run `rsaudit audit` on it).',
    )
  }
  const checked = announcement === null ? '' : `; no host announced itself as ${vip} while serving port ${announcement.port}`
  return result(false, `Only ${who} answers ARP for ${vip} ${on}${expectMac === null ? '' : ', as expected'}${checked}.`)
}

function describe(responder: ArpResponder): string {
  return responder.realServer === null ? responder.mac : `${responder.mac} (real server ${responder.realServer})`
}

/** 0 exactly one owner (the expected one, when given); 1 none, several or the wrong one. */
export function arpExitCode(result: Pick<ArpProbeResult, 'problem'>): 0 | 1 {
  return result.problem ? 1 : 0
}
