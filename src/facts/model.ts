/**
 * The normalized, platform-independent facts model.
 *
 * Parsers produce these shapes from raw command text; derived facts and rules read only
 * these shapes. Nothing here knows which command or file a value came from, except through
 * the `source` string carried next to each value for evidence.
 */
import type {LinuxModeFactsShape} from './linux-mode-model.js'
import type {NetfilterPath} from './netfilter-model.js'
import type {UnixFactsShape} from './unix-model.js'
import type {WindowsFactsShape} from './windows-model.js'

/** Why a fact could not be collected. A rule that needs it becomes `unknown`, never `pass`. */
export type UnavailableReason =
  | 'permission-denied'
  | 'command-missing'
  | 'timeout'
  | 'nonzero-exit'
  | 'parse-error'
  | 'not-collected'
  | 'unsupported'

export interface FactOk<T> {
  status: 'ok'
  value: T
  /** The command or file the value came from, e.g. `ip -d -j addr` or `/proc/sys/net/ipv4/conf`. */
  source: string
}

export interface FactUnavailable {
  status: 'unavailable'
  reason: UnavailableReason
  /** One line a human can act on, e.g. "permission denied reading /etc/sysctl.d (run as root)". */
  detail: string
  source: string
}

export type Fact<T> = FactOk<T> | FactUnavailable

export type AddressFamily = 'inet' | 'inet6'

export interface InterfaceAddress {
  family: AddressFamily
  /** Canonical text form: dotted quad for IPv4, compressed lower-case for IPv6. */
  address: string
  prefixLength: number
  /** Kernel scope name: host, link, global, site, or a number as text. */
  scope: string
  /** IPv4 label such as `lo:0`, when different from the interface name. */
  label?: string
  secondary?: boolean
}

export interface NetInterface {
  name: string
  index?: number
  /** Raw flags as printed, e.g. UP, LOOPBACK, NOARP, LOWER_UP. */
  flags: string[]
  /** Administratively up (UP flag). */
  up: boolean
  loopback: boolean
  /** The interface neither sends nor answers ARP (NOARP flag). */
  noArp: boolean
  /** `ip -d` link kind: dummy, veth, ipip, bridge, vlan, bond... */
  kind?: string
  /** Bridge or bond this device is enslaved to; slaves do not take ARP for themselves. */
  master?: string
  operState?: string
  addresses: InterfaceAddress[]
  /** Solaris: the non-global zone a logical interface (`lo0:3`) belongs to, from `ifconfig -a`'s `zone` line. */
  zone?: string
}

export interface Route {
  /** `default`, or a prefix such as `192.168.1.0/24`; a host route has /32 or /128. */
  destination: string
  family: AddressFamily
  /** Routing table name or number: main, local, 255... */
  table: string
  /** Route type: unicast, local, broadcast, multicast... */
  type: string
  dev?: string
  gateway?: string
  scope?: string
  protocol?: string
  preferredSource?: string
  metric?: number
  /** How many `nexthop` entries the route lists (multipath, ECMP); `gateway` and `dev` are then the first one's. */
  nexthops?: number
}

export interface Listener {
  protocol: 'tcp'
  /** Local address; `0.0.0.0` and `::` are wildcards, `*` is normalized to `0.0.0.0`. */
  address: string
  port: number
  process?: string
}

/** The IPv4 per-interface sysctls rsaudit reasons about. */
export type Ipv4ConfKey = 'arp_ignore' | 'arp_announce' | 'arp_filter' | 'rp_filter'
export const IPV4_CONF_KEYS: readonly Ipv4ConfKey[] = ['arp_ignore', 'arp_announce', 'arp_filter', 'rp_filter']

/**
 * Raw values of net.ipv4.conf.<scope>.<key> where scope is `all`, `default` or an interface
 * name exactly as under /proc/sys (a VLAN `eth0.100` keeps its dot).
 */
export type Ipv4Conf = Record<string, Partial<Record<Ipv4ConfKey, number>>>

/** One `key = value` assignment read from a sysctl.d file. */
export interface SysctlAssignment {
  /** Normalized key with dots as separators, interface names kept intact (`net.ipv4.conf.eth0/100.x` → scope `eth0.100`). */
  key: string
  value: string
  file: string
  line: number
  /** Written with a leading `-`: failure to apply is ignored. */
  ignoreFailure: boolean
}

