/**
 * Parser for ldirectord.cf, following ldirectord's own read_config():
 * - `virtual=` / `virtual6=` start a service at the start of a line: `IP:PORT`, `NAME:PORT`,
 *   `[v6]:PORT` (virtual6 only), or a bare number, which is a firewall mark;
 * - the service's options follow on lines indented by 4 spaces or a tab; the first line that is
 *   not indented ends the block, a blank line included, and a `#` starts a comment anywhere in it;
 * - `real=ADDR[->ADDR2][:PORT] gate|masq|ipip [WEIGHT] ["request", "receive"]` (weight 1 by
 *   default; `real6=` for IPv6); gate is Direct Routing, ipip tunnelling, masq NAT;
 * - `fallback=ADDR[:PORT] [gate|masq|ipip]` (gate by default), per service or global;
 * - `protocol=` tcp|udp|fwm (tcp by default, udp when the port is 53), `scheduler=`, `persistent=`.
 * Other options (checks, e-mail, logging) do not change what the real servers receive and are
 * ignored. Host names are kept as written: resolving them is not a parser's job.
 *
 * @example
 * parseLdirectordCf('virtual=192.168.6.240:80\n\treal=192.168.6.2:80 gate\n\tscheduler=rr\n')
 * // → {format: 'ldirectord', notes: [], services: [{vip: '192.168.6.240', port: 80, protocol: 'tcp', scheduler: 'rr', line: 1,
 * //     realServers: [{address: '192.168.6.2', port: 80, method: 'dr', weight: 1, fallback: false, line: 2}]}]}
 */
import type {LbConfig, LbMethod, LbNote, LbProtocol, LbRealServer, LbService} from '../../facts/lb-config.js'
import {ParseError, splitLines} from '../parse-error.js'
import {type HostPort, ipv4Range, parseHost, parseHostPort} from './endpoint.js'
import {finishLbConfig} from './finish.js'

const FORMAT = 'ldirectord.cf'
const METHODS: Readonly<Record<string, LbMethod>> = {gate: 'dr', ipip: 'tun', masq: 'nat'}
const MAX_RANGE = 1024
const ADDRESS = String.raw`(?:\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9.-]+)`
/** ldirectord's real-server pattern: address, optional `->` range end, optional port, then flags. */
const REAL = new RegExp(String.raw`^(${ADDRESS})(?:->(${ADDRESS}))?(?::([\w-]+))?\s+(.*)$`)

interface Block {
  service: LbService
  ipv6: boolean
  reals: Array<{text: string; line: number}>
  fallback?: {text: string; line: number}
  protocolSet: boolean
}

/**
 * Parses an ldirectord.cf.
 * @throws {ParseError} where ldirectord would refuse the file: a bad virtual or real line, an
 *   unknown forwarding method or protocol, an indented line outside a virtual block.
 */
