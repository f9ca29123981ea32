/**
 * The outputs a paste may hold and how each is recognized, in one table: the command that
 * prints it (when a prompt names one), the header line only it begins with, the detector used
 * when no prompt says (the parsers' own `looksLike*`), and which lines continue it. This file
 * holds the Linux rows and the shape of a row; windows-kinds.ts holds the Windows rows.
 *
 * Kinds are parser inputs, not commands: `ip a`, `ip -d addr show lo` and `ip -o addr` all
 * feed the `ip addr` text parser, so they are one kind.
 */
import {looksLikeIptablesSave} from '../parse/iptables-save.js'
import {looksLikeIpAddrJson} from '../parse/ip-addr-json.js'
import {looksLikeIpAddrText} from '../parse/ip-addr-text.js'
import {looksLikeIpRouteJson} from '../parse/ip-route-json.js'
import {looksLikeIpRouteText, parseIpRouteText} from '../parse/ip-route-text.js'
import {looksLikeNftRulesetJson} from '../parse/nft-ruleset-json.js'
import {ParseError} from '../parse/parse-error.js'
import {looksLikeProcNetTcp} from '../parse/proc-net-tcp.js'
import {looksLikeSsOutput} from '../parse/ss-listeners.js'
import {looksLikeSysctlOutput} from '../parse/sysctl-output.js'
import {hasIpOption, type Invocation, invocations, IP_ADDR_OBJECT, IP_ROUTE_OBJECT, ipCall, ipLists, leadingInvocation} from './command.js'
import {UNIX_KINDS, UNIX_RULES} from './unix-kinds.js'
import {windowsInvocation} from './windows-command.js'
import {WINDOWS_KINDS, WINDOWS_RULES} from './windows-kinds.js'

const LINUX_KINDS = ['ip-addr-json', 'ip-addr', 'ip-route-json', 'ip-route', 'ss-listen-tcp', 'proc-net-tcp', 'proc-net-tcp6', 'sysctl', 'iptables-save', 'nft-ruleset-json'] as const
export const PASTE_KINDS = [...LINUX_KINDS, ...WINDOWS_KINDS, ...UNIX_KINDS] as const
export type PasteKind = (typeof PASTE_KINDS)[number]

/** `unix`: Solaris, FreeBSD or macOS, told apart by the text (unix-platform.ts). */
export type Platform = 'linux' | 'windows' | 'unix'

export interface KindRule {
  kind: PasteKind
  /** The system that prints this output: a prompt of the other system never names it. */
  platform: Platform
  /** The command that prints this output, for messages when no prompt named it. */
  label: string
  /** Does this program with these arguments print this output? */
  command: (call: Invocation) => boolean
  /** A line only this output begins with: it ends a section of any other kind. */
  header?: RegExp | ((line: string) => boolean)
  /**
   * Without a prompt: does this line (for JSON kinds, the JSON value starting on it) begin this
   * output? For kinds with `opens`, the text is the whole section that would start there.
   */
  detect: (text: string) => boolean
  /** Which lines continue the output (`previous` is the line above); JSON output runs until its brackets close instead. */
  continues: ((line: string, previous: string) => boolean) | 'json'
  /**
   * Without a prompt, a whole section counts only when this holds: some outputs have
   * look-alikes (`ip link`, a sysctl.conf file) that only the complete text tells apart.
   */
  confirm?: (text: string) => boolean
  /**
   * Windows output starts with blank lines (`before`), and many outputs hold blank lines
   * between their blocks too (`inside`): adapters of ipconfig, Format-List records, netsh
   * profiles. Without this, a blank line ends the output, as it does on Linux.
   */
  blankLines?: 'before' | 'inside'
  /**
   * Can the output begin at the first of these lines (the next lines of its paragraph follow, up to three)?
   * Kinds with `opens` are detected on the whole section that would start there, since their
   * first line alone (a title, a table header) says little.
   */
  opens?: (paragraph: readonly string[]) => boolean
  /** With blank lines inside: does this paragraph, after blank lines, carry on the output? Defaults to `opens`. */
  resumes?: (paragraph: readonly string[]) => boolean
  /** Only a prompt names this command: alone on a line it is a word in a sentence (`hostname`). */
  needsPrompt?: boolean
}

/** Does the line match the rule's header? */
export function isHeader(rule: KindRule, line: string): boolean {
  const header = rule.header
  if (header === undefined) return false
  return header instanceof RegExp ? header.test(line) : header(line)
}

/** A listing by `ip` of OBJECT, in JSON or text, never `-br` (no parser reads the brief form). */
function ipListing(object: RegExp, json: boolean): (call: Invocation) => boolean {
  return (call) => {
    const ip = ipCall(call)
    return ip !== undefined && ipLists(ip, object) && hasIpOption(ip, 'json') === json && !hasIpOption(ip, 'brief')
  }
}

