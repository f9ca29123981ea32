/**
 * Collects what `rsaudit probe vip-path` judges. In a throw-away namespace (see
 * probe-namespace.ts) it routes VIP/32 via the real server's address, so the kernel sends the
 * SYN for VIP:port to the real server's MAC, exactly as a Direct Routing load balancer
 * forwards it, and connects with a time limit.
 */
import {respondingMacs} from '../../parse/arping.js'
import {prefixContains} from '../../facts/cidr.js'
import {freeAddressCandidates, type Ipv4Address} from '../../probe/source-address.js'
import type {ConnectOutcome, VipPathObservation} from '../../probe/vip-path-verdict.js'
import {detectArping, runArping} from './arping.js'
import {interfaceState, neighbours, routeTo} from './link.js'
import {assertRoot, type ProbeNamespace, withProbeNamespace} from './probe-namespace.js'
import {ProbeError, runOrFail, runProgram} from './run.js'

const STEP_TIMEOUT_MS = 5000
export const CONNECT_TIMEOUT_MS = 3000
/** Candidate source addresses tried by duplicate address detection, about 2 s each. */
const SOURCE_ATTEMPTS = 4

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
    const outcome = await connect(ns, request.vip, request.port)
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

/**
 * The first candidate nobody answers ARP for. Duplicate address detection runs from the
 * macvlan before it has an address, so the probe claims nothing while it looks.
 */
async function findFreeSource(ns: ProbeNamespace, subnet: Ipv4Address, taken: Set<string>): Promise<string> {
  const flavor = await detectArping().catch((error: unknown) => {
    throw new ProbeError(`${(error as Error).message}; arping finds a free source address, or give one with --source`)
  })
  for (const neighbour of await neighbours()) taken.add(neighbour.address)
  for (const candidate of freeAddressCandidates(subnet, taken, SOURCE_ATTEMPTS)) {
    const answer = await runArping(flavor, {target: candidate, interface: ns.link, count: 2, dad: true}, ns.exec)
    if (respondingMacs(answer).length === 0) return candidate
  }
  throw new ProbeError(`found no free address in ${subnet.address}/${subnet.prefixLength} to send from; give one with --source`)
}

/**
 * Connects from inside the namespace with a small node program (node is the one runtime known
 * to be present) and reads its verdict from stdout. Once connected it closes politely (reads
 * what the server sends, then FIN) rather than resetting: the server is a production one, and a
 * reset can make it log errors (or, in a careless one, crash).
 */
const CONNECT_SCRIPT = `
  const [host, port, timeout] = process.argv.slice(1)
  const done = (result) => { process.stdout.write(JSON.stringify(result) + '\\n'); process.exit(0) }
  const socket = require('node:net').connect({host, port: Number(port)})
  socket.setTimeout(Number(timeout), () => done({connected: false, code: 'ETIMEDOUT', detail: 'no answer within ' + timeout + ' ms'}))
  socket.on('connect', () => {
    socket.setTimeout(0)
    socket.on('close', () => done({connected: true})).resume().end()
    setTimeout(() => done({connected: true}), 1000)
  })
  socket.on('error', (e) => done({connected: false, code: e.code || 'ERROR', detail: e.message}))`

async function connect(ns: ProbeNamespace, vip: string, port: number): Promise<ConnectOutcome> {
  const argv: [string, ...string[]] = [...(ns.exec as [string, ...string[]]), process.execPath, '-e', CONNECT_SCRIPT, vip, String(port), String(CONNECT_TIMEOUT_MS)]
  const capture = await runProgram('connect', argv, CONNECT_TIMEOUT_MS + STEP_TIMEOUT_MS)
  try {
    return JSON.parse(capture.stdout) as ConnectOutcome
  } catch {
    throw new ProbeError(`the connection attempt did not report: ${capture.failure?.detail ?? capture.stderr.trim()}`)
  }
}
