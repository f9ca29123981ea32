/**
 * The lab's fixed shape: a switch namespace holding a bridge, and four hosts on it, each joined by a
 * veth whose host end is `eth0`. Nothing is created in the root namespace.
 *
 *   client 192.0.2.100 ─┐
 *   lb     192.0.2.1  + VIP 192.0.2.80 on eth0, nft ingress `fwd` of VIP:8080 to rs1 by MAC
 *   rs1    192.0.2.11 ──┤ br0 (in the switch namespace)
 *   rs2    192.0.2.12 ─┘
 *
 * The VIP is inside the LAN subnet on purpose: the client then ARPs for it, which is what makes the
 * ARP problem observable. rs1 is the real server under test (scenarios change only rs1, and the load
 * balancer sends the VIP's traffic to it); rs2 stays correctly configured throughout.
 */
export const LAN_PREFIX = 24
export const VIP = '192.0.2.80'
export const PORT = 8080

export const HOSTS = ['client', 'lb', 'rs1', 'rs2'] as const
export type Host = (typeof HOSTS)[number]
export type RealServer = 'rs1' | 'rs2'

export const ADDRESSES: Record<Host, string> = {client: '192.0.2.100', lb: '192.0.2.1', rs1: '192.0.2.11', rs2: '192.0.2.12'}

/** Every host's interface on the LAN, inside its own namespace. */
export const NIC = 'eth0'

export interface LabNames {
  prefix: string
  switch: string
  hosts: Record<Host, string>
}

/**
 * Namespace names. By hand the prefix is `rsl` (RSAUDIT_LAB_PREFIX overrides it); tests pass their own
 * so they never collide with a lab someone left running.
 */
export function labNames(prefix = process.env.RSAUDIT_LAB_PREFIX ?? 'rsl'): LabNames {
  if (!/^[a-z][a-z0-9-]{0,30}$/.test(prefix)) throw new Error(`lab prefix "${prefix}" must be lower-case letters, digits and dashes`)
  const hosts = Object.fromEntries(HOSTS.map((host) => [host, `${prefix}-${host}`])) as Record<Host, string>
  return {prefix, switch: `${prefix}-switch`, hosts}
}

/** All namespaces of a lab, hosts first. */
export function allNamespaces(names: LabNames): string[] {
  return [...HOSTS.map((host) => names.hosts[host]), names.switch]
}
