/**
 * Choosing the sender address of a probe, from an interface's IPv4 addresses. Pure.
 *
 * probe arp sends from the interface's own address, never the VIP (see ArpingRequest.source).
 * probe vip-path needs an address of its own for the temporary macvlan: the real server answers
 * the SYN by ARPing for the sender, so the sender must be on the real server's segment and must
 * not be this host's address (the SYN-ACK would then go to this host's NIC, which knows no such
 * connection and resets it). It takes a free address from the interface's subnet.
 */
import {addressToBigInt, prefixContains} from '../facts/cidr.js'

export interface Ipv4Address {
  address: string
  prefixLength: number
}

/** The first address that is not the VIP, preferring one whose subnet holds `near`. */
export function arpSource(addresses: readonly Ipv4Address[], vip: string, near = vip): Ipv4Address | undefined {
  const own = addresses.filter((a) => a.address !== vip)
  return own.find((a) => prefixContains(a.address, a.prefixLength, near)) ?? own[0]
}

/**
 * Host addresses of `subnet` from the top down (x.x.x.254 first in a /24: the end that static
 * plans and DHCP pools use least), skipping `taken`. At most `limit`. None for /31 and /32.
 */
export function freeAddressCandidates(subnet: Ipv4Address, taken: ReadonlySet<string>, limit: number): string[] {
  const hostBits = 32 - subnet.prefixLength
  if (hostBits < 2) return []
  const network = (addressToBigInt(subnet.address) >> BigInt(hostBits)) << BigInt(hostBits)
  const broadcast = network + (1n << BigInt(hostBits)) - 1n
  const candidates: string[] = []
  for (let value = broadcast - 1n; value > network && candidates.length < limit; value--) {
    const address = ipv4FromBigInt(value)
    if (!taken.has(address)) candidates.push(address)
  }
  return candidates
}

function ipv4FromBigInt(value: bigint): string {
  return [24n, 16n, 8n, 0n].map((shift) => String((value >> shift) & 255n)).join('.')
}
