/**
 * Windows facts: what the Windows rules read, whichever source (PowerShell cmdlets on 2012+,
 * netsh/ipconfig/route on older systems, or pasted Format-List/Format-Table text) gave them.
 * Parsers for each source return these shapes; values are normalized (booleans, numbers,
 * canonical addresses), never localized labels.
 */
import type {AddressFamily} from './model.js'

/** A network adapter or interface, as Get-NetAdapter / ipconfig / netsh list it. */
export interface WinAdapter {
  /** InterfaceIndex (ifIndex, "Idx" in netsh). */
  index?: number
  /** InterfaceAlias / connection name, e.g. "Ethernet 2", "LB-Loopback", "Подключение по локальной сети". */
  alias: string
  /** InterfaceDescription / ipconfig "Description", e.g. "Microsoft KM-TEST Loopback Adapter". */
  description?: string
  /** PnP hardware id; `*MSLOOP` is the Microsoft loopback adapter. */
  hardwareId?: string
  /** Status/ConnectionState, normalized. */
  status?: 'up' | 'down' | 'disconnected' | 'unknown'
  mac?: string
}

/** Get-NetIPInterface / `netsh interface ipv4 show interface N`: per interface and family. */
export interface WinIpInterface {
  index?: number
  alias: string
  family: AddressFamily
  weakHostSend?: boolean
  weakHostReceive?: boolean
  interfaceMetric?: number
  automaticMetric?: boolean
  /** Connected state as reported for this family. */
  connected?: boolean
}

export interface WinAddress {
  index?: number
  alias: string
  family: AddressFamily
  address: string
  prefixLength: number
  /** SkipAsSource (KB975808): the VIP should not be used as a source address. */
  skipAsSource?: boolean
}

export interface WinRoute {
  destination: string
  family: AddressFamily
  nextHop?: string
  index?: number
  alias?: string
  metric?: number
}

/** Get-NetAdapterBinding: which protocols and services are bound to an adapter. */
export interface WinBinding {
  alias: string
  /** ms_tcpip, ms_tcpip6, ms_msclient, ms_server, ms_netbt... */
  componentId: string
  displayName?: string
  enabled: boolean
}

export interface WinDnsClient {
  alias: string
  index?: number
  registerThisConnectionsAddress: boolean
  /** The setting's name in its source, when it is not Get-DnsClient's (WMI: FullDNSRegistrationEnabled). */
  setting?: string
}

export interface WinConnectionProfile {
  alias: string
  index?: number
  category: 'Public' | 'Private' | 'DomainAuthenticated' | 'unknown'
}

export interface WinFirewallProfile {
  name: 'Domain' | 'Private' | 'Public'
  enabled: boolean
  defaultInboundAction?: 'Allow' | 'Block' | 'NotConfigured'
}

export interface WinFirewallRule {
  /** Locale-invariant rule name (e.g. IIS-WebServerRole-HTTP-In-TCP); netsh gives only the display name. */
  name?: string
  displayName: string
  enabled: boolean
  direction: 'Inbound' | 'Outbound'
  action: 'Allow' | 'Block'
  /** 'Any', or a list of profile names. */
  profiles: Array<'Domain' | 'Private' | 'Public'> | 'Any'
  protocol?: string
  /** Ports or ranges as written ("80", "8000-8080", "Any"). */
  localPorts: string[]
  localAddresses: string[]
}

/** The Windows 2003 firewall ("netsh firewall"): exceptions instead of rules. */
export interface WinLegacyFirewall {
  enabled: boolean
  /** Open ports by number and protocol. */
  openPorts: Array<{port: number; protocol: 'TCP' | 'UDP'; name?: string; enabled: boolean}>
}

export interface IisBinding {
  site: string
  protocol: string
  /** `*` for All Unassigned, else an IP address. */
  address: string
  port: number
  host?: string
}

export interface WindowsOs {
  caption: string
  /** NT version "major.minor.build", e.g. 6.3.9600 (2012 R2), 10.0.17763 (2019). */
  version: string
  build?: number
}

/** Everything the Windows rules read; each entry may be unavailable independently. */
export interface WindowsFactsShape {
  windowsOs: WindowsOs
  adapters: WinAdapter[]
  ipInterfaces: WinIpInterface[]
  winAddresses: WinAddress[]
  winRoutes: WinRoute[]
  bindings: WinBinding[]
  dnsClients: WinDnsClient[]
  connectionProfiles: WinConnectionProfile[]
  firewallProfiles: WinFirewallProfile[]
  firewallRules: WinFirewallRule[]
  legacyFirewall: WinLegacyFirewall
  iisBindings: IisBinding[]
  /** HTTP.sys IP listen list; empty means every address. */
  httpIpListen: string[]
}