/** What systemd-sysctl writes at boot, for one concrete key, and where it comes from. */
export interface BootSysctl {
  key: string
  value: string
  file: string
  line: number
  /** The key pattern as written when it came from a glob such as `net.ipv4.conf.*.rp_filter`. */
  pattern?: string
}

export interface BootSysctlReport {
  /** Concrete keys and their boot-time values (globs expanded against known interfaces). */
  values: BootSysctl[]
  /** Files read, in the order systemd-sysctl applies them. */
  filesApplied: string[]
  /** Files shadowed by a same-named file in a directory with higher precedence. */
  filesShadowed: Array<{file: string; shadowedBy: string}>
  /** Keys that name an interface which does not exist here: harmless at boot, but dead. */
  deadKeys: BootSysctl[]
}

export type VipPersistenceMechanism =
  | 'rc.local'
  | 'ifupdown'
  | 'ifcfg'
  | 'networkmanager'
  | 'netplan'
  | 'systemd-networkd'
  // Solaris, FreeBSD and macOS (facts/unix/).
  | 'hostname-file'
  | 'ipadm'
  | 'rc.conf'
  | 'launchd'

/** An address that some boot-time configuration puts on an interface. */
export interface PersistedAddress {
  mechanism: VipPersistenceMechanism
  interface: string
  address: string
  prefixLength?: number
  file: string
  line: number
  /** False when the mechanism will not run at boot (rc.local not executable, ...). */
  effective: boolean
  /** Why the entry is not effective, when it is not. */
  note?: string
  /** The name that configures it where the mechanism has one: `ifconfig_lo0_alias0`, `lo0/vip1`, a launchd Label. */
  key?: string
}

export interface OsIdentity {
  platform: 'linux' | 'windows' | 'solaris' | 'freebsd' | 'darwin' | 'unknown'
  hostname: string
  distro: string
  release: string
  kernel: string
}

/** Which boot-time network stacks this host has, to choose the remediation that will really run. */
export interface NetworkStack {
  netplan: boolean
  networkManager: boolean
  systemdNetworkd: boolean
  ifupdown: boolean
  ifcfg: boolean
  rcLocal: boolean
}

/** Windows facts, present only when the source is a Windows host (see windows-model.ts). */
export type WindowsFacts = {[K in keyof WindowsFactsShape]?: Fact<WindowsFactsShape[K]>}

/** Solaris and BSD facts, present only on those hosts (see unix-model.ts). */
export type UnixFacts = {[K in keyof UnixFactsShape]?: Fact<UnixFactsShape[K]>}

/** TUN and IPv6 proxy facts, present only when a Linux source carries them (see linux-mode-model.ts). */
export type LinuxModeFacts = {[K in keyof LinuxModeFactsShape]?: Fact<LinuxModeFactsShape[K]>}

/**
 * Everything the rules read. Each entry may be unavailable independently. The first group is
 * common to all platforms (Windows facts are normalized into it too); the Linux-only ones are
 * `not-collected` elsewhere, and the Windows ones are simply absent off Windows.
 */
export interface HostFacts extends WindowsFacts, UnixFacts, LinuxModeFacts {
  os: Fact<OsIdentity>
  interfaces: Fact<NetInterface[]>
  routes: Fact<Route[]>
  listeners: Fact<Listener[]>
  ipv4Conf: Fact<Ipv4Conf>
  bootSysctl: Fact<BootSysctlReport>
  persistedAddresses: Fact<PersistedAddress[]>
  networkStack: Fact<NetworkStack>
  /** Linux netfilter: the prerouting nat chains, where the REDIRECT method redirects VIP traffic. */
  redirects?: Fact<NetfilterPath>
  /** Linux netfilter: the prerouting chains before connection tracking, where NOTRACK would break REDIRECT. */
  notracks?: Fact<NetfilterPath>
  /** Whether the collector ran with root privileges; drives "run as root" hints. */
  privileged: boolean
}

export type FactName = Exclude<keyof HostFacts, 'privileged'>
