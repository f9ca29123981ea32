/**
 * Parser for `ipvsadm-save` / `ipvsadm -S [-n]` output and the rules files made from it
 * (/etc/sysconfig/ipvsadm, /etc/ipvsadm.rules), which `ipvsadm -R` replays one line at a time:
 *
 *     -A -t 172.16.0.206:80 -s wrr
 *     -a -t 172.16.0.206:80 -r 10.0.0.201:80 -m -w 1
 *     -A -f 100 -6 -s wrr -p 50
 *
 * Lines are applied in order, as ipvsadm -R would: -A/-E add or edit a service, -a/-e a real
 * server, -D/-d delete them, -C clears everything. A line may start with `ipvsadm`, and `#`
 * starts a comment. Defaults are ipvsadm(8)'s: scheduler wlc, forwarding -g (gatewaying, i.e.
 * Direct Routing), weight 1, persistence 300 s when -p has no value; an omitted service port
 * is 0 (every port) and an omitted real-server port is the service's.
 *
 * @example
 * parseIpvsadmSave('-A -t 10.0.0.1:80 -s rr\n-a -t 10.0.0.1:80 -r 192.0.2.5:80 -i -w 2\n')
 * // → {format: 'ipvsadm-save', notes: [], services: [{vip: '10.0.0.1', port: 80, protocol: 'tcp', scheduler: 'rr', line: 1,
 * //     realServers: [{address: '192.0.2.5', port: 80, method: 'tun', weight: 2, fallback: false, line: 2}]}]}
 */
import type {LbConfig, LbMethod, LbNote, LbProtocol, LbRealServer, LbService} from '../../facts/lb-config.js'
import {ParseError, splitLines} from '../parse-error.js'
import {parseHostPort} from './endpoint.js'
import {finishLbConfig} from './finish.js'

const FORMAT = 'ipvsadm-save'
const DEFAULT_SCHEDULER = 'wlc'
const DEFAULT_PERSISTENCE = 300

const COMMANDS: Readonly<Record<string, string>> = {
  '-A': 'add-service', '--add-service': 'add-service', '-E': 'edit-service', '--edit-service': 'edit-service',
  '-D': 'delete-service', '--delete-service': 'delete-service', '-C': 'clear', '--clear': 'clear',
  '-a': 'add-server', '--add-server': 'add-server', '-e': 'edit-server', '--edit-server': 'edit-server',
  '-d': 'delete-server', '--delete-server': 'delete-server',
}
const PROTOCOL_OPTIONS: Readonly<Record<string, LbProtocol | 'fwmark'>> = {
  '-t': 'tcp', '--tcp-service': 'tcp', '-u': 'udp', '--udp-service': 'udp', '--sctp-service': 'sctp', '-f': 'fwmark', '--fwmark-service': 'fwmark',
}
const METHOD_OPTIONS: Readonly<Record<string, LbMethod>> = {'-g': 'dr', '--gatewaying': 'dr', '-i': 'tun', '--ipip': 'tun', '-m': 'nat', '--masquerading': 'nat'}
const VALUE_OPTIONS: Readonly<Record<string, string>> = {
  '-s': 'scheduler', '--scheduler': 'scheduler', '-r': 'real', '--real-server': 'real', '-w': 'weight', '--weight': 'weight',
  '-M': 'ignored', '--netmask': 'ignored', '-b': 'ignored', '--sched-flags': 'ignored', '--pe': 'ignored', pe: 'ignored',
  '-x': 'ignored', '--u-threshold': 'ignored', '-y': 'ignored', '--l-threshold': 'ignored', '--tun-type': 'ignored', '--tun-port': 'ignored',
}
const FLAG_OPTIONS = new Set(['-6', '--ipv6', '-o', '--ops', 'ops', '-n', '--numeric', '--tun-nocsum', '--tun-csum', '--tun-remcsum'])

interface Rule {
  command: string
  protocol?: LbProtocol | 'fwmark'
  target?: string
  ipv6: boolean
  scheduler?: string
  persistence?: number
  real?: string
  method?: LbMethod
  weight?: number
}

/**
 * Parses saved IPVS rules.
 * @throws {ParseError} for an unknown option or command, a missing value, a bad address, or a
 *   real server for a service no earlier line added.
 */
