/**
 * Windows HostFacts from pasted sections, assembled as a bundle's are (facts/windows/
 * collect-host.ts): each Windows fact from the cmdlet's Format-Table/Format-List text when pasted,
 * else from netsh, ipconfig, route print or netstat; the shared facts (interfaces, routes,
 * listeners) normalized from them; the Linux-only facts `unsupported`. The parsers are the
 * bundle's own (their `...Text` entry points for PowerShell), so a paste and a bundle of one
 * server agree.
 */
import type {Fact, HostFacts, OsIdentity} from '../facts/model.js'
import {commonInterfaces, commonRoutes, metricsFromIpConfig} from '../facts/windows/normalize.js'
import type {WinAdapter, WinAddress, WindowsOs, WinIpInterface, WinLegacyFirewall, WinRoute} from '../facts/windows-model.js'
import {parseAppcmdSites} from '../parse/windows/appcmd-sites.js'
import {parseIpconfig} from '../parse/windows/ipconfig.js'
import {parseNetshAddresses} from '../parse/windows/netsh-addresses.js'
import {parseNetshAdvfirewallProfiles, parseNetshAdvfirewallRules} from '../parse/windows/netsh-advfirewall.js'
import {legacyFirewall, type NetshPortOpening, parseNetshFirewallPortopening, parseNetshFirewallState} from '../parse/windows/netsh-firewall-legacy.js'
import {parseNetshHttpIplisten} from '../parse/windows/netsh-http-iplisten.js'
import {parseNetshInterface} from '../parse/windows/netsh-interface.js'
import {type NetshInterfaceRow, parseNetshInterfaces} from '../parse/windows/netsh-interfaces.js'
import {parseNetstatAno} from '../parse/windows/netstat-ano.js'
import {parseDnsClientText} from '../parse/windows/ps-dnsclient.js'
import {parseNetAdapterText} from '../parse/windows/ps-netadapter.js'
import {parseNetAdapterBindingText} from '../parse/windows/ps-netadapterbinding.js'
import {parseNetConnectionProfileText} from '../parse/windows/ps-netconnectionprofile.js'
import {parseNetFirewallProfileText} from '../parse/windows/ps-netfirewallprofile.js'
import {parseNetFirewallRuleText} from '../parse/windows/ps-netfirewallrule.js'
import {parseNetIPAddressText} from '../parse/windows/ps-netipaddress.js'
import {parseNetIPInterfaceText} from '../parse/windows/ps-netipinterface.js'
import {parseNetRouteText} from '../parse/windows/ps-netroute.js'
import {parseNetTcpConnectionText} from '../parse/windows/ps-nettcpconnection.js'
import {parseOsText} from '../parse/windows/ps-os.js'
import {parseRoutePrint} from '../parse/windows/route-print.js'
import type {PasteKind} from './kinds.js'
import type {NumberedPrompt} from './prompt.js'
import {appendNew, factFrom, lastOf, parseSection, type Recipe, sourceOf} from './recipe.js'
import type {PasteSection} from './split.js'
import {netshFamily, netshInterfaceIndex} from './windows-command.js'

/** A recipe whose kinds each have one parser of the section text. */
function recipe<T>(groups: PasteKind[][], parsers: Partial<Record<PasteKind, (text: string) => T>>, combine: (values: T[]) => T, ask: string): Recipe<T> {
  const parse = Object.fromEntries(Object.entries(parsers).map(([kind, parser]) => [kind, (section: PasteSection) => parser(section.text)]))
  return {groups, parse, combine, ask}
}

/** A list fact: each section adds the items the sections before it did not list. */
const list = <T extends object>(groups: PasteKind[][], parsers: Partial<Record<PasteKind, (text: string) => T[]>>, ask: string) => recipe(groups, parsers, appendNew, ask)

const WINDOWS_OS = recipe<WindowsOs>([['ps-os']], {'ps-os': parseOsText}, lastOf, '`Get-CimInstance Win32_OperatingSystem | Format-List Caption,Version,BuildNumber`')

const ADAPTERS = list<WinAdapter>([['ps-netadapter'], ['ipconfig-all']], {
  'ps-netadapter': parseNetAdapterText,
  'ipconfig-all': (text) => parseIpconfig(text).adapters,
}, '`Get-NetAdapter` or `ipconfig /all`')

