/**
 * HostFacts from pasted text, for `rsaudit audit --from ticket.txt`.
 *
 * Each fact comes from its sections through the same parser a live run uses, so a paste and a
 * live run of one host agree (recipe.ts). What the paste lacks is `unavailable` with the
 * command to ask the customer for, never an empty value that would look fine. This file holds
 * the Linux facts and picks the platform; windows-facts.ts builds the Windows ones.
 *
 * A paste with both Linux and Windows output describes two hosts, and facts of one cannot be
 * judged with the other's: the platform with more sections is audited (on a tie, the one whose
 * output comes first), and the other's sections are listed with the ignored blocks.
 */
import {IPV4_CONF_KEYS, type Fact, type FactUnavailable, type HostFacts, type Ipv4Conf, type Listener, type NetInterface, type OsIdentity, type Route} from '../facts/model.js'
import {parseIpAddrJson} from '../parse/ip-addr-json.js'
import {parseIpAddrText} from '../parse/ip-addr-text.js'
import {parseIpRouteJson} from '../parse/ip-route-json.js'
import {parseIpRouteText} from '../parse/ip-route-text.js'
import {parseProcNetTcp} from '../parse/proc-net-tcp.js'
import {parseSsListeners} from '../parse/ss-listeners.js'
import {parseSysctlOutput} from '../parse/sysctl-output.js'
import {routeFamily, routeTable} from './command.js'
import {detectPlatform, type PastePlatform} from './detect-platform.js'
import {ruleFor} from './kinds.js'
import {netfilterFromPaste} from './netfilter-facts.js'
import {type NumberedPrompt, readPrompt} from './prompt.js'
import {appendNew, factFrom, type Recipe} from './recipe.js'
import {type IgnoredBlock, pasteLines, type PasteSection, readPaste} from './split.js'
import {unixPasteFacts} from './unix-facts.js'
import type {UnixPlatform} from './unix-platform.js'
import {hostnameOutputs, windowsFacts} from './windows-facts.js'

export interface PasteFacts {
  facts: HostFacts
  /** The sections the facts come from: those of the audited platform. */
  sections: PasteSection[]
  /** What no parser read, and the output of the other platform in a mixed paste (with its `kind`). */
  ignored: IgnoredBlock[]
  platform: PastePlatform
  /**
   * Hosts named by the prompts in front of the sections (and by pasted `hostname` output), in
   * order of appearance. More than one means the paste mixes hosts (rs1 and rs2), and the facts
   * mix them too.
   */
  hosts: string[]
}

const INTERFACES: Recipe<NetInterface[]> = {
  groups: [['ip-addr-json', 'ip-addr']],
  parse: {'ip-addr-json': (s) => parseIpAddrJson(s.text), 'ip-addr': (s) => parseIpAddrText(s.text)},
  // `ip addr show lo` and `ip addr show eth0` add up; an interface shown twice keeps its last state.
  combine: (lists) => (lists.length === 1 ? (lists[0] ?? []) : [...new Map(lists.flat().map((nic) => [nic.name, nic])).values()]),
  ask: '`ip -d addr` or `ip -d -j addr`',
}

const ROUTES: Recipe<Route[]> = {
  groups: [['ip-route-json', 'ip-route']],
  parse: {
    'ip-route-json': (s) => parseIpRouteJson(s.text, routeFamily(s.command)),
    'ip-route': (s) => parseIpRouteText(s.text, routeTable(s.command)),
  },
  combine: appendNew,
  ask: '`ip route show table all`',
}

// `ss` first, as in a live run: it names the program; /proc/net/tcp and tcp6 add up to the same sockets.
const LISTENERS: Recipe<Listener[]> = {
  groups: [['ss-listen-tcp'], ['proc-net-tcp', 'proc-net-tcp6']],
  parse: {
    'ss-listen-tcp': (s) => parseSsListeners(s.text),
    'proc-net-tcp': (s) => parseProcNetTcp(s.text, 'inet'),
    'proc-net-tcp6': (s) => parseProcNetTcp(s.text, 'inet6'),
  },
  combine: appendNew,
  ask: '`ss -ltn` or `cat /proc/net/tcp /proc/net/tcp6`',
}

const IPV4_CONF: Recipe<Ipv4Conf> = {
  groups: [['sysctl']],
  parse: {sysctl: (s) => parseSysctlOutput(s.text)},
  // Later output wins key by key: `sysctl -w` after `sysctl -a` is the value now.
  combine: (confs) => {
    const merged: Ipv4Conf = {}
    for (const [scope, keys] of confs.flatMap((conf) => Object.entries(conf))) merged[scope] = {...merged[scope], ...keys}
    return merged
  },
  ask: `\`sysctl net.ipv4.conf\` or \`sysctl -a | grep -E '${IPV4_CONF_KEYS.join('|')}'\``,
}

