/**
 * What the network actually does, measured from the client and the load balancer, with no help from
 * rsaudit: the verdicts are checked against these measurements, so they must not share code.
 */
import {inNamespace, macIn, must, run} from './exec.js'
import {ADDRESSES, HOSTS, type Host, type LabNames, NIC, PORT, VIP} from './topology.js'

export interface GroundTruth {
  /** The body of the client's HTTP request to VIP:PORT (the answering server's name), or null when it failed. */
  httpViaVip: string | null
  /** Hosts whose MAC answered the client's ARP requests for the VIP, in order of first answer. */
  arpResponders: string[]
  /** The host whose MAC the client's neighbour entry for the VIP holds after rs1 has talked to the client. */
  clientNeighbourForVip: string | null
  /** Whether the load balancer's health check, HTTP to rs1's RIP:PORT, got an answer. */
  healthCheck: boolean
}

/** Healthy means what a correct DR path gives: the VIP works, and only the load balancer owns it at layer 2. */
export function isHealthy(truth: GroundTruth): boolean {
  return truth.httpViaVip !== null && truth.arpResponders.join(',') === 'lb' && truth.clientNeighbourForVip === 'lb' && truth.healthCheck
}

export async function measureGroundTruth(names: LabNames): Promise<GroundTruth> {
  const macs = await hostMacs(names)
  const arpResponders = await arpRespondersForVip(names, macs)
  // Fresh caches on both ends so rs1 must ARP for the client while answering it, and the client's entry
  // for the VIP shows what that exchange taught it.
  await must('flush the client neighbours', ['ip', '-n', names.hosts.client, 'neigh', 'flush', 'all'])
  await must('flush rs1 neighbours', ['ip', '-n', names.hosts.rs1, 'neigh', 'flush', 'all'])
  const httpViaVip = await httpGet(names.hosts.client, VIP)
  // rs1 also talks to the client from the VIP directly, so the measurement holds when HTTP failed.
  await run(inNamespace(names.hosts.rs1, ['ping', '-c', '1', '-W', '1', '-I', VIP, ADDRESSES.client]))
  const clientNeighbourForVip = await neighbourFor(names.hosts.client, VIP, macs)
  const healthCheck = (await httpGet(names.hosts.lb, ADDRESSES.rs1)) !== null
  return {httpViaVip, arpResponders, clientNeighbourForVip, healthCheck}
}

async function hostMacs(names: LabNames): Promise<Map<string, Host>> {
  const macs = new Map<string, Host>()
  for (const host of HOSTS) macs.set(await macIn(names.hosts[host], NIC), host)
  return macs
}

/**
 * Broadcast ARP requests for the VIP from the client. `-b` keeps every request broadcast: without it
 * iputils arping unicasts to the first MAC that answered, and a second responder would go unseen.
 */
async function arpRespondersForVip(names: LabNames, macs: Map<string, Host>): Promise<string[]> {
  const {stdout} = await run(inNamespace(names.hosts.client, ['arping', '-b', '-c', '3', '-I', NIC, VIP]), 15_000)
  const responders: string[] = []
  for (const match of stdout.matchAll(/reply from \S+ \[([0-9a-f:]{17})\]/gi)) {
    const mac = match[1]!.toLowerCase()
    const name = macs.get(mac) ?? mac
    if (!responders.includes(name)) responders.push(name)
  }
  return responders
}

async function neighbourFor(ns: string, address: string, macs: Map<string, Host>): Promise<string | null> {
  const entries = JSON.parse(await must(`read neighbours in ${ns}`, ['ip', '-n', ns, '-j', 'neigh', 'show', address])) as Array<{lladdr?: string}>
  const mac = entries[0]?.lladdr?.toLowerCase()
  return mac === undefined ? null : (macs.get(mac) ?? mac)
}

async function httpGet(ns: string, address: string): Promise<string | null> {
  const {stdout, exitCode} = await run(inNamespace(ns, ['curl', '-sS', '--max-time', '3', `http://${address}:${PORT}/`]), 10_000)
  return exitCode === 0 ? stdout.trim() : null
}
