/**
 * Linux facts for TUN mode and IPv6 neighbour proxying: whether the ipip module is there and
 * is loaded at boot, the IPv6 per-interface sysctls that make the kernel answer Neighbour
 * Solicitations for other hosts, and the proxy entries themselves. They are optional in
 * HostFacts: a source that does not carry them (Windows, pasted text, an older bundle) leaves
 * them out, and the rules that need them report `unknown`.
 */
import type {AddressFamily} from './model.js'

/** Where the ipip module stands: `builtin` needs nothing loaded, `absent` means no tunl0 can exist. */
export interface IpipModule {
  state: 'loaded' | 'builtin' | 'absent'
}

/** One module name a boot-time modules-load file asks for. */
export interface ModuleLoadEntry {
  module: string
  file: string
  line: number
}

/** What systemd-modules-load (and Debian's /etc/modules) will load at boot. */
export interface ModulesLoadReport {
  entries: ModuleLoadEntry[]
  /** Files read, in the order they are applied. */
  filesApplied: string[]
  /** Files hidden by a same-named file in a directory with higher precedence, or masked (/dev/null, empty). */
  filesShadowed: Array<{file: string; shadowedBy: string}>
}

/** The IPv6 per-interface sysctls that decide proxy NDP. */
export type Ipv6ConfKey = 'proxy_ndp' | 'forwarding'
export const IPV6_CONF_KEYS: readonly Ipv6ConfKey[] = ['proxy_ndp', 'forwarding']

/** Raw values of net.ipv6.conf.<scope>.<key>; an empty record means the host has no IPv6 stack. */
export type Ipv6Conf = Record<string, Partial<Record<Ipv6ConfKey, number>>>

/** One `ip neigh show proxy` entry: the kernel answers neighbour discovery for `address` on `dev`. */
export interface ProxyNeighbour {
  address: string
  family: AddressFamily
  /** Absent when the entry is not bound to one device. */
  dev?: string
}

export interface LinuxModeFactsShape {
  ipipModule: IpipModule
  modulesLoad: ModulesLoadReport
  ipv6Conf: Ipv6Conf
  proxyNeighbours: ProxyNeighbour[]
}
