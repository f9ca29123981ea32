/**
 * Collects what `rsaudit probe vip-path` judges. In a throw-away namespace (see
 * probe-namespace.ts) it routes VIP/32 via the real server's address, so the kernel sends the
 * SYN for VIP:port to the real server's MAC, exactly as a Direct Routing load balancer
 * forwards it, and connects with a time limit.
 */
import {prefixContains} from '../../facts/cidr.js'
import type {VipPathObservation} from '../../probe/vip-path-verdict.js'
import {findFreeSource} from './free-source.js'
import {interfaceState, neighbours, routeTo} from './link.js'
import {assertRoot, withProbeNamespace} from './probe-namespace.js'
import {ProbeError, runOrFail} from './run.js'
import {CONNECT_TIMEOUT_MS, connectFromNamespace} from './tcp-connect.js'

const STEP_TIMEOUT_MS = 5000

export interface VipPathRequest {
  vip: string
  realServer: string
  port: number
  interface?: string
  /** A free address on the real server's subnet to send from; found by DAD when absent. */
  source?: string
}

/** @throws {ProbeError} when not root, a tool is missing or no source address can be found. */
export async function observeVipPath(request: VipPathRequest): Promise<VipPathObservation> {
  assertRoot() // before any look-up, so a non-root run says so rather than something else
  const name = request.interface ?? (await interfaceTowards(request.realServer))
  const link = await interfaceState(name)
  const subnet = link.ipv4.find((a) => prefixContains(a.address, a.prefixLength, request.realServer))
  if (subnet === undefined) {
    throw new ProbeError(`${name} has no IPv4 subnet containing the real server ${request.realServer}; Direct Routing needs the real server on the load balancer's segment`)
  }
  const taken = new Set([request.vip, request.realServer, ...link.ipv4.map((a) => a.address)])
  if (request.source !== undefined && (taken.has(request.source) || !prefixContains(subnet.address, subnet.prefixLength, request.source))) {
    throw new ProbeError(`--source ${request.source} must be a free address in ${subnet.address}/${subnet.prefixLength}, not this host's, the VIP or the real server's`)
  }

  return withProbeNamespace(name, async (ns) => {
    const source = request.source ?? (await findFreeSource(ns, subnet, taken))
    await runOrFail('address the macvlan', ns.ip(['addr', 'add', `${source}/${subnet.prefixLength}`, 'dev', ns.link]), STEP_TIMEOUT_MS)
    await runOrFail('route the VIP via the real server', ns.ip(['route', 'add', `${request.vip}/32`, 'via', request.realServer, 'dev', ns.link]), STEP_TIMEOUT_MS)
    const outcome = await connectFromNamespace(ns, request.vip, request.port)
    const resolved = (await neighbours(ns.name)).find((n) => n.address === request.realServer)
    return {
      vip: request.vip,
      port: request.port,
      realServer: request.realServer,
      interface: name,
      source,
      realServerMac: resolved?.mac ?? null,
      outcome,
      timeoutMs: CONNECT_TIMEOUT_MS,
    }
  })
}

/** @throws {ProbeError} when the real server's address is this host's own. */
async function interfaceTowards(realServer: string): Promise<string> {
  const route = await routeTo(realServer)
  if (route.type === 'local' || route.dev === undefined) throw new ProbeError(`${realServer} is an address of this host, not a real server`)
  return route.dev
}