const BOOT_TIME: FactUnavailable = {
  status: 'unavailable',
  reason: 'not-collected',
  detail: 'boot-time files are not in a paste; collect a bundle on the server (`rsaudit collect`) to check what applies at boot',
  source: 'pasted text',
}

/** TUN and IPv6 proxy inputs have no paste detector yet: a bundle carries them. */
const NOT_PASTED: FactUnavailable = {
  status: 'unavailable',
  reason: 'not-collected',
  detail: 'the ipip module, IPv6 proxy_ndp and proxy entries are not read from a paste; collect a bundle on the server (`rsaudit collect`)',
  source: 'pasted text',
}

/** `hint` (`--platform`) settles which Unix a paste is when its output cannot: FreeBSD and macOS print the same ifconfig. */
export function factsFromPaste(text: string, hint?: string): PasteFacts {
  const read = readPaste(text)
  const detected = detectPlatform(read.sections, read.ignored)
  const platform = isUnix(detected) && isUnix(hint) ? hint : detected
  const sections = read.sections.filter((s) => platform === 'unknown' || ruleFor(s.kind).platform === (isUnix(platform) ? 'unix' : platform))
  const ignored = [...read.ignored, ...read.sections.filter((s) => !sections.includes(s)).map(otherPlatformBlock)].sort((a, b) => a.startLine - b.startLine)
  const prompts = promptsByLine(text)
  // Only prompts in front of output we use speak for the audited host: a paste often also
  // shows the director (`[root@lvs-1 ~]# ipvsadm -Ln`).
  const used = sections.map((s) => (s.commandLine === undefined ? undefined : prompts.get(s.commandLine))).filter((p) => p !== undefined)
  const named = [...used.map((p) => p.host), ...hostnameOutputs(sections)].filter((host) => host !== undefined)
  const hosts = [...new Map(named.map((host) => [host.toLowerCase(), host])).values()]
  const prompt = used.find((p) => p.host !== undefined)
  const facts =
    platform === 'windows'
      ? windowsFacts(sections, prompt)
      : isUnix(platform)
        ? unixPasteFacts(platform, sections, osFact(platform, prompt), used.some((p) => p.root), BOOT_TIME)
        : linuxFacts(platform, sections, used)
  return {facts, sections, ignored, platform, hosts}
}

function linuxFacts(platform: PastePlatform, sections: readonly PasteSection[], used: readonly NumberedPrompt[]): HostFacts {
  return {
    os: osFact(platform, used.find((p) => p.host !== undefined)),
    interfaces: factFrom(INTERFACES, sections),
    routes: factFrom(ROUTES, sections),
    listeners: factFrom(LISTENERS, sections),
    ipv4Conf: factFrom(IPV4_CONF, sections),
    bootSysctl: BOOT_TIME,
    persistedAddresses: BOOT_TIME,
    networkStack: BOOT_TIME,
    ...netfilterFromPaste(sections),
    modulesLoad: BOOT_TIME,
    ipipModule: NOT_PASTED,
    ipv6Conf: NOT_PASTED,
    proxyNeighbours: NOT_PASTED,
    // Only a prompt can say; output without one is treated as unprivileged.
    privileged: used.some((p) => p.root),
  }
}

function isUnix(platform: string | undefined): platform is UnixPlatform {
  return platform === 'solaris' || platform === 'freebsd' || platform === 'darwin'
}

/** A section of the platform not audited, as an ignored block that says its kind. */
function otherPlatformBlock(section: PasteSection): IgnoredBlock {
  const text = section.text
  return {startLine: section.startLine, endLine: section.endLine, preview: (text.split('\n')[0] ?? '').trim().slice(0, 60), text, kind: section.kind}
}

function osFact(platform: PastePlatform, prompt: NumberedPrompt | undefined): Fact<OsIdentity> {
  const value: OsIdentity = {platform, hostname: prompt?.host ?? 'unknown', distro: 'unknown', release: 'unknown', kernel: 'unknown'}
  const source = prompt ? `pasted prompt "${prompt.prompt}" (line ${prompt.line})` : 'pasted text'
  return {status: 'ok', value, source}
}

/** Every prompt in the paste by its 1-based line number. */
function promptsByLine(text: string): Map<number, NumberedPrompt> {
  const prompts = new Map<number, NumberedPrompt>()
  pasteLines(text).forEach((line, index) => {
    const prompt = readPrompt(line)
    if (prompt) prompts.set(index + 1, {...prompt, line: index + 1})
  })
  return prompts
}