// A bundle reads `show addresses`; a pasted `show config` (2003 has no ipv4 context) prints the same blocks.
const ADDRESSES = list<WinAddress>([['ps-netipaddress'], ['netsh-ipv4-addresses', 'netsh-ip-config'], ['ipconfig-all']], {
  'ps-netipaddress': parseNetIPAddressText,
  'netsh-ipv4-addresses': parseNetshAddresses,
  'netsh-ip-config': parseNetshAddresses,
  'ipconfig-all': (text) => parseIpconfig(text).addresses,
}, '`Get-NetIPAddress | Format-List`, `netsh interface ipv4 show addresses` or `ipconfig /all`')

const IP_INTERFACES: Recipe<WinIpInterface[]> = {
  // Last, the metrics of `show config` blocks, which a prompt-less paste cannot tell from `show addresses` ones.
  groups: [['ps-netipinterface'], ['netsh-ipv4-interface'], ['netsh-ip-config', 'netsh-ipv4-addresses']],
  parse: {
    'ps-netipinterface': (s) => parseNetIPInterfaceText(s.text),
    'netsh-ipv4-interface': (s, all) => [netshInterface(s, all)],
    'netsh-ip-config': (s) => metricsFromIpConfig(s.text),
    'netsh-ipv4-addresses': (s) => metricsFromIpConfig(s.text),
  },
  combine: appendNew,
  ask: '`Get-NetIPInterface | Format-List` or `netsh interface ipv4 show interface <index>`',
  alsoReads: ['netsh-ipv4-interfaces'],
}

const WIN_ROUTES = list<WinRoute>([['ps-netroute'], ['route-print']], {
  'ps-netroute': parseNetRouteText,
  'route-print': (text) => parseRoutePrint(text).routes,
}, '`Get-NetRoute` or `route print`')

const LISTENERS = list([['ps-nettcpconnection-listen'], ['netstat-ano']], {
  'ps-nettcpconnection-listen': parseNetTcpConnectionText,
  'netstat-ano': parseNetstatAno,
}, '`Get-NetTCPConnection -State Listen` or `netstat -ano`')

const BINDINGS = list([['ps-netadapterbinding']], {'ps-netadapterbinding': parseNetAdapterBindingText}, '`Get-NetAdapterBinding`')
const DNS_CLIENTS = list([['ps-dnsclient']], {'ps-dnsclient': parseDnsClientText}, '`Get-DnsClient | Format-List`')
const CONNECTION_PROFILES = list([['ps-netconnectionprofile']], {'ps-netconnectionprofile': parseNetConnectionProfileText}, '`Get-NetConnectionProfile`')

const FIREWALL_PROFILES = list([['ps-netfirewallprofile'], ['netsh-advfirewall-profiles']], {
  'ps-netfirewallprofile': parseNetFirewallProfileText,
  'netsh-advfirewall-profiles': parseNetshAdvfirewallProfiles,
}, '`Get-NetFirewallProfile` or `netsh advfirewall show allprofiles`')

const FIREWALL_RULES = list([['ps-netfirewallrule'], ['netsh-advfirewall-rules-in']], {
  'ps-netfirewallrule': parseNetFirewallRuleText,
  'netsh-advfirewall-rules-in': parseNetshAdvfirewallRules,
}, '`netsh advfirewall firewall show rule name=all dir=in verbose` or `Get-NetFirewallRule`')

const LEGACY_FIREWALL: Recipe<WinLegacyFirewall> = {
  groups: [['netsh-firewall-state']],
  parse: {'netsh-firewall-state': (s, all) => legacyFirewall(parseNetshFirewallState(s.text), portOpenings(all))},
  combine: lastOf,
  ask: '`netsh firewall show state` and `netsh firewall show portopening`',
  alsoReads: ['netsh-firewall-portopening'],
}

const IIS_BINDINGS = list([['appcmd-list-site']], {'appcmd-list-site': parseAppcmdSites}, '`%windir%\\system32\\inetsrv\\appcmd list site`')

const HTTP_IPLISTEN = recipe([['netsh-http-iplisten']], {'netsh-http-iplisten': parseNetshHttpIplisten}, (lists) => [...new Set(lists.flat())], '`netsh http show iplisten`')

/** Linux-only facts on a Windows host, as a bundle reports them. */
const NOT_LINUX = {status: 'unavailable' as const, reason: 'unsupported' as const, detail: 'a Linux fact; this is a Windows host', source: 'platform'}

