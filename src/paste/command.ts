/**
 * Reads the command typed at a prompt well enough to tell which output follows: the program
 * and its arguments in the first stage of a pipeline (`sysctl -a | grep arp` prints sysctl
 * lines), found after wrappers (`sudo`, `ip netns exec ns1`, `kubectl exec pod --`,
 * `podman machine ssh`). Also the `ip` options that change how its output reads (`-j`, `-6`,
 * `table local`). Not a shell parser: quotes are dropped, nothing is expanded.
 */
import type {AddressFamily} from '../facts/model.js'

export interface Invocation {
  /** Program name without its directory: `/usr/sbin/ss` reads as `ss`. */
  program: string
  args: string[]
}

/** Every point in the command's first pipeline stage where a program may start, left to right. */
export function invocations(command: string): Invocation[] {
  const tokens = firstStage(command)
  return tokens.map((token, i) => ({program: token.replace(/^.*\//, ''), args: tokens.slice(i + 1)}))
}

/** The program the line starts with (after `sudo`/`doas`), for a command written without a prompt. */
export function leadingInvocation(command: string): Invocation | undefined {
  const all = invocations(command)
  const first = all.findIndex((call) => call.program !== 'sudo' && call.program !== 'doas')
  return all[first]
}

/** `ip [options] OBJECT [SUBCOMMAND] ...`, with the options split off. */
export interface IpCall {
  options: string[]
  object: string
  subcommand?: string
  rest: string[]
}

/** iproute2 options that take a value (`-f inet6`, `-n ns1`); the value is not the object. */
const IP_VALUED_OPTIONS = /^-{1,2}(?:f|family|n|netns|rc|rcvbuf|l|loops|b|batch)$/

export function ipCall(call: Invocation): IpCall | undefined {
  if (call.program !== 'ip') return undefined
  const options: string[] = []
  let i = 0
  for (; i < call.args.length && (call.args[i] ?? '').startsWith('-'); i++) {
    const option = call.args[i] ?? ''
    options.push(option)
    if (IP_VALUED_OPTIONS.test(option)) options.push(call.args[++i] ?? '')
  }

  const object = call.args[i]
  if (object === undefined) return undefined
  const result: IpCall = {options, object, rest: call.args.slice(i + 2)}
  const subcommand = call.args[i + 1]
  if (subcommand !== undefined) result.subcommand = subcommand
  return result
}

/** iproute2 takes any prefix of an option or keyword: `-j`, `-json`; `t`, `table`. */
function prefixOf(word: string, min: number): RegExp {
  const optional = word.slice(min).split('').reduceRight((tail, ch) => `(?:${ch}${tail})?`, '')
  return new RegExp(`^${word.slice(0, min)}${optional}$`)
}

const JSON_OPTION = prefixOf('json', 1)
const BRIEF_OPTION = prefixOf('brief', 2)
const LISTING = [prefixOf('show', 1), prefixOf('list', 1), /^lst?$/]
const TABLE_KEYWORD = prefixOf('table', 1)

/** Does this `ip` call list OBJECT (`ip a`, `ip -d addr show dev lo`), not change it (`ip addr add`)? */
export function ipLists(call: IpCall, object: RegExp): boolean {
  const sub = call.subcommand
  return object.test(call.object) && (sub === undefined || LISTING.some((pattern) => pattern.test(sub)))
}

export function hasIpOption(call: IpCall, option: 'json' | 'brief'): boolean {
  const pattern = option === 'json' ? JSON_OPTION : BRIEF_OPTION
  return call.options.some((o) => pattern.test(o.replace(/^--?/, '')))
}

export const IP_ADDR_OBJECT = prefixOf('address', 1)
export const IP_ROUTE_OBJECT = prefixOf('route', 1)

/** The first `ip ... route` call in a command line, for its table and family. */
function routeCall(command: string): IpCall | undefined {
  for (const call of invocations(command)) {
    const ip = ipCall(call)
    if (ip && ipLists(ip, IP_ROUTE_OBJECT)) return ip
  }

  return undefined
}

/**
 * The table named by `ip route show table X`: plain output does not repeat it on each line.
 * `table all` lines do carry their table, so it names none.
 */
export function routeTable(command: string | undefined): string | undefined {
  const rest = routeCall(command ?? '')?.rest ?? []
  const at = rest.findIndex((word) => TABLE_KEYWORD.test(word))
  const table = at >= 0 ? rest[at + 1] : undefined
  return table === 'all' ? undefined : table
}

/** `ip -6 route` / `ip -f inet6 route`: the family of routes whose JSON names no address. */
export function routeFamily(command: string | undefined): AddressFamily | undefined {
  const options = routeCall(command ?? '')?.options ?? []
  const at = options.findIndex((o) => /^-{1,2}f(?:amily)?$/.test(o))
  if (options.includes('-6') || (at >= 0 && options[at + 1] === 'inet6')) return 'inet6'
  if (options.includes('-4') || (at >= 0 && options[at + 1] === 'inet')) return 'inet'
  return undefined
}

/** Tokens of the first pipeline stage, quotes and redirections (`2>/dev/null`, `2> err`) removed: what produced the output. */
function firstStage(command: string): string[] {
  const stage = (command.split(/\s*(?:\|\|?|&&|;)\s*/)[0] ?? '').replace(/\d*[<>]&?\s*\S+/g, '')
  return stage.split(/\s+/).map((token) => token.replace(/^["']|["']$/g, '')).filter((token) => token !== '')
}
