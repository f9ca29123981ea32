/**
 * The Windows rows of the kinds table (kinds.ts): ipconfig, route print, netstat, netsh,
 * appcmd and the PowerShell cmdlets in Format-Table or Format-List form. Kinds are named after
 * the bundle command ids (collect/windows-commands.ts) where one exists.
 *
 * How a Windows output is found, and why it differs from Linux:
 * - Blank lines sit inside the output (ipconfig between adapters, Format-List between records,
 *   netsh between profiles or rules) and before it (netsh and PowerShell print one first). So a
 *   section runs across blank lines while the next paragraph `resumes` it: more adapters, another
 *   record of the same cmdlet, another netsh block. It ends at a prompt or command line, at
 *   another kind's header line, or at a paragraph that is not more of it (prose, a signature).
 * - Without a prompt, a section may start only on a line that `opens` the output (a title above
 *   a rule of dashes, a table header, a `Key : value` line), and counts only when the parser's
 *   own detector accepts the whole section.
 * - Titles and labels are localized; the parsers' tables (netsh-labels.ts, ipconfig's adapter
 *   types) are reused here rather than copied, and shapes (dashes, indentation, `====` rules)
 *   decide where no word is reliable.
 */
import {looksLikeAppcmdSites} from '../parse/windows/appcmd-sites.js'
import {displayWidth, looksLikeIpconfig} from '../parse/windows/ipconfig.js'
import {looksLikeNetshIpConfig} from '../parse/windows/netsh-addresses.js'
import {looksLikeNetshAdvfirewallProfiles, looksLikeNetshAdvfirewallRules} from '../parse/windows/netsh-advfirewall.js'
import {looksLikeNetshFirewallPortopening, looksLikeNetshFirewallState} from '../parse/windows/netsh-firewall-legacy.js'
import {looksLikeNetshHttpIplisten} from '../parse/windows/netsh-http-iplisten.js'
import {looksLikeNetshInterface} from '../parse/windows/netsh-interface.js'
import {looksLikeNetshInterfaces} from '../parse/windows/netsh-interfaces.js'
import {INTERFACE_TITLES, lookupLabel, RULE_LABELS} from '../parse/windows/netsh-labels.js'
import {isDashes, splitColon} from '../parse/windows/netsh-shared.js'
import {looksLikeNetstatAno} from '../parse/windows/netstat-ano.js'
import {looksLikeDnsClientText} from '../parse/windows/ps-dnsclient.js'
import {looksLikeNetAdapterText} from '../parse/windows/ps-netadapter.js'
import {looksLikeNetAdapterBindingText} from '../parse/windows/ps-netadapterbinding.js'
import {looksLikeNetConnectionProfileText} from '../parse/windows/ps-netconnectionprofile.js'
import {looksLikeNetFirewallProfileText} from '../parse/windows/ps-netfirewallprofile.js'
import {looksLikeNetFirewallRuleText} from '../parse/windows/ps-netfirewallrule.js'
import {looksLikeNetIPAddressText} from '../parse/windows/ps-netipaddress.js'
import {looksLikeNetIPInterfaceText} from '../parse/windows/ps-netipinterface.js'
import {looksLikeNetRouteText} from '../parse/windows/ps-netroute.js'
import {looksLikeNetTcpConnectionText} from '../parse/windows/ps-nettcpconnection.js'
import {looksLikeOsText} from '../parse/windows/ps-os.js'
import {looksLikeRoutePrint} from '../parse/windows/route-print.js'
import type {Invocation} from './command.js'
import type {KindRule, PasteKind} from './kinds.js'
import {NETSH, netshRest} from './windows-command.js'

export const WINDOWS_KINDS = [
  'ipconfig-all', 'route-print', 'netstat-ano', 'netsh-ipv4-interfaces', 'netsh-ipv4-interface', 'netsh-ipv4-addresses', 'netsh-ip-config',
  'netsh-advfirewall-profiles', 'netsh-advfirewall-rules-in', 'netsh-firewall-state', 'netsh-firewall-portopening', 'netsh-http-iplisten',
  'appcmd-list-site', 'ps-netadapter', 'ps-netipinterface', 'ps-netipaddress', 'ps-netroute', 'ps-netadapterbinding', 'ps-dnsclient',
  'ps-netconnectionprofile', 'ps-netfirewallprofile', 'ps-netfirewallrule', 'ps-nettcpconnection-listen', 'ps-os', 'hostname',
] as const

type Paragraph = readonly string[]

