/**
 * HostFacts from pasted text, for `rsaudit audit --from ticket.txt`.
 *
 * Each fact comes from its sections through the same parser a live run uses, so a paste and a
 * live run of one host agree. What the paste lacks is `unavailable` with the command to ask the
 * customer for, never an empty value that would look fine. A parser's ParseError makes its fact
 * `parse-error` with the pasted line numbers; the rest of the paste is still used.
 */
import {IPV4_CONF_KEYS, type Fact, type FactUnavailable, type HostFacts, type Ipv4Conf, type Listener, type NetInterface, type OsIdentity, type Route} from '../facts/model.js'
import {parseIpAddrJson} from '../parse/ip-addr-json.js'
import {parseIpAddrText} from '../parse/ip-addr-text.js'
import {parseIpRouteJson} from '../parse/ip-route-json.js'
import {parseIpRouteText} from '../parse/ip-route-text.js'
import {ParseError} from '../parse/parse-error.js'
import {parseProcNetTcp} from '../parse/proc-net-tcp.js'
import {parseSsListeners} from '../parse/ss-listeners.js'
import {parseSysctlOutput} from '../parse/sysctl-output.js'
import {routeFamily, routeTable} from './command.js'
import {detectPlatform, type PastePlatform} from './detect-platform.js'
import {type PasteKind, ruleFor} from './kinds.js'
import {type PromptLine, readPrompt} from './prompt.js'
import {type IgnoredBlock, pasteLines, type PasteSection, readPaste} from './split.js'

export interface PasteFacts {
  facts: HostFacts
  sections: PasteSection[]
  ignored: IgnoredBlock[]
  platform: PastePlatform
  /**
   * Hosts named by the prompts in front of the sections, in order of appearance. More than one
   * means the paste mixes hosts (rs1 and rs2), and the facts mix them too.
   */
  hosts: string[]
}

/** How one fact is read from the sections that carry it. */
interface Recipe<T> {
  /** Kinds in order of preference: the first group present is used, all its sections combined. */
  groups: PasteKind[][]
  parse: Partial<Record<PasteKind, (section: PasteSection) => T>>
  /** Several sections of a group (`ip route` and `ip -6 route`) make one value. */
  combine: (values: T[]) => T
  /** What to ask the customer for when the paste has none. */
  ask: string
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

export function factsFromPaste(text: string): PasteFacts {
  const {sections, ignored} = readPaste(text)
  const platform = detectPlatform(sections, ignored)
  const prompts = promptsByLine(text)
  // Only prompts in front of output we use speak for the audited host: a paste often also
  // shows the director (`[root@lvs-1 ~]# ipvsadm -Ln`).
  const used = sections.map((s) => (s.commandLine === undefined ? undefined : prompts.get(s.commandLine))).filter((p) => p !== undefined)
  const hosts = [...new Set(used.map((p) => p.host).filter((host) => host !== undefined))]
  const facts: HostFacts = {
    os: osFact(platform, used.find((p) => p.host !== undefined)),
    interfaces: factFrom(INTERFACES, sections),
    routes: factFrom(ROUTES, sections),
    listeners: factFrom(LISTENERS, sections),
    ipv4Conf: factFrom(IPV4_CONF, sections),
    bootSysctl: BOOT_TIME,
    persistedAddresses: BOOT_TIME,
    networkStack: BOOT_TIME,
    // Only a prompt can say; output without one is treated as unprivileged.
    privileged: used.some((p) => p.root),
  }
  return {facts, sections, ignored, platform, hosts}
}

/**
 * The first preference group present in the paste, every section of it parsed and combined.
 * One section that fails to parse fails its group: a partial list of interfaces would make
 * a VIP look missing. The next group is tried then, like a live run falls back from ss.
 */
function factFrom<T>(recipe: Recipe<T>, sections: readonly PasteSection[]): Fact<T> {
  let failure: FactUnavailable | undefined
  for (const group of recipe.groups) {
    const mine = sections.filter((s) => group.includes(s.kind))
    if (mine.length === 0) continue
    const facts = mine.map((section) => parseSection(section, recipe.parse[section.kind]))
    const failed = facts.find((fact) => fact.status !== 'ok')
    if (failed?.status === 'unavailable') {
      failure ??= failed
      continue
    }

    const values = facts.flatMap((fact) => (fact.status === 'ok' ? [fact.value] : []))
    return {status: 'ok', value: recipe.combine(values), source: sourceOf(mine)}
  }

  return failure ?? {status: 'unavailable', reason: 'not-collected', detail: `not in the pasted text (paste the output of ${recipe.ask})`, source: 'pasted text'}
}

/** Runs the section's parser; a ParseError becomes `parse-error` pointing at pasted lines, anything else is a bug. */
function parseSection<T>(section: PasteSection, parse: ((section: PasteSection) => T) | undefined): Fact<T> {
  const source = sourceOf([section])
  if (!parse) throw new Error(`no parser for paste kind ${section.kind}`)
  try {
    return {status: 'ok', value: parse(section), source}
  } catch (error) {
    if (!(error instanceof ParseError)) throw error
    // The parser counts lines from the section's first line; the user counts them in the paste.
    const where = error.line === undefined ? `pasted lines ${section.startLine}-${section.endLine}` : `pasted line ${section.startLine + error.line - 1}`
    return {status: 'unavailable', reason: 'parse-error', detail: `${error.message.replace(/ on line \d+$/, '')} (${where})`, source}
  }
}

/** `pasted "ip a" (lines 12-40)`: the command as typed, or the usual one when no prompt named it. */
function sourceOf(sections: readonly PasteSection[]): string {
  return sections.map((s) => `pasted "${s.command ?? ruleFor(s.kind).label}" (lines ${s.startLine}-${s.endLine})`).join('; ')
}

/**
 * Items of later sections that an earlier section already listed are dropped (`ip route` and
 * `ip route show table all` overlap); within one section nothing is, so one section's value
 * is exactly its parser's result (two equal rows may be two SO_REUSEPORT sockets).
 */
function appendNew<T extends object>(lists: T[][]): T[] {
  const key = (item: T) => JSON.stringify(item, Object.keys(item).sort())
  const result: T[] = []
  const seen = new Set<string>()
  for (const list of lists) {
    result.push(...list.filter((item) => !seen.has(key(item))))
    for (const item of list) seen.add(key(item))
  }

  return result
}

function osFact(platform: PastePlatform, prompt: (PromptLine & {line: number}) | undefined): Fact<OsIdentity> {
  const value: OsIdentity = {platform, hostname: prompt?.host ?? 'unknown', distro: 'unknown', release: 'unknown', kernel: 'unknown'}
  const source = prompt ? `pasted prompt "${prompt.prompt}" (line ${prompt.line})` : 'pasted text'
  return {status: 'ok', value, source}
}

/** Every prompt in the paste by its 1-based line number. */
function promptsByLine(text: string): Map<number, PromptLine & {line: number}> {
  const prompts = new Map<number, PromptLine & {line: number}>()
  pasteLines(text).forEach((line, index) => {
    const prompt = readPrompt(line)
    if (prompt) prompts.set(index + 1, {...prompt, line: index + 1})
  })
  return prompts
}
