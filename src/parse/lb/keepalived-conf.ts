/**
 * Parser for keepalived.conf(5): the LVS part (`virtual_server`, `virtual_server_group`,
 * `real_server`, `sorry_server`). VRRP, global and checker blocks are read only as structure;
 * their keywords are ignored, as are unknown ones (keepalived itself logs and goes on).
 *
 * Meaning, from keepalived.conf(5):
 * - `virtual_server IP [PORT]`, `virtual_server fwmark N`, `virtual_server group NAME`;
 *   an omitted port means every port (only valid for persistent services);
 * - the forwarding method is `lvs_method` or its older name `lb_kind`: NAT|DR|TUN, any case,
 *   default NAT; a real_server's own `lvs_method` overrides it, and `sorry_server_lvs_method`
 *   sets the sorry server's;
 * - `lvs_sched`/`lb_algo` is the scheduler, `protocol` TCP|UDP|SCTP (default TCP),
 *   `persistence_timeout` without a value is 360 s, and 0 means not persistent;
 * - a `virtual_server_group` lists `IP [PORT]`, ranges (`10.0.0.3-10`, `a.b.c.d-e.f.g.h`,
 *   `a.b.c.d/29`, IPv6 `2001:db8::2-9`) and `fwmark N [inet|inet6]`; each becomes a service.
 *
 * @example
 * parseKeepalivedConf('virtual_server 10.0.0.1 80 {\n lb_kind DR\n real_server 192.0.2.5 80 { weight 2 }\n}\n')
 * // → {format: 'keepalived', notes: [], services: [{vip: '10.0.0.1', port: 80, protocol: 'tcp', line: 1,
 * //     realServers: [{address: '192.0.2.5', port: 80, method: 'dr', weight: 2, fallback: false, line: 3}]}]}
 */
import type {LbConfig, LbMethod, LbNote, LbProtocol, LbRealServer, LbService} from '../../facts/lb-config.js'
import {ParseError} from '../parse-error.js'
import {fwmarkOf, type GroupEntry, parseGroupEntries} from './keepalived-group.js'
import {KEEPALIVED_FORMAT, type KeepalivedStatement, parseKeepalivedTree} from './keepalived-tree.js'
import {finishLbConfig} from './finish.js'
import {parseHost, parsePort} from './endpoint.js'

const METHODS: Readonly<Record<string, LbMethod>> = {NAT: 'nat', DR: 'dr', TUN: 'tun'}
const PROTOCOLS: Readonly<Record<string, LbProtocol>> = {TCP: 'tcp', UDP: 'udp', SCTP: 'sctp'}
/** keepalived.conf(5): "LVS persistence timeout in seconds, default 6 minutes". */
const DEFAULT_PERSISTENCE = 360

/** A real server before the service's port is known (group entries each have their own). */
interface PendingReal extends Omit<LbRealServer, 'port'> {
  port?: number
}

/**
 * Parses a keepalived.conf.
 * @throws {ParseError} for broken structure (see keepalived-tree.ts), a virtual or real server
 *   whose address, port, method or protocol keepalived would reject.
 */
export function parseKeepalivedConf(text: string): LbConfig {
  const tree = parseKeepalivedTree(text)
  const notes: LbNote[] = [
    ...tree.includes.map(({path, line}) => ({line, message: `include ${path} is not followed: read the included files too, or the live table (ipvsadm -Ln)`})),
    ...tree.conditionals.map(({condition, line}) => ({line, message: `line applies only when keepalived runs with -i ${condition.replace(/^\^/, 'anything but ')}; read as if it did`})),
  ]
  const groups = new Map<string, GroupEntry[]>()
  for (const statement of tree.statements.filter((s) => s.keyword === 'virtual_server_group')) {
    groups.set(statement.args[0] ?? '', parseGroupEntries(statement, notes))
  }
  const services = tree.statements.filter((s) => s.keyword === 'virtual_server').flatMap((statement) => virtualServer(statement, groups, notes))
  return finishLbConfig({format: 'keepalived', services, notes}, vrrpAddresses(tree.statements))
}

function virtualServer(statement: KeepalivedStatement, groups: Map<string, GroupEntry[]>, notes: LbNote[]): LbService[] {
  const {line} = statement
  const children = statement.children ?? []
  const value = (...keywords: string[]): KeepalivedStatement | undefined => children.findLast((child) => keywords.includes(child.keyword))
  const methodStatement = value('lvs_method', 'lb_kind')
  const method = methodStatement ? methodOf(methodStatement) : 'nat'
  const entries = serviceEntries(statement, groups, notes)
  if (!methodStatement && entries.length > 0) notes.push({line, message: `${describe(statement)} has no lvs_method (lb_kind): keepalived's default, NAT, applies`})
  const protocolText = value('protocol')?.args[0]
  const protocol = protocolText === undefined ? 'tcp' : PROTOCOLS[protocolText.toUpperCase()]
  if (protocol === undefined) throw new ParseError(KEEPALIVED_FORMAT, `unknown protocol "${protocolText}" (expected TCP, UDP or SCTP)`, value('protocol')?.line)
  const persistence = persistenceOf(value('persistence_timeout'))
  const scheduler = value('lvs_sched', 'lb_algo')?.args[0]
  const family = value('ip_family')?.args[0]
  const reals = children.filter((child) => child.keyword === 'real_server').map((child) => realServer(child, method))
  const sorry = value('sorry_server')
  if (sorry) {
    const sorryMethod = value('sorry_server_lvs_method')
    reals.push({...endpointOf(sorry), method: sorryMethod ? methodOf(sorryMethod) : method, weight: 1, fallback: true, line: sorry.line})
  }
  return entries.map((entry) => ({
    ...(entry.vip === undefined ? {} : {vip: entry.vip}),
    ...(entry.fwmark === undefined ? {} : {fwmark: entry.fwmark}),
    ...familyOf(entry, family),
    port: entry.port,
    protocol,
    ...(scheduler === undefined ? {} : {scheduler}),
    ...(persistence === undefined ? {} : {persistence}),
    ...(entry.group === undefined ? {} : {group: entry.group}),
    realServers: reals.map(({address, port, ...rest}) => ({address, port: port ?? entry.port, ...rest})),
    line,
  }))
}

