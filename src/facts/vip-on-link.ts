/**
 * Whether a VIP lies inside a subnet configured on an interface. In TUN mode the load balancer
 * reaches the server through a tunnel, so ARP for the VIP only ever arrives on an interface
 * whose link also holds the VIP's subnet: that is when the ARP sysctls still matter (LNX-TUN-04).
 */
import {prefixContains} from './cidr.js'
import type {NetInterface} from './model.js'

export function vipsOnLink(nic: NetInterface, vips: readonly string[]): string[] {
  return vips.filter((vip) => nic.addresses.some((a) => a.family === 'inet' && a.prefixLength < 32 && prefixContains(a.address, a.prefixLength, vip)))
}