/** HostFacts of a Windows paste; `prompt` is the first prompt in front of used output that names a host. */
export function windowsFacts(sections: readonly PasteSection[], prompt: NumberedPrompt | undefined): HostFacts {
  const windowsOs = factFrom(WINDOWS_OS, sections)
  const adapters = factFrom(ADAPTERS, sections)
  const winAddresses = factFrom(ADDRESSES, sections)
  const winRoutes = factFrom(WIN_ROUTES, sections)
  return {
    os: osFact(sections, prompt, windowsOs),
    interfaces: commonInterfaces(adapters, winAddresses),
    routes: commonRoutes(winRoutes),
    listeners: factFrom(LISTENERS, sections),
    ipv4Conf: NOT_LINUX,
    bootSysctl: NOT_LINUX,
    persistedAddresses: NOT_LINUX,
    networkStack: NOT_LINUX,
    // A Windows prompt does not show whether the shell was elevated.
    privileged: false,
    windowsOs,
    adapters,
    winAddresses,
    ipInterfaces: factFrom(IP_INTERFACES, sections),
    winRoutes,
    bindings: factFrom(BINDINGS, sections),
    dnsClients: factFrom(DNS_CLIENTS, sections),
    connectionProfiles: factFrom(CONNECTION_PROFILES, sections),
    firewallProfiles: factFrom(FIREWALL_PROFILES, sections),
    firewallRules: factFrom(FIREWALL_RULES, sections),
    legacyFirewall: factFrom(LEGACY_FIREWALL, sections),
    iisBindings: factFrom(IIS_BINDINGS, sections),
    httpIpListen: factFrom(HTTP_IPLISTEN, sections),
  }
}

/** The names pasted `hostname` printed, in order. */
export function hostnameOutputs(sections: readonly PasteSection[]): string[] {
  return sections.filter((s) => s.kind === 'hostname').map((s) => s.text.trim())
}

/**
 * The identity the report shows: the host from a remoting prompt (`[WEB01]: PS C:\>`) or from
 * `hostname` output, the version from Win32_OperatingSystem when pasted. As a bundle does, the
 * caption is the distro, the version the release and the build the kernel.
 */
function osFact(sections: readonly PasteSection[], prompt: NumberedPrompt | undefined, windowsOs: Fact<WindowsOs>): Fact<OsIdentity> {
  const named = sections.filter((s) => s.kind === 'hostname')
  const os = windowsOs.status === 'ok' ? windowsOs.value : undefined
  const value: OsIdentity = {
    platform: 'windows',
    hostname: prompt?.host ?? hostnameOutputs(named)[0] ?? 'unknown',
    distro: os?.caption || 'unknown',
    release: os?.version ?? 'unknown',
    kernel: os?.build === undefined ? 'unknown' : String(os.build),
  }
  const sources = [
    ...(prompt ? [`pasted prompt "${prompt.prompt}" (line ${prompt.line})`] : named.length > 0 ? [sourceOf(named.slice(0, 1))] : []),
    ...(windowsOs.status === 'ok' ? [windowsOs.source] : []),
  ]
  return {status: 'ok', value, source: sources.join('; ') || 'pasted text'}
}

/**
 * One interface's settings from `netsh interface ipv4 show interface 12`: the index from the
 * command (the bundle runs it per index), alias and metric from the pasted interface table
 * where the block does not show them, as the bundle joins them.
 */
function netshInterface(section: PasteSection, all: readonly PasteSection[]): WinIpInterface {
  const family = netshFamily(section.command)
  const detail = parseNetshInterface(section.text, family)
  const index = netshInterfaceIndex(section.command) ?? detail.index
  const row = index === undefined ? undefined : interfaceRows(all, family).find((r) => r.index === index)
  const interfaceMetric = detail.interfaceMetric ?? row?.metric
  return {...detail, ...(index === undefined ? {} : {index}), alias: detail.alias || (row?.alias ?? ''), ...(interfaceMetric === undefined ? {} : {interfaceMetric})}
}


/** Rows of the pasted interface tables of one family. */
function interfaceRows(all: readonly PasteSection[], family: WinIpInterface['family']): NetshInterfaceRow[] {
  return parsedWhereTheyParse(all.filter((s) => s.kind === 'netsh-ipv4-interfaces' && netshFamily(s.command) === family), parseNetshInterfaces)
}

/** The exceptions of every pasted `show portopening`; as in a bundle, without them the state's own list is used. */
function portOpenings(all: readonly PasteSection[]): NetshPortOpening[] {
  return parsedWhereTheyParse(all.filter((s) => s.kind === 'netsh-firewall-portopening'), parseNetshFirewallPortopening)
}

/** Items of the sections that parse: these outputs only fill gaps in another, so one that does not parse adds nothing. */
function parsedWhereTheyParse<T>(sections: readonly PasteSection[], parse: (text: string) => T[]): T[] {
  return sections.flatMap((s) => {
    const parsed = parseSection(s, (section) => parse(section.text))
    return parsed.status === 'ok' ? parsed.value : []
  })
}