const indented = (line: string) => /^\s+\S/.test(line)
const anyLine = () => true
/** A title line: unindented, ending in a colon (`Domain Profile Settings:`, `域 配置文件 设置:`). */
const isTitle = (line: string) => /^\S.*[:：]\s*$/.test(line)
/** netsh's blocks: a title right above a rule of dashes. */
const titled = ([first = '', second = '']: Paragraph) => !indented(first) && first.trim() !== '' && isDashes(second)
/** netsh ends some outputs with `Ok.` alone (`确定。` in Chinese). */
const isNetshOk = (paragraph: Paragraph) => paragraph.length === 1 && /^\s*(?:ok|ок|确定|確定)[.。]\s*$/i.test(paragraph[0] ?? '')

// --- ipconfig ---

/** `Windows IP Configuration`, `Windows-IP-Konfiguration`, `Windows IP 配置`, `Configuration IP de Windows`, `Настройка протокола IP для Windows`. */
const IPCONFIG_TITLE = /^(?:Windows[- ]IP\b.*|(?:\S+\s+){1,3}IP\s+\S+\s+Windows)\s*$/
/** A dot-leader label line, as the ipconfig detector reads it. */
const IPCONFIG_LABEL = /^\s+\S.*?(?: ?\.)+ ?[:：]/

/**
 * `Ethernet adapter Ethernet:`, `以太网适配器 本地连接:`. ipconfig's own table of adapter types
 * decides: paired with a label line, only a real header satisfies its detector. Windows 8.1
 * prints the colon of a long name alone on the next line.
 */
function isAdapterHeader([first = '', second = '']: Paragraph): boolean {
  const header = second.trim() === ':' ? `${first}:` : first
  return /^\S.*[:：]\s*$/.test(header) && looksLikeIpconfig(`${header}\n   Description . . . :`)
}

const ipconfig: KindRule = {
  kind: 'ipconfig-all',
  platform: 'windows',
  label: 'ipconfig /all',
  // Plain `ipconfig` prints the same layout with fewer labels; the parser reads both.
  command: (call) => call.program === 'ipconfig' && call.args.every((a) => a === '/all' || a === '-all'),
  header: IPCONFIG_TITLE,
  detect: looksLikeIpconfig,
  // A paste may start mid-output, at a label line.
  opens: (paragraph) => IPCONFIG_TITLE.test(paragraph[0] ?? '') || isAdapterHeader(paragraph) || IPCONFIG_LABEL.test(paragraph[0] ?? ''),
  // Labels and values are indented; an 80-column console breaks a long value onto an unindented line.
  continues: (line, previous) => indented(line) || isAdapterHeader([line]) || /^\s*[:：]\s*$/.test(line) || displayWidth(previous) >= 79,
  resumes: (paragraph) => indented(paragraph[0] ?? '') || isAdapterHeader(paragraph),
  blankLines: 'inside',
}

// --- route print ---

/** The `=====` rules route print draws between its tables (indented by one space on some builds). */
const ROUTE_RULE = /^\s?={40,}\s*$/

/** A rule, or a table title right above one (`IPv4 Route Table`, `IPv6-Routentabelle`, `IPv4 路由表`). */
const opensRoutePrint = ([first = '', second = '']: Paragraph) => ROUTE_RULE.test(first) || (/^IPv[46]\b/.test(first) && ROUTE_RULE.test(second))

/** `route print [-4|-6] [10.*]`; also `netstat -r`, which prints the same tables. */
function routePrint(call: Invocation): boolean {
  if (call.program === 'netstat') return netstatFlags(call).includes('r')
  return call.program === 'route' && call.args[0] === 'print' && call.args.slice(1).every((a) => /^-[46]$|^[\d.*:a-f]+$/.test(a))
}

/**
 * A route row (IPv4 `dest mask gateway interface metric`, IPv6 `if metric prefix gateway`) or
 * XP's `Default Gateway:  192.168.1.1`: forum copies double-space them.
 */
const isRouteLine = (line: string) =>
  /^\s*[\d.]+\s+[\d.]+\s+\S+\s+\S+\s+\d+\s*$/.test(line) || /^\s*\d+\s+\d+\s+[\da-f:]+\/\d+\s/i.test(line) || /^\S.*[:：]\s+[\d.]+\s*$/.test(line)

const routePrintRule: KindRule = {
  kind: 'route-print',
  platform: 'windows',
  label: 'route print',
  command: routePrint,
  header: ROUTE_RULE,
  detect: looksLikeRoutePrint,
  opens: opensRoutePrint,
  // Rows, titles and labels are free-form (and translated); the `====` rules frame them.
  continues: anyLine,
  resumes: ([first = '', ...rest]) => ROUTE_RULE.test(first) || ROUTE_RULE.test(rest[0] ?? '') || [first, ...rest].every(isRouteLine),
  blankLines: 'inside',
}