export function parseLdirectordCf(text: string): LbConfig {
  const notes: LbNote[] = []
  const blocks: Block[] = []
  const globalFallback: Partial<Record<'v4' | 'v6', {text: string; line: number}>> = {}
  let block: Block | undefined
  splitLines(text).forEach((raw, index) => {
    const line = index + 1
    const virtual = /^virtual(6)?\s*=\s*(.*)$/.exec(raw)
    if (virtual) {
      block = startBlock(withoutComment(virtual[2] ?? ''), virtual[1] === '6', line, notes)
      blocks.push(block)
      return
    }
    const option = withoutComment(raw).replaceAll('\t', '    ')
    if (block && /^\s*#/.test(raw)) return
    if (block && /^ {4,}\S/.test(option)) {
      blockOption(block, option.trim(), line)
      return
    }
    block = undefined
    if (option.trim() === '') return
    if (/^\s/.test(option)) throw new ParseError(FORMAT, 'indented option outside a virtual= block (ldirectord ends a block at the first line that is not indented, blank lines included)', line)
    const fallback = /^fallback(6)?\s*=\s*(.*)$/.exec(option)
    if (fallback) globalFallback[fallback[1] === '6' ? 'v6' : 'v4'] = {text: fallback[2] ?? '', line}
  })
  const services = blocks.map((b) => finishBlock(b, b.fallback ?? globalFallback[b.ipv6 ? 'v6' : 'v4'], notes))
  return finishLbConfig({format: 'ldirectord', services, notes})
}

function startBlock(value: string, ipv6: boolean, line: number, notes: LbNote[]): Block {
  const target = value.trim().split(/\s+/)[0] ?? ''
  const base = {ipv6, reals: [], protocolSet: false}
  if (/^\d+$/.test(target)) return {...base, service: {fwmark: Number(target), port: 0, realServers: [], line}}
  if (!/:[\w-]+$/.test(target)) throw new ParseError(FORMAT, `virtual${ipv6 ? '6' : ''}=${target}: expected ADDRESS:PORT or a firewall mark`, line)
  const endpoint = parseHostPort(target, FORMAT, line)
  if (endpoint.host.includes(':') !== ipv6) throw new ParseError(FORMAT, ipv6 ? 'virtual6= needs an IPv6 address in brackets' : 'an IPv6 address needs virtual6=, not virtual=', line)
  if (endpoint.isName) notes.push({line, message: `virtual service host name ${endpoint.host} is not resolved`})
  const port = endpoint.port ?? 0
  const service: LbService = {vip: endpoint.host, port, protocol: port === 53 ? 'udp' : 'tcp', realServers: [], line}
  return {...base, service}
}

function blockOption(block: Block, option: string, line: number): void {
  const [, key = '', value = ''] = /^([\w-]+)\s*=\s*(.*)$/.exec(option) ?? []
  const {service} = block
  if (key === 'real' || key === 'real6') block.reals.push({text: value, line})
  else if (key === 'fallback' || key === 'fallback6') block.fallback = {text: value, line}
  else if (key === 'scheduler') service.scheduler = value.trim()
  else if (key === 'persistent' && /^\d+/.test(value)) service.persistence = Number.parseInt(value, 10)
  else if (key === 'protocol') setProtocol(block, value.trim().toLowerCase(), line)
}

function setProtocol(block: Block, protocol: string, line: number): void {
  const {service} = block
  if (service.fwmark !== undefined) {
    if (protocol !== 'fwm') throw new ParseError(FORMAT, `protocol must be fwm for a firewall-mark service, not "${protocol}"`, line)
    return
  }
  if (protocol !== 'tcp' && protocol !== 'udp' && protocol !== 'sctp') throw new ParseError(FORMAT, `protocol "${protocol}" is not tcp or udp`, line)
  service.protocol = protocol satisfies LbProtocol
}

function finishBlock(block: Block, fallback: {text: string; line: number} | undefined, notes: LbNote[]): LbService {
  const {service} = block
  const reals = block.reals.flatMap(({text, line}) => realServers(text, line, service.port, notes))
  if (fallback) reals.push(fallbackServer(fallback.text, fallback.line, service.port, notes))
  return {...service, realServers: reals}
}

function realServers(text: string, line: number, servicePort: number, notes: LbNote[]): LbRealServer[] {
  const match = REAL.exec(text.trim())
  if (!match) throw new ParseError(FORMAT, `real=${text.trim()}: expected ADDRESS[:PORT] gate|masq|ipip [WEIGHT]`, line)
  const [, first = '', last, portText, flags = ''] = match
  const endpoint = parseHostPort(portText === undefined ? first : `${first}:${portText}`, FORMAT, line)
  const [, methodText = '', weightText] = /^(\w+)(?:\s+(\d+))?/.exec(flags) ?? []
  const method = METHODS[methodText]
  if (method === undefined) throw new ParseError(FORMAT, `forward method must be gate, masq or ipip, not "${methodText}"`, line)
  const addresses = last === undefined ? [endpoint.host] : expandRealRange(endpoint, last, line)
  noteName(endpoint, line, notes)
  const weight = weightText === undefined ? 1 : Number(weightText)
  return addresses.map((address) => ({address, port: endpoint.port ?? servicePort, method, weight, fallback: false, line}))
}

/** `real=192.168.6.2->192.168.6.7:80`: ldirectord expands IPv4 ranges only. */
function expandRealRange(endpoint: HostPort, lastText: string, line: number): string[] {
  const last = parseHost(lastText, FORMAT, line).host
  const addresses = endpoint.isName ? undefined : ipv4Range(endpoint.host, last, MAX_RANGE)
  if (addresses === undefined) throw new ParseError(FORMAT, `real server range ${endpoint.host}->${last} is not an IPv4 range of at most ${MAX_RANGE} addresses`, line)
  return addresses
}

/** `fallback=ADDR[:PORT] [gate|masq|ipip]`: the method defaults to gate, the port to the service's. */
function fallbackServer(text: string, line: number, servicePort: number, notes: LbNote[]): LbRealServer {
  const [target = '', methodText = 'gate'] = text.trim().split(/\s+/)
  const method = METHODS[methodText]
  if (method === undefined) throw new ParseError(FORMAT, `forward method must be gate, masq or ipip, not "${methodText}"`, line)
  const endpoint = parseHostPort(target, FORMAT, line)
  noteName(endpoint, line, notes)
  return {address: endpoint.host, port: endpoint.port ?? servicePort, method, weight: 1, fallback: true, line}
}

function noteName(endpoint: HostPort, line: number, notes: LbNote[]): void {
  if (endpoint.isName) notes.push({line, message: `real server host name ${endpoint.host} is not resolved: it matches a server only by that name`})
}

/** ldirectord deletes everything from `#` on in option lines before reading them. */
function withoutComment(text: string): string {
  const hash = text.indexOf('#')
  return hash < 0 ? text : text.slice(0, hash)
}
