/**
 * Finds the VIPs that /etc/rc.local (or an LVS `realserver` start script) puts on the loopback:
 * `ip [-4|-6|-f inet] addr|a|address add|replace ADDR[/LEN] dev lo[:N] [label lo:N]` in any
 * argument order, `/sbin/ip`, `sudo ip`, and `ifconfig lo:N ADDR [netmask MASK] up`.
 *
 * This is a line scanner, not a shell: it joins `\` continuations, drops comments and heredoc
 * bodies, splits on `;`, `&&`, `||` and `|`, substitutes simple `VIP=...` variables, and ignores
 * the `stop)`/`status)` branches of a `case "$1" in` script. Addresses it cannot resolve
 * (`$vip` set by a loop) are skipped. Prefixes follow the tool: iproute2 defaults to a host
 * prefix; ifconfig without a netmask gets the kernel's classful default (a /24 for 192.168.x.y).
 *
 * @example
 * parseRcLocal('VIP=198.51.100.10\nip addr add dev lo $VIP/32\n', '/etc/rc.local')
 * // → [{mechanism: 'rc.local', interface: 'lo', address: '198.51.100.10', prefixLength: 32,
 * //     file: '/etc/rc.local', line: 2, effective: true}]
 */
import type {PersistedAddress} from '../facts/model.js'
import {classfulPrefix, hostPrefix, netmaskToPrefix, splitCidr} from './netmask.js'
import {splitLines} from './parse-error.js'

export interface CommandAddress {
  interface: string
  address: string
  prefixLength?: number
}

const IP_ADDR_OPTIONS = new Set(['broadcast', 'brd', 'anycast', 'scope', 'peer', 'remote', 'valid_lft', 'preferred_lft', 'metric', 'proto'])
const IFCONFIG_OPTIONS = new Set(['broadcast', 'pointopoint', 'dstaddr', 'mtu', 'metric', 'txqueuelen'])

export function parseRcLocal(text: string, file: string): PersistedAddress[] {
  const vars = new Map<string, string>()
  const found: PersistedAddress[] = []
  let inactiveBranch = false
  for (const {code, line} of logicalLines(text)) {
    let rest = code
    const label = /^\(?\s*((?:["']?[\w*.-]+["']?\s*\|\s*)*["']?[\w*.-]+["']?)\s*\)(.*)$/.exec(code)
    if (label) {
      const names = (label[1] as string).split('|').map((name) => name.trim().replace(/["']/g, ''))
      inactiveBranch = names.every((name) => name === 'stop' || name === 'status')
      rest = label[2] as string
    }
    if (!inactiveBranch) {
      for (const hit of commandAddresses(rest, vars)) found.push({mechanism: 'rc.local', ...hit, file, line, effective: true})
    }
    if (/;;|^esac\b/.test(rest.trim())) inactiveBranch = false
  }
  return found
}

/** Addresses added to lo by one shell command line; `VAR=value` words update `vars`. */
export function commandAddresses(commandLine: string, vars: Map<string, string> = new Map()): CommandAddress[] {
  const hits: CommandAddress[] = []
  for (const segment of commandLine.split(/;;|;|&&|\|\||\||&/)) {
    const words = shellWords(segment, vars)
    while (['sudo', 'exec', 'command', 'nohup', 'then', 'do', 'else', '{'].includes(words[0] ?? '')) words.shift()
    const assignment = /^(?:export\s+|local\s+|readonly\s+)?([A-Za-z_]\w*)=(.*)$/.exec(words.join(' '))
    if (assignment && words.length <= 2) vars.set(assignment[1] as string, assignment[2] as string)
    const tool = words[0]?.split('/').pop()
    const hit = tool === 'ip' ? ipAddrAdd(words.slice(1)) : tool === 'ifconfig' ? ifconfigAdd(words.slice(1)) : undefined
    if (hit) hits.push(hit)
  }
  return hits
}

function ipAddrAdd(args: string[]): CommandAddress | undefined {
  let i = 0
  for (; args[i]?.startsWith('-'); i++) if (/^-(f|family)$/.test(args[i] as string)) i++
  if (!/^a(d(d(r(e(ss?)?)?)?)?)?$/.test(args[i++] ?? '') || !/^(a|ad|add|replace)$/.test(args[i++] ?? '')) return undefined
  let dev: string | undefined
  let label: string | undefined
  let local: string | undefined
  for (; i < args.length; i++) {
    const word = args[i] as string
    if (word === 'dev') dev = args[++i]
    else if (word === 'label') label = args[++i]
    else if (word === 'local') local = args[++i]
    else if (IP_ADDR_OPTIONS.has(word)) i++
    else if (local === undefined && splitCidr(word)) local = word
  }
  const cidr = local === undefined ? undefined : splitCidr(local)
  if (!cidr || !isLoopback(dev)) return undefined
  return {interface: label ?? (dev as string), address: cidr.address, prefixLength: cidr.prefixLength ?? hostPrefix(cidr.address)}
}

function ifconfigAdd([iface, ...args]: string[]): CommandAddress | undefined {
  let address: string | undefined
  let netmask: string | undefined
  for (let i = 0; i < args.length; i++) {
    const word = args[i] as string
    if (word === 'netmask') netmask = args[++i]
    else if (word === 'hw') i += 2
    else if (IFCONFIG_OPTIONS.has(word)) i++
    else if (address === undefined && splitCidr(word)) address = word
  }
  const cidr = address === undefined ? undefined : splitCidr(address)
  if (!cidr || !isLoopback(iface)) return undefined
  const fromMask = netmask === undefined ? classfulPrefix(cidr.address) : netmaskToPrefix(netmask)
  return {interface: iface as string, address: cidr.address, prefixLength: cidr.prefixLength ?? fromMask}
}

function isLoopback(name: string | undefined): boolean {
  return name === 'lo' || (name?.startsWith('lo:') ?? false)
}

/** Words with quotes removed and `$VAR` / `${VAR}` substituted when known. */
function shellWords(segment: string, vars: ReadonlyMap<string, string>): string[] {
  const expand = (text: string): string => text.replace(/\$\{(\w+)\}|\$(\w+)/g, (all, a, b) => vars.get(a ?? b) ?? all)
  return [...segment.matchAll(/(?:"[^"]*"|'[^']*'|[^\s"']+)+/g)].map((match) =>
    match[0].replace(/'([^']*)'|"([^"]*)"|([^"']+)/g, (_all, single, double, bare) => single ?? expand(double ?? bare)),
  )
}

/** Joins `\` continuations, removes comments and heredoc bodies; keeps each command's first line number. */
function logicalLines(text: string): Array<{code: string; line: number}> {
  const out: Array<{code: string; line: number}> = []
  let heredoc: string | undefined
  let pending: {code: string; line: number} | undefined
  splitLines(text).forEach((raw, index) => {
    if (heredoc !== undefined) {
      if (raw.trim() === heredoc) heredoc = undefined
      return
    }
    const code = raw.replace(/(^|\s)#.*$/, '').trimEnd()
    const joined = pending ? {code: `${pending.code} ${code.trim()}`, line: pending.line} : {code: code.trim(), line: index + 1}
    if (joined.code.endsWith('\\')) {
      pending = {code: joined.code.slice(0, -1), line: joined.line}
      return
    }
    pending = undefined
    heredoc = /<<-?\s*["']?(\w+)["']?/.exec(joined.code)?.[1]
    if (joined.code !== '') out.push(joined)
  })
  return out
}