// --- netstat -ano ---

/** The title netstat prints first, per display language. */
const NETSTAT_TITLE = /^(?:Active Connections|Aktive Verbindungen|Connexions actives|Conexiones activas|Connessioni attive|Активные подключения|活动连接|使用中連線|アクティブな接続)\s*$/

/** Letters of `-ano`, `-a -n -o`, `/ano` (the value of `-p tcp` aside); '' when a word is no option (`netstat -ano output`). */
function netstatFlags(call: Invocation): string {
  const value = (i: number) => /^[-/]p$/.test(call.args[i - 1] ?? '')
  if (!call.args.every((a, i) => /^[-/][a-z]+$/.test(a) || value(i))) return ''
  return call.args
    .filter((_arg, i) => !value(i))
    .map((a) => a.slice(1))
    .join('')
}

const netstat: KindRule = {
  kind: 'netstat-ano',
  platform: 'windows',
  label: 'netstat -ano',
  // The parser needs numeric addresses and the PID column; -r, -s and -e print other tables.
  command: (call) => {
    const flags = netstatFlags(call)
    return call.program === 'netstat' && ['a', 'n', 'o'].every((f) => flags.includes(f)) && !/[rse]/.test(flags)
  },
  header: NETSTAT_TITLE,
  detect: looksLikeNetstatAno,
  // The header and rows are indented; the title (translated) is not.
  opens: ([first = '']) => NETSTAT_TITLE.test(first) || /^\s+\S+\s{2,}\S/.test(first),
  continues: indented,
  resumes: ([first = '']) => indented(first),
  blankLines: 'inside',
}

// --- netsh interface ---

/** `Interface Loopback Parameters`, `接口 WLAN 参数`, `Параметры интерфейса Ethernet`, from the parser's own table. */
function isInterfaceTitle(line: string): boolean {
  const text = line.trim()
  return Object.values(INTERFACE_TITLES).some((titles) => titles.some(([prefix, suffix]) => text.length > prefix.length + suffix.length && text.startsWith(prefix) && text.endsWith(suffix)))
}

const netshInterfaces: KindRule = {
  kind: 'netsh-ipv4-interfaces',
  platform: 'windows',
  label: 'netsh interface ipv4 show interfaces',
  command: (call) => netshRest(call, NETSH.interface, NETSH.ipContext, NETSH.show, NETSH.interfaces)?.length === 0,
  header: /^\s*Idx\s+Met\s+MTU\b/,
  detect: looksLikeNetshInterfaces,
  opens: titled,
  // The header is translated, the rows are `idx met mtu state name`.
  continues: (line) => isDashes(line) || /^\s*\d+\s+\d+\s+\d+\s+\S+\s+\S/.test(line),
  blankLines: 'before',
}

const netshInterface: KindRule = {
  kind: 'netsh-ipv4-interface',
  platform: 'windows',
  label: 'netsh interface ipv4 show interface <index>',
  // `show interface 12` or `show interfaces interface="Ethernet"`: one interface's parameters.
  command: (call) => netshRest(call, NETSH.interface, NETSH.ipContext, NETSH.show, NETSH.interfaces)?.length === 1,
  header: isInterfaceTitle,
  detect: looksLikeNetshInterface,
  opens: titled,
  // A copy that reflowed the `Label : value` lines leaves words alone on a line.
  continues: anyLine,
  blankLines: 'before',
}

/** `Configuration for interface "X"` blocks of indented `label: value` lines, blank lines between them. */
function netshAddressesRule(kind: 'netsh-ipv4-addresses' | 'netsh-ip-config', label: string, subcommand: (word: string) => boolean): KindRule {
  return {
    kind,
    platform: 'windows',
    label,
    command: (call) => netshRest(call, NETSH.interface, NETSH.ipContext, NETSH.show, subcommand) !== undefined,
    header: /^Configuration for interface "/,
    // Both commands print the same blocks; only a prompt tells `show config` from `show addresses`.
    detect: kind === 'netsh-ip-config' ? () => false : looksLikeNetshIpConfig,
    opens: (paragraph) => looksLikeNetshIpConfig(paragraph.join('\n')),
    continues: indented,
    resumes: (paragraph) => indented(paragraph[0] ?? '') || looksLikeNetshIpConfig(paragraph.join('\n')),
    blankLines: 'inside',
  }
}

// --- netsh advfirewall, firewall, http ---

/** `Rule Name:` in any language the parser knows. */
function isRuleName(line: string): boolean {
  const pair = splitColon(line)
  return pair !== undefined && !indented(line) && lookupLabel(RULE_LABELS, pair.label) === 'ruleName'
}