/** The (vip, port) or fwmark entries a virtual_server stands for: itself, or its group's. */
function serviceEntries(statement: KeepalivedStatement, groups: Map<string, GroupEntry[]>, notes: LbNote[]): Array<GroupEntry & {group?: string}> {
  const [first, second] = statement.args
  const {line} = statement
  if (first === 'group') {
    const entries = groups.get(second ?? '')
    if (entries === undefined) {
      notes.push({line, message: `virtual_server group ${second ?? ''}: no virtual_server_group of that name in this file; skipped`})
      return []
    }
    return entries.map((entry) => ({...entry, group: second}))
  }
  if (first === 'fwmark') return [{fwmark: fwmarkOf(second, line), port: 0}]
  if (first === undefined) throw new ParseError(KEEPALIVED_FORMAT, 'virtual_server needs an address, "fwmark N" or "group NAME"', line)
  return [{vip: parseHost(first, KEEPALIVED_FORMAT, line, false).host, port: second === undefined ? 0 : parsePort(second, KEEPALIVED_FORMAT, line)}]
}

function realServer(statement: KeepalivedStatement, serviceMethod: LbMethod): PendingReal {
  const children = statement.children ?? []
  const own = children.findLast((child) => child.keyword === 'lvs_method' || child.keyword === 'lb_kind')
  const weightText = children.findLast((child) => child.keyword === 'weight')?.args[0]
  const weight = weightText === undefined ? 1 : Number(weightText)
  if (!Number.isInteger(weight)) throw new ParseError(KEEPALIVED_FORMAT, `weight "${weightText}" is not a whole number`, statement.line)
  return {...endpointOf(statement), method: own ? methodOf(own) : serviceMethod, weight, fallback: false, line: statement.line}
}

/** `real_server IP [PORT]` / `sorry_server IP [PORT]`: keepalived wants numeric addresses. */
function endpointOf(statement: KeepalivedStatement): {address: string; port?: number} {
  const [addressText, portText] = statement.args
  if (addressText === undefined) throw new ParseError(KEEPALIVED_FORMAT, `${statement.keyword} needs an address`, statement.line)
  const address = parseHost(addressText, KEEPALIVED_FORMAT, statement.line, false).host
  return portText === undefined ? {address} : {address, port: parsePort(portText, KEEPALIVED_FORMAT, statement.line)}
}

function methodOf(statement: KeepalivedStatement): LbMethod {
  const method = METHODS[(statement.args[0] ?? '').toUpperCase()]
  if (method === undefined) throw new ParseError(KEEPALIVED_FORMAT, `${statement.keyword} "${statement.args[0] ?? ''}" is not NAT, DR or TUN`, statement.line)
  return method
}

function persistenceOf(statement: KeepalivedStatement | undefined): number | undefined {
  if (statement === undefined) return undefined
  const text = statement.args[0]
  const seconds = text === undefined ? DEFAULT_PERSISTENCE : Number(text)
  if (!Number.isInteger(seconds) || seconds < 0) throw new ParseError(KEEPALIVED_FORMAT, `persistence_timeout "${text}" is not a number of seconds`, statement.line)
  return seconds === 0 ? undefined : seconds
}

/** A group's `fwmark N inet6` wins; `ip_family` only matters for fwmark services. */
function familyOf(entry: GroupEntry, ipFamily: string | undefined): {family?: 'inet' | 'inet6'} {
  if (entry.family) return {family: entry.family}
  return entry.fwmark !== undefined && (ipFamily === 'inet' || ipFamily === 'inet6') ? {family: ipFamily} : {}
}

function describe(statement: KeepalivedStatement): string {
  return [statement.keyword, ...statement.args].join(' ')
}

/** The VRRP virtual addresses: the director's own VIPs, offered as a hint for fwmark services. */
function vrrpAddresses(statements: KeepalivedStatement[]): string[] {
  const addresses = statements
    .filter((s) => s.keyword === 'vrrp_instance')
    .flatMap((instance) => (instance.children ?? []).filter((c) => c.keyword === 'virtual_ipaddress' || c.keyword === 'virtual_ipaddress_excluded'))
    .flatMap((block) => (block.children ?? []).map((entry) => entry.keyword.replace(/\/\d+$/, '')))
  return [...new Set(addresses)]
}
