/**
 * keepalived `virtual_server_group NAME { ... }` entries: `IP [PORT]`, address ranges and
 * `fwmark N [inet|inet6]`, as keepalived.conf(5) lists them. Ranges are expanded to one entry
 * per address so every VIP can be matched; a range wider than {@link MAX_RANGE} is reported
 * and skipped rather than turned into thousands of services.
 */
import type {LbNote} from '../../facts/lb-config.js'
import {canonicalIp, formatIpv6, ipv6Hextets} from '../ip-address.js'
import {ParseError} from '../parse-error.js'
import {intToIpv4, ipv4Range, ipv4ToInt, parsePort} from './endpoint.js'
import {KEEPALIVED_FORMAT, type KeepalivedStatement} from './keepalived-tree.js'

const MAX_RANGE = 1024

export interface GroupEntry {
  vip?: string
  fwmark?: number
  family?: 'inet' | 'inet6'
  port: number
}

/**
 * The entries of one group, in file order.
 * @throws {ParseError} for an entry that is not an address, range or fwmark, or a bad port.
 */
export function parseGroupEntries(group: KeepalivedStatement, notes: LbNote[]): GroupEntry[] {
  return (group.children ?? []).flatMap((entry): GroupEntry[] => {
    const {keyword, args, line} = entry
    if (keyword === 'fwmark') {
      const family = args[1] === 'inet' || args[1] === 'inet6' ? {family: args[1] as 'inet' | 'inet6'} : {}
      return [{fwmark: fwmarkOf(args[0], line), ...family, port: 0}]
    }
    const port = args[0] === undefined ? 0 : parsePort(args[0], KEEPALIVED_FORMAT, line)
    const vips = expandRange(keyword)
    if (vips === undefined) throw new ParseError(KEEPALIVED_FORMAT, `virtual_server_group ${group.args[0] ?? ''}: "${keyword}" is not an address, range or fwmark`, line)
    if (vips.length === 0) notes.push({line, message: `virtual_server_group ${group.args[0] ?? ''}: range ${keyword} has more than ${MAX_RANGE} addresses; not listed`})
    return vips.map((vip) => ({vip, port}))
  })
}

/** Addresses of `ip`, `a.b.c.d-e`, `a.b.c.d-e.f.g.h`, `a.b.c.d/nn`, `v6-hhhh`; [] when too wide; undefined when invalid. */
function expandRange(text: string): string[] | undefined {
  const single = canonicalIp(text)
  if (single !== undefined) return [single]
  const cidr = /^([\d.]+)\/(\d{1,2})$/.exec(text)
  if (cidr) {
    const base = ipv4ToInt(cidr[1] ?? '')
    const length = Number(cidr[2])
    if (base === undefined || length > 32) return undefined
    const size = 2 ** (32 - length)
    const start = base - (base % size)
    return ipv4Range(intToIpv4(start), intToIpv4(start + size - 1), MAX_RANGE) ?? []
  }
  const dash = text.lastIndexOf('-')
  if (dash < 0) return undefined
  const [first, end] = [text.slice(0, dash), text.slice(dash + 1)]
  if (ipv4ToInt(first) !== undefined) {
    const last = /^\d{1,3}$/.test(end) ? `${first.slice(0, first.lastIndexOf('.'))}.${end}` : end
    return ipv4ToInt(last) === undefined ? undefined : (ipv4Range(first, last, MAX_RANGE) ?? [])
  }
  const start = canonicalIp(first)
  const words = start === undefined ? undefined : ipv6Hextets(start)
  if (words === undefined || !/^[\da-f]{1,4}$/i.test(end)) return undefined
  const from = words[7] ?? 0
  const to = Number.parseInt(end, 16)
  if (to < from) return undefined
  return Array.from({length: to - from + 1}, (_, i) => formatIpv6([...words.slice(0, 7), from + i]))
}

/** @throws {ParseError} unless the text is a mark from 1 to 2^32-1. */
export function fwmarkOf(text: string | undefined, line: number): number {
  const mark = text !== undefined && /^\d+$/.test(text) ? Number(text) : Number.NaN
  if (!Number.isInteger(mark) || mark < 1 || mark > 0xff_ff_ff_ff) throw new ParseError(KEEPALIVED_FORMAT, `fwmark "${text ?? ''}" is not a number from 1 to 4294967295`, line)
  return mark
}