/** `State    ON`: a label, two or more spaces, a value (the profile blocks have no colons). */
const isWideField = (line: string) => /^\S.*?\s{2,}\S/.test(line)

const advfirewallProfiles: KindRule = {
  kind: 'netsh-advfirewall-profiles',
  platform: 'windows',
  label: 'netsh advfirewall show allprofiles',
  command: (call) => netshRest(call, NETSH.advfirewall, NETSH.show, NETSH.profiles) !== undefined,
  header: /^(?:Domain|Private|Public) Profile Settings:\s*$/,
  detect: looksLikeNetshAdvfirewallProfiles,
  opens: (paragraph) => titled(paragraph) && isTitle(paragraph[0] ?? ''),
  continues: anyLine,
  // A profile block, its `Logging:` block, or the closing `Ok.`.
  resumes: (paragraph) => titled(paragraph) || isNetshOk(paragraph) || (isTitle(paragraph[0] ?? '') && paragraph.length > 1 && paragraph.slice(1).every(isWideField)),
  blankLines: 'inside',
}

const advfirewallRules: KindRule = {
  kind: 'netsh-advfirewall-rules-in',
  platform: 'windows',
  label: 'netsh advfirewall firewall show rule name=all dir=in verbose',
  command: (call) => netshRest(call, NETSH.advfirewall, NETSH.firewall, NETSH.show, NETSH.rule) !== undefined,
  header: isRuleName,
  detect: looksLikeNetshAdvfirewallRules,
  opens: (paragraph) => titled(paragraph) && isRuleName(paragraph[0] ?? ''),
  continues: anyLine,
  resumes: (paragraph) => isNetshOk(paragraph) || (titled(paragraph) && isRuleName(paragraph[0] ?? '')),
  blankLines: 'inside',
}

/** `Firewall status:` or `Port configuration for Domain profile:`, with a table header between title and dashes or not. */
const titledTable = ([first = '', second = '', third = '']: Paragraph) => isTitle(first) && (isDashes(second) || isDashes(third))

/**
 * The XP/2003 firewall: titled blocks (status, open ports, one table per profile). The
 * deprecation notice newer systems print after them is no block and stays outside.
 */
function legacyFirewallRule(kind: 'netsh-firewall-state' | 'netsh-firewall-portopening', subcommand: (word: string) => boolean, detect: (text: string) => boolean): KindRule {
  return {
    kind,
    platform: 'windows',
    label: `netsh firewall show ${kind === 'netsh-firewall-state' ? 'state' : 'portopening'}`,
    command: (call) => netshRest(call, NETSH.firewall, NETSH.show, subcommand) !== undefined,
    header: kind === 'netsh-firewall-state' ? /^Firewall status:\s*$/ : /^Port configuration for .* profile:\s*$/,
    detect,
    opens: titledTable,
    continues: anyLine,
    blankLines: 'inside',
  }
}

const httpIplisten: KindRule = {
  kind: 'netsh-http-iplisten',
  platform: 'windows',
  label: 'netsh http show iplisten',
  command: (call) => netshRest(call, NETSH.http, NETSH.show, NETSH.iplisten) !== undefined,
  header: /IP listen list:\s*$/,
  detect: looksLikeNetshHttpIplisten,
  opens: (paragraph) => titled(paragraph) && isTitle(paragraph[0] ?? ''),
  continues: anyLine,
  // The list follows the dashes after a blank line: one indented address a line.
  resumes: (paragraph) => paragraph.every((line) => /^\s+[\d.:a-fA-F[\]]+\s*$/.test(line)),
  blankLines: 'inside',
}

const SITE_LINE = /^SITE\s+"/

const appcmd: KindRule = {
  kind: 'appcmd-list-site',
  platform: 'windows',
  label: '%windir%\\system32\\inetsrv\\appcmd list site',
  command: (call) => call.program === 'appcmd' && call.args[0] === 'list' && /^sites?$/.test(call.args[1] ?? ''),
  header: SITE_LINE,
  detect: looksLikeAppcmdSites,
  opens: ([first = '']) => SITE_LINE.test(first),
  continues: (line) => SITE_LINE.test(line),
  blankLines: 'before',
}

// --- PowerShell ---

/** A Format-List line: a .NET property name (unindented, no spaces) padded to a colon. */
const LIST_LINE = /^[A-Za-z_][\w().\/-]*\s*:(?:\s|$)/

/**
 * A cmdlet's Format-Table or Format-List output. The detector's table check is decisive on a
 * header line alone, so that line also ends other outputs; after a blank line, a paragraph the
 * detector accepts (another list record, another table) carries on.
 */