export function parseIpvsadmSave(text: string): LbConfig {
  const services = new Map<string, LbService>()
  const notes: LbNote[] = []
  splitLines(text).forEach((raw, index) => {
    const line = index + 1
    const words = raw.replace(/#.*/, '').trim().split(/\s+/).filter(Boolean)
    if (/(^|\/)ipvsadm$/.test(words[0] ?? '')) words.shift()
    if (words.length === 0) return
    apply(readRule(words, line), line, services, notes)
  })
  return finishLbConfig({format: 'ipvsadm-save', services: [...services.values()], notes})
}

function readRule(words: string[], line: number): Rule {
  const rule: Rule = {command: '', ipv6: false}
  for (let i = 0; i < words.length; i++) {
    const word = words[i] ?? ''
    const next = (): string => {
      const value = words[++i]
      if (value === undefined) throw new ParseError(FORMAT, `${word} needs a value`, line)
      return value
    }
    if (COMMANDS[word] !== undefined) rule.command = COMMANDS[word]
    else if (PROTOCOL_OPTIONS[word] !== undefined) [rule.protocol, rule.target] = [PROTOCOL_OPTIONS[word], next()]
    else if (METHOD_OPTIONS[word] !== undefined) rule.method = METHOD_OPTIONS[word]
    else if (word === '-p' || word === '--persistent') rule.persistence = /^\d+$/.test(words[i + 1] ?? '') ? Number(words[++i]) : DEFAULT_PERSISTENCE
    else if (word === '-6' || word === '--ipv6') rule.ipv6 = true
    else if (FLAG_OPTIONS.has(word)) continue
    else if (VALUE_OPTIONS[word] !== undefined) setValue(rule, VALUE_OPTIONS[word], next(), line)
    else throw new ParseError(FORMAT, `unknown ipvsadm option "${word}"`, line)
  }
  if (rule.command === '') throw new ParseError(FORMAT, 'expected a rule such as "-A -t ADDRESS:PORT" or "-a -t ADDRESS:PORT -r ADDRESS"', line)
  return rule
}

function setValue(rule: Rule, key: string, value: string, line: number): void {
  if (key === 'scheduler') rule.scheduler = value
  else if (key === 'real') rule.real = value
  else if (key === 'weight') {
    if (!/^\d+$/.test(value)) throw new ParseError(FORMAT, `weight "${value}" is not a whole number`, line)
    rule.weight = Number(value)
  }
}

function apply(rule: Rule, line: number, services: Map<string, LbService>, notes: LbNote[]): void {
  if (rule.command === 'clear') {
    services.clear()
    return
  }
  const key = serviceKey(rule, line)
  const service = services.get(key)
  if (rule.command === 'add-service' || rule.command === 'edit-service') {
    const base = service ?? {...newService(rule, line, notes), scheduler: DEFAULT_SCHEDULER}
    services.set(key, {...base, ...(rule.scheduler === undefined ? {} : {scheduler: rule.scheduler}), ...(rule.persistence === undefined ? {} : {persistence: rule.persistence})})
    return
  }
  if (rule.command === 'delete-service') {
    services.delete(key)
    return
  }
  if (service === undefined) throw new ParseError(FORMAT, `real server for ${rule.target ?? ''}, a service no earlier line added (-A)`, line)
  if (rule.real === undefined) throw new ParseError(FORMAT, `${rule.command === 'delete-server' ? '-d' : '-a/-e'} needs -r ADDRESS`, line)
  const endpoint = parseHostPort(rule.real, FORMAT, line)
  if (endpoint.isName) notes.push({line, message: `real server host name ${endpoint.host} is not resolved (saved without -n): it matches a server only by that name`})
  const port = endpoint.port ?? service.port
  const others = service.realServers.filter((real) => real.address !== endpoint.host || real.port !== port)
  const existing = service.realServers.find((real) => real.address === endpoint.host && real.port === port)
  if (rule.command === 'delete-server') {
    service.realServers = others
    return
  }
  const real: LbRealServer = {address: endpoint.host, port, method: rule.method ?? existing?.method ?? 'dr', weight: rule.weight ?? existing?.weight ?? 1, fallback: false, line}
  service.realServers = existing ? service.realServers.map((r) => (r === existing ? real : r)) : [...others, real]
}

/** `-t 10.0.0.1:http` and `-t 10.0.0.1:80` are one service. */
function serviceKey(rule: Rule, line: number): string {
  if (rule.protocol === undefined || rule.target === undefined) throw new ParseError(FORMAT, 'the rule names no service (-t, -u, --sctp-service or -f)', line)
  if (rule.protocol === 'fwmark') return `fwmark ${rule.target} ${rule.ipv6 ? '6' : '4'}`
  const {host, port = 0} = parseHostPort(rule.target, FORMAT, line)
  return `${rule.protocol} ${host} ${port}`
}

function newService(rule: Rule, line: number, notes: LbNote[]): LbService {
  const target = rule.target ?? ''
  if (rule.protocol === 'fwmark') {
    if (!/^\d+$/.test(target) || Number(target) < 1) throw new ParseError(FORMAT, `-f "${target}" is not a firewall mark`, line)
    return {fwmark: Number(target), ...(rule.ipv6 ? {family: 'inet6' as const} : {}), port: 0, realServers: [], line}
  }
  const endpoint = parseHostPort(target, FORMAT, line)
  if (endpoint.isName) notes.push({line, message: `virtual service host name ${endpoint.host} is not resolved (saved without -n)`})
  return {vip: endpoint.host, port: endpoint.port ?? 0, ...(rule.protocol === undefined ? {} : {protocol: rule.protocol}), realServers: [], line}
}