/** `ss` with -l or -a (listening sockets in the output), not the -s summary. */
function ssListing(call: Invocation): boolean {
  if (call.program !== 'ss' || call.args.some((a) => a === '-s' || a === '--summary')) return false
  return call.args.some((a) => /^-[a-zA-Z]*[la]/.test(a) || a === '--listening' || a === '--all')
}

const FILE_READERS = new Set(['cat', 'head', 'tail', 'more', 'less', 'grep', 'egrep'])

/** The table `cat /proc/net/tcp /proc/net/tcp6` (or /proc/self/net, /proc/PID/net) prints first. */
function procNetFile(call: Invocation): 'tcp' | 'tcp6' | undefined {
  if (!FILE_READERS.has(call.program)) return undefined
  return call.args.map((a) => /^\/proc\/(?:self\/|\d+\/)?net\/(tcp6?)$/.exec(a)?.[1] as 'tcp' | 'tcp6' | undefined).find((f) => f !== undefined)
}

/** The kernel prints `rem_address` in /proc/net/tcp and `remote_address` in tcp6; rows differ in address width. */
function procNetFamily(line: string): 'tcp' | 'tcp6' {
  if (/\bremote_address\b/.test(line)) return 'tcp6'
  return /^\s*\d+:\s+[\dA-Fa-f]{32}:/.test(line) ? 'tcp6' : 'tcp'
}

/** /proc/net/tcp and tcp6 share a parser and a row format; the header and the address width tell them apart. */
function procNetRule(file: 'tcp' | 'tcp6'): KindRule {
  return {
    kind: file === 'tcp' ? 'proc-net-tcp' : 'proc-net-tcp6',
    platform: 'linux',
    label: `cat /proc/net/${file}`,
    command: (call) => procNetFile(call) === file,
    header: new RegExp(String.raw`^\s*sl\s+local_address\s+${file === 'tcp' ? 'rem' : 'remote'}_address\b`),
    detect: (line) => looksLikeProcNetTcp(line) && procNetFamily(line) === file,
    continues: looksLikeProcNetTcp,
  }
}

const SYSCTL_KEY = /^[\w*-]+(?:[./][\w*.-]*)+(?:=\S*)?$/

/** `sysctl -a`, `sysctl net.ipv4.conf`, `sysctl -w key=1`, `grep -r . /proc/sys/net/ipv4/conf`. */
function sysctlListing(call: Invocation): boolean {
  if ((call.program === 'grep' || call.program === 'egrep') && call.args.some((a) => a.startsWith('/proc/sys/'))) return true
  // Every argument must read as an option or a key, so the sentence "sysctl settings are:" is no command.
  return call.program === 'sysctl' && call.args.every((a, i) => a.startsWith('-') || SYSCTL_KEY.test(a) || /^(?:-r|--pattern)$/.test(call.args[i - 1] ?? ''))
}