function cmdletRule(kind: PasteKind, label: string, command: (call: Invocation) => boolean, looksLike: (text: string) => boolean): KindRule {
  // The detector also takes one `Key : value` line for a list when the list needs one key, and
  // ignores spaces in keys: netsh's `    IP Address:` would pass for Get-NetIPAddress. A table
  // header has no colon.
  const tableHeader = (line: string) => !/[:：]/.test(line) && looksLike(line)
  return {
    kind,
    platform: 'windows',
    label,
    command,
    header: tableHeader,
    detect: looksLike,
    opens: ([first = '']) => tableHeader(first) || LIST_LINE.test(first),
    // Table rows are free text; list values wrap onto indented lines.
    continues: anyLine,
    resumes: (paragraph) => looksLike(paragraph.join('\n')),
    blankLines: 'inside',
  }
}

const cmdlet = (...names: string[]) => (call: Invocation) => names.includes(call.program)

/** Win32_OperatingSystem through CIM or WMI, by any of their names (`gcim`, `gwmi -Class`). */
const operatingSystem = (call: Invocation) => ['get-ciminstance', 'gcim', 'get-wmiobject', 'gwmi'].includes(call.program) && call.args.includes('win32_operatingsystem')

const cmdletRules: readonly KindRule[] = [
  cmdletRule('ps-netadapter', 'Get-NetAdapter', cmdlet('get-netadapter'), looksLikeNetAdapterText),
  cmdletRule('ps-netipinterface', 'Get-NetIPInterface | Format-List', cmdlet('get-netipinterface'), looksLikeNetIPInterfaceText),
  cmdletRule('ps-netipaddress', 'Get-NetIPAddress | Format-List', cmdlet('get-netipaddress'), looksLikeNetIPAddressText),
  cmdletRule('ps-netroute', 'Get-NetRoute', cmdlet('get-netroute'), looksLikeNetRouteText),
  cmdletRule('ps-netadapterbinding', 'Get-NetAdapterBinding', cmdlet('get-netadapterbinding'), looksLikeNetAdapterBindingText),
  cmdletRule('ps-dnsclient', 'Get-DnsClient | Format-List', cmdlet('get-dnsclient'), looksLikeDnsClientText),
  cmdletRule('ps-netconnectionprofile', 'Get-NetConnectionProfile', cmdlet('get-netconnectionprofile'), looksLikeNetConnectionProfileText),
  cmdletRule('ps-netfirewallprofile', 'Get-NetFirewallProfile', cmdlet('get-netfirewallprofile'), looksLikeNetFirewallProfileText),
  cmdletRule('ps-netfirewallrule', 'Get-NetFirewallRule', cmdlet('get-netfirewallrule'), looksLikeNetFirewallRuleText),
  cmdletRule('ps-nettcpconnection-listen', 'Get-NetTCPConnection -State Listen', cmdlet('get-nettcpconnection'), looksLikeNetTcpConnectionText),
  cmdletRule('ps-os', 'Get-CimInstance Win32_OperatingSystem | Format-List Caption,Version,BuildNumber', operatingSystem, looksLikeOsText),
]

/** `hostname` prints one word; on Linux the prompt names the host already, so only a Windows prompt counts. */
const hostname: KindRule = {
  kind: 'hostname',
  platform: 'windows',
  label: 'hostname',
  command: (call) => call.program === 'hostname' && call.args.length === 0,
  detect: () => false,
  opens: (paragraph) => /^\s*[A-Za-z0-9][\w.-]{0,62}\s*$/.test(paragraph[0] ?? ''),
  continues: () => false,
  needsPrompt: true,
}

// Order matters only for detection without a prompt: the PowerShell views first (their headers
// are the most specific), then netsh, ipconfig, route print and netstat.
export const WINDOWS_RULES: readonly KindRule[] = [
  ...cmdletRules,
  netshInterfaces,
  netshInterface,
  netshAddressesRule('netsh-ipv4-addresses', 'netsh interface ipv4 show addresses', NETSH.addresses),
  netshAddressesRule('netsh-ip-config', 'netsh interface ip show config', NETSH.config),
  advfirewallProfiles,
  advfirewallRules,
  legacyFirewallRule('netsh-firewall-state', NETSH.state, looksLikeNetshFirewallState),
  legacyFirewallRule('netsh-firewall-portopening', NETSH.portopening, looksLikeNetshFirewallPortopening),
  httpIplisten,
  appcmd,
  ipconfig,
  routePrintRule,
  netstat,
  hostname,
]
