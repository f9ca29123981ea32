/** Where a VIP is configured on this host: every interface address equal to it. */
import {sameAddress} from './cidr.js'
import type {InterfaceAddress, NetInterface} from './model.js'

export interface VipPlacement {
  nic: NetInterface
  address: InterfaceAddress
  /** `198.51.100.10/32` as configured. */
  cidr: string
}

export function locateVip(interfaces: readonly NetInterface[], vip: string): VipPlacement[] {
  return interfaces.flatMap((nic) =>
    nic.addresses
      .filter((address) => sameAddress(address.address, vip))
      .map((address) => ({nic, address, cidr: `${address.address}/${address.prefixLength}`})),
  )
}

/** True when there is at least one VIP and each sits on loopback with scope host (what arp_ignore 3 needs). */
export function allVipsScopeHost(interfaces: readonly NetInterface[], vips: readonly string[]): boolean {
  return (
    vips.length > 0 &&
    vips.every((vip) => locateVip(interfaces, vip).some((p) => p.nic.loopback && p.address.scope === 'host'))
  )
}