/** stderr that `sysctl -a` interleaves with its output (the parser skips it; it must not end the section). */
const SYSCTL_STDERR = /^\s*(?:sysctl: |reading key ")/

/**
 * Syntax a sysctl.conf file allows and `sysctl` never prints: comments, `-key` (ignore
 * failure), and `=` without exactly one space on each side (`key =2`, `key=1`). A pasted file
 * is what the host will apply at boot, not what it runs with now.
 */
const SYSCTL_CONF_ONLY = /^\s*[#;-]|^\s*[^\s=]+(?:=| =[^\s]|\s{2,}=)/m

/** True when the parser accepts the line: a sentence such as "10.0.0.0/8 via the VPN" is no route. */
function parsesAsRoute(line: string): boolean {
  try {
    parseIpRouteText(line)
    return true
  } catch (error) {
    if (error instanceof ParseError) return false
    throw error
  }
}

const IP_ADDR_HEADER = /^\d+:\s+[^\s:]+:\s+<[^>]*>/

/** `iptables-save`, `ip6tables-legacy-save`..., and `iptables -t nat -S` (the same rules without `*table`). */
function iptablesListing(call: Invocation): boolean {
  if (/^ip6?tables(?:-legacy|-nft)?-save$/.test(call.program)) return true
  return /^ip6?tables(?:-legacy|-nft)?$/.test(call.program) && call.args.some((a) => a === '-S' || a === '--list-rules' || /^-[a-zA-Z]*S$/.test(a))
}

/** `nft -j list ruleset` (also `list table`, `list chain`), with -j or --json anywhere before `list`. */
function nftJsonListing(call: Invocation): boolean {
  return call.program === 'nft' && call.args.some((a) => a === '-j' || a === '--json' || /^-[a-zA-Z]*j[a-zA-Z]*$/.test(a)) && call.args.includes('list')
}

/** Lines iptables-save prints: comments, `*table`, `:CHAIN`, rules (`-A`, and -P/-N from `-S`), COMMIT. */
const IPTABLES_LINE = /^(?:#|\*[a-z]+$|:\S+\s|(?:\[\d+:\d+\]\s+)?-[APN]\s|COMMIT$)/

// Order matters only for detection without a prompt: JSON first, then the kinds with the most
// specific first lines, sysctl (any `a.b = c` line) last.
const LINUX_RULES: readonly KindRule[] = [
  {kind: 'ip-addr-json', platform: 'linux', label: 'ip -j addr', command: ipListing(IP_ADDR_OBJECT, true), detect: looksLikeIpAddrJson, continues: 'json'},
  {kind: 'ip-route-json', platform: 'linux', label: 'ip -j route', command: ipListing(IP_ROUTE_OBJECT, true), detect: looksLikeIpRouteJson, continues: 'json'},
  {
    kind: 'ip-addr',
    platform: 'linux',
    label: 'ip addr',
    command: ipListing(IP_ADDR_OBJECT, false),
    header: IP_ADDR_HEADER,
    detect: looksLikeIpAddrText,
    continues: (line) => looksLikeIpAddrText(line) || /^\s+\S/.test(line),
    // `ip link` prints the same link lines with no addresses; taking it for `ip addr` would
    // report every VIP missing. Real `ip addr` output has at least 127.0.0.1 on lo.
    confirm: (text) => /^\s+inet6?\s|^\d+:\s+\S+\s+inet6?\s/m.test(text),
  },
  procNetRule('tcp'),
  procNetRule('tcp6'),
  {
    kind: 'ss-listen-tcp',
    platform: 'linux',
    label: 'ss -ltn',
    command: ssListing,
    header: /^\s*(?:Netid\s+)?State\s+Recv-Q\s+Send-Q\b/,
    detect: looksLikeSsOutput,
    continues: looksLikeSsOutput,
  },
  {
    kind: 'ip-route',
    platform: 'linux',
    label: 'ip route',
    command: ipListing(IP_ROUTE_OBJECT, false),
    // Route lines start in column 0 (only `nexthop` lines are indented); an indented
    // `172.1.1.114 dev tunl0` is a keepalived virtual_ipaddress entry.
    detect: (line) => /^\S/.test(line) && looksLikeIpRouteText(line) && parsesAsRoute(line),
    continues: (line) => looksLikeIpRouteText(line) || /^\s+(?:nexthop|cache)\b/.test(line),
  },
  {
    kind: 'iptables-save',
    platform: 'linux',
    label: 'iptables-save',
    command: iptablesListing,
    header: /^# Generated by ip6?tables-save v/,
    detect: looksLikeIptablesSave,
    continues: (line) => IPTABLES_LINE.test(line.trim()),
  },
  {kind: 'nft-ruleset-json', platform: 'linux', label: 'nft -j list ruleset', command: nftJsonListing, detect: looksLikeNftRulesetJson, continues: 'json'},
  {
    kind: 'sysctl',
    platform: 'linux',
    label: 'sysctl',
    command: sysctlListing,
    detect: looksLikeSysctlOutput,
    continues: (line) => looksLikeSysctlOutput(line) || SYSCTL_STDERR.test(line),
    confirm: (text) => !SYSCTL_CONF_ONLY.test(text),
  },
]

// Linux first, so a Linux paste splits as before; Windows kinds need a whole section to be detected.
export const KIND_RULES: readonly KindRule[] = [...LINUX_RULES, ...WINDOWS_RULES, ...UNIX_RULES]

export function ruleFor(kind: PasteKind): KindRule {
  const rule = KIND_RULES.find((r) => r.kind === kind)
  if (!rule) throw new Error(`no rule for paste kind ${kind}`)
  return rule
}

/**
 * The kind of output a command prints. After a Linux prompt the program may follow wrappers
 * (`sudo`, `kubectl exec pod --`); after a Windows prompt it is the stage of the pipeline that
 * printed (windows-command.ts). A line without a prompt must start with the command, or prose
 * would match, and may be either system's.
 */
export function kindOfCommand(command: string, prompted: boolean, promptPlatform: Platform = 'linux'): PasteKind | undefined {
  if (!prompted) return linuxKind(command, false) ?? windowsKind(command, false)
  return promptPlatform === 'windows' ? windowsKind(command, true) : linuxKind(command, true)
}

function linuxKind(command: string, prompted: boolean): PasteKind | undefined {
  const calls = prompted ? invocations(command) : [leadingInvocation(command)].filter((c) => c !== undefined)
  for (const call of calls) {
    // A Unix shell prompt reads like Linux's; `sysctl net.inet...` is BSD's before it is any sysctl.
    const rule = [...UNIX_RULES, ...LINUX_RULES].find((r) => r.command(call))
    if (rule) return rule.kind
  }

  return undefined
}

function windowsKind(command: string, prompted: boolean): PasteKind | undefined {
  const call = windowsInvocation(command, prompted)
  return call && WINDOWS_RULES.find((r) => (prompted || !r.needsPrompt) && r.command(call))?.kind
}
