/**
 * Which interfaces take or send ARP, and so must carry the DR sysctls. Loopback never
 * receives ARP, NOARP devices (tunl0, most dummies) neither answer nor ask, and a bridge or
 * bond port hands ARP to its master, which is evaluated instead.
 */
import type {NetInterface} from './model.js'

function isArpInterface(nic: NetInterface): boolean {
  return nic.up && !nic.loopback && !nic.noArp && nic.master === undefined && nic.addresses.some((a) => a.family === 'inet')
}

export function arpInterfaces(interfaces: readonly NetInterface[]): NetInterface[] {
  return interfaces.filter((nic) => isArpInterface(nic))
}
