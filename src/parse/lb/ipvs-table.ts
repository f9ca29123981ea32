/**
 * The table shape `ipvsadm -L` and /proc/net/ip_vs share (the kernel's ip_vs_info_seq_show()
 * and ipvsadm's print_service_entry() print the same layout):
 *
 *     IP Virtual Server version 1.2.1 (size=4096)
 *     Prot LocalAddress:Port Scheduler Flags
 *       -> RemoteAddress:Port           Forward Weight ActiveConn InActConn
 *     TCP  10.0.0.1:80 wrr persistent 50
 *       -> 192.168.0.2:80               Route   1      0          0
 *     FWM  100 wrr
 *
 * Only the address syntax differs (names or numbers vs hex); each format passes its decoders.
 * A table indented as a whole (pasted into a document or a ticket) is read all the same.
 * The Forward column is Route (dr), Tunnel (tun) or Masq (nat); Local means the director serves
 * the request itself, so such an entry is reported, not kept as a real server.
 */
import type {LbNote, LbProtocol, LbRealServer, LbService} from '../../facts/lb-config.js'
import {ParseError, splitLines} from '../parse-error.js'
import {methodFromIpvsName} from './endpoint.js'

export interface IpvsSyntax {
  format: string
  /** The service's address part (`10.0.0.1:80`, `0A000001:0050`, ...) → vip and port. */
  service: (text: string, line: number, notes: LbNote[]) => {vip: string; port: number}
  /** The FWM mark as printed (decimal for ipvsadm, hex for the kernel). */
  fwmark: (text: string, line: number) => number
  /** A real server's `address:port`. */
  real: (text: string, line: number, notes: LbNote[]) => {address: string; port: number}
}

const SERVICE = /^\s*(TCP|UDP|SCTP)\s+(\S+)\s+(\S+)(.*)$/
const FWM = /^\s*FWM\s+([0-9A-Fa-f]+)(\s+IPv6)?\s+(\S+)(.*)$/
const REAL = /^\s*->\s+(\S+)\s+([A-Za-z]+)\s+(-?\d+)(?:\s+\d+\s+\d+)?\s*$/
/** Title rows of -L variants that print counters instead of the Forward column. */
const NO_FORWARD_COLUMN: ReadonlyArray<[RegExp, string]> = [
  [/\bConns\b/, '--stats'],
  [/\bCPS\b/, '--rate'],
  [/\bUthreshold\b/, '--thresholds'],
  [/\bPersistConn\b/, '--persistent-conn'],
]

/**
 * Reads the services and real servers of an IPVS table.
 * @throws {ParseError} for empty text, a table without the Forward column, a real server
 *   before any service, or a line that is none of header, service and real server.
 */
export function parseIpvsTable(text: string, syntax: IpvsSyntax): {services: LbService[]; notes: LbNote[]} {
  const lines = splitLines(text)
  if (lines.every((raw) => raw.trim() === '')) throw new ParseError(syntax.format, 'the output is empty')
  const services: LbService[] = []
  const notes: LbNote[] = []
  lines.forEach((raw, index) => {
    const line = index + 1
    const content = raw.trimEnd()
    if (content.trim() === '' || isTitle(content, syntax.format, line)) return
    const service = serviceLine(content, line, syntax, notes)
    if (service) {
      services.push(service)
      return
    }
    const real = REAL.exec(content)
    if (!real) throw new ParseError(syntax.format, `expected a service (TCP, UDP, SCTP, FWM) or a "->" real server, found ${JSON.stringify(content.trim())}`, line)
    const current = services.at(-1)
    if (!current) throw new ParseError(syntax.format, 'a real server comes before any service', line)
    const entry = realLine(real, line, syntax, notes, current)
    if (entry) current.realServers.push(entry)
  })
  return {services, notes}
}

function isTitle(content: string, format: string, line: number): boolean {
  if (/^\s*IP Virtual Server version/.test(content) || /^\s*-> RemoteAddress:Port/.test(content)) return true
  if (!/^\s*Prot LocalAddress:Port/.test(content)) return false
  const variant = NO_FORWARD_COLUMN.find(([pattern]) => pattern.test(content))
  if (variant) throw new ParseError(format, `this is ipvsadm -L ${variant[1]} output, which has no Forward column: use ipvsadm -Ln`, line)
  return true
}

function serviceLine(content: string, line: number, syntax: IpvsSyntax, notes: LbNote[]): LbService | undefined {
  const fwm = FWM.exec(content)
  if (fwm) {
    const [, markText = '', ipv6, scheduler = '', flags = ''] = fwm
    return {fwmark: syntax.fwmark(markText, line), ...(ipv6 ? {family: 'inet6' as const} : {}), port: 0, scheduler, ...persistence(flags), realServers: [], line}
  }
  const match = SERVICE.exec(content)
  if (!match) return undefined
  const [, protocol = '', address = '', scheduler = '', flags = ''] = match
  const {vip, port} = syntax.service(address, line, notes)
  return {vip, port, protocol: protocol.toLowerCase() as LbProtocol, scheduler, ...persistence(flags), realServers: [], line}
}

/** `persistent 360` in both formats; the mask that may follow is not needed here. */
function persistence(flags: string): {persistence?: number} {
  const match = /\bpersistent\s+(\d+)/.exec(flags)
  return match ? {persistence: Number(match[1])} : {}
}

function realLine(match: RegExpExecArray, line: number, syntax: IpvsSyntax, notes: LbNote[], service: LbService): LbRealServer | undefined {
  const [, target = '', forward = '', weight = '0'] = match
  const {address, port} = syntax.real(target, line, notes)
  const method = methodFromIpvsName(forward)
  if (method === undefined) {
    const why = forward === 'Local' ? 'is the director itself (Local): it serves the request, no real-server setup applies' : `uses forwarding "${forward}", which rsaudit does not audit`
    notes.push({line, message: `real server ${target} of service line ${service.line ?? '?'} ${why}; skipped`})
    return undefined
  }
  return {address, port, method, weight: Number(weight), fallback: false, line}
}
