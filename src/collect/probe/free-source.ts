/**
 * A free address for a probe namespace's macvlan to send from, on the segment of the interface
 * it sits on: the real server answering a probe ARPs for the sender, so the sender must be on
 * that segment, and it must not be this host's own address (see src/probe/source-address.ts).
 */
import {respondingMacs} from '../../parse/arping.js'
import {freeAddressCandidates, type Ipv4Address} from '../../probe/source-address.js'
import {detectArping, runArping} from './arping.js'
import {neighbours} from './link.js'
import type {ProbeNamespace} from './probe-namespace.js'
import {ProbeError} from './run.js'

/** Candidate source addresses tried by duplicate address detection, about 2 s each. */
const SOURCE_ATTEMPTS = 4

/**
 * The first candidate nobody answers ARP for. Duplicate address detection runs from the
 * macvlan before it has an address, so the probe claims nothing while it looks.
 */
export async function findFreeSource(ns: ProbeNamespace, subnet: Ipv4Address, taken: Set<string>): Promise<string> {
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
