/**
 * Address and port helpers shared by the load-balancer parsers: `host:port` and `[v6]:port`
 * splitting, service names (`ipvsadm -L` without -n prints `:http`; ldirectord accepts them),
 * IPv4 ranges, and IPVS's names for its forwarding methods.
 */
import type {LbMethod} from '../../facts/lb-config.js'
import {canonicalIp} from '../ip-address.js'
import {ParseError} from '../parse-error.js'

/**
 * Service names from the IANA registry as /etc/services (netbase) spells them, plus the
 * ldirectord-only aliases (pop, pops, pgsql, oracle, http_proxy). ipvsadm resolves ports with
 * getservbyname(), so a name missing here can still be real: the caller says to use -n.
 */
const SERVICE_PORTS: Readonly<Record<string, number>> = {
  ftp: 21, ssh: 22, telnet: 23, smtp: 25, domain: 53, dns: 53, http: 80, www: 80, pop3: 110, pop: 110, nntp: 119,
  ntp: 123, imap: 143, imap2: 143, snmp: 161, ldap: 389, https: 443, submission: 587, ldaps: 636, imaps: 993,
  pop3s: 995, pops: 995, 'ms-sql-s': 1433, oracle: 1521, radius: 1812, nfs: 2049, 'http_proxy': 3128, squid: 3128,
  mysql: 3306, sip: 5060, postgresql: 5432, pgsql: 5432, 'sun-sr-https': 6443, 'http-alt': 8080, webcache: 8080,
  'pcsync-https': 8443,
}

/** A host name as ldirectord and ipvsadm accept it (letters, digits, dots, dashes). */
const HOST_NAME = /^[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?$/

export interface HostPort {
  /** Canonical IP, or the host name as written. */
  host: string
  isName: boolean
  /** Undefined when the text had no port. */
  port?: number
}

/**
 * Parses a port number or service name.
 * @throws {ParseError} for a number above 65535 or a name this table does not know.
 */
export function parsePort(text: string, format: string, line: number | undefined): number {
  if (/^\d+$/.test(text)) {
    const port = Number(text)
    if (port > 65_535) throw new ParseError(format, `port ${text} is above 65535`, line)
    return port
  }
  const port = SERVICE_PORTS[text.toLowerCase()]
  if (port === undefined) throw new ParseError(format, `unknown service name "${text}" (give numeric ports, e.g. ipvsadm -n)`, line)
  return port
}

/**
 * Parses an address without a port: an IP (canonicalized) or, when `allowNames`, a host name.
 * @throws {ParseError} when the text is neither.
 */
export function parseHost(text: string, format: string, line: number | undefined, allowNames = true): {host: string; isName: boolean} {
  const ip = canonicalIp(text)
  if (ip !== undefined) return {host: ip, isName: false}
  if (allowNames && HOST_NAME.test(text) && !/^[\d.]+$/.test(text)) return {host: text.toLowerCase(), isName: true}
  throw new ParseError(format, `"${text}" is not an IP address`, line)
}

/**
 * Splits `a.b.c.d:port`, `name:port`, `[v6]:port`, or a bare address (no port).
 * @throws {ParseError} when the address or port is invalid.
 */
export function parseHostPort(text: string, format: string, line: number | undefined, allowNames = true): HostPort {
  const bracketed = /^\[([^\]]+)\](?::(.+))?$/.exec(text)
  const [hostText, portText] = bracketed
    ? [bracketed[1] ?? '', bracketed[2]]
    : canonicalIp(text) !== undefined
      ? [text, undefined] // a bare IPv6 address is all colons: never split it
      : splitLastColon(text)
  const {host, isName} = parseHost(hostText, format, line, allowNames)
  return portText === undefined ? {host, isName} : {host, isName, port: parsePort(portText, format, line)}
}

function splitLastColon(text: string): [string, string | undefined] {
  const colon = text.lastIndexOf(':')
  return colon < 0 ? [text, undefined] : [text.slice(0, colon), text.slice(colon + 1)]
}

/**
 * Every IPv4 address from `first` to `last` inclusive, or undefined when they are not IPv4,
 * out of order, or more than `limit` apart (a typo should not become a million services).
 */
export function ipv4Range(first: string, last: string, limit: number): string[] | undefined {
  const a = ipv4ToInt(first)
  const b = ipv4ToInt(last)
  if (a === undefined || b === undefined || b < a || b - a >= limit) return undefined
  return Array.from({length: b - a + 1}, (_, i) => intToIpv4(a + i))
}

export function ipv4ToInt(text: string): number | undefined {
  const parts = text.split('.')
  if (parts.length !== 4 || canonicalIp(text) !== text || text.includes(':')) return undefined
  return parts.reduce((value, part) => value * 256 + Number(part), 0)
}

export function intToIpv4(value: number): string {
  return [24, 16, 8, 0].map((shift) => Math.floor(value / 2 ** shift) % 256).join('.')
}

/** IPVS's own names (ipvsadm "Forward" column, /proc/net/ip_vs); Local and FullNat are not real-server methods. */
const IPVS_FORWARD: Readonly<Record<string, LbMethod>> = {Route: 'dr', Tunnel: 'tun', Masq: 'nat'}

export function methodFromIpvsName(name: string): LbMethod | undefined {
  return IPVS_FORWARD[name]
}
