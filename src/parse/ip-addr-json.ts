/**
 * Parses `ip -j addr` and `ip -d -j addr` (iproute2 4.13+) into `NetInterface[]`.
 *
 * `-d` adds `linkinfo.info_kind` (dummy, veth, bridge, vlan, ipip...), used for `kind`.
 * iproute2 prints `{}` for links a filter dropped, so objects without `ifname` are skipped.
 *
 * @example
 * parseIpAddrJson('[{"ifindex":1,"ifname":"lo","flags":["LOOPBACK","UP"],"operstate":"UNKNOWN",' +
 *   '"addr_info":[{"family":"inet","local":"198.51.100.10","prefixlen":32,"scope":"global","label":"lo:0"}]}]')
 * // → [{name: 'lo', index: 1, flags: ['LOOPBACK', 'UP'], up: true, loopback: true, noArp: false,
 * //     operState: 'UNKNOWN', addresses: [{family: 'inet', address: '198.51.100.10',
 * //     prefixLength: 32, scope: 'global', label: 'lo:0'}]}]
 */
import type {InterfaceAddress, NetInterface} from '../facts/model.js'
import {canonicalIp} from './ip-address.js'
import {ParseError, parseJsonArray} from './parse-error.js'

const FORMAT = 'ip -j addr'

type Json = Record<string, unknown>

export function parseIpAddrJson(text: string): NetInterface[] {
  const data = parseJsonArray(text, FORMAT)
  const interfaces: NetInterface[] = []
  for (const [position, entry] of data.entries()) {
    if (!isObject(entry)) throw new ParseError(FORMAT, `entry ${position} is ${describe(entry)}, not an object`)
    if (typeof entry.ifname !== 'string') continue
    interfaces.push(toInterface(entry, entry.ifname))
  }
  return interfaces
}

function toInterface(entry: Json, name: string): NetInterface {
  const flags = Array.isArray(entry.flags) ? entry.flags.filter((f): f is string => typeof f === 'string') : []
  const result: NetInterface = {
    name,
    flags,
    up: flags.includes('UP'),
    loopback: flags.includes('LOOPBACK'),
    noArp: flags.includes('NOARP'),
    addresses: [],
  }
  if (typeof entry.ifindex === 'number') result.index = entry.ifindex
  const linkinfo = entry.linkinfo
  if (isObject(linkinfo) && typeof linkinfo.info_kind === 'string') result.kind = linkinfo.info_kind
  if (typeof entry.master === 'string') result.master = entry.master
  if (typeof entry.operstate === 'string') result.operState = entry.operstate
  const addrInfo = Array.isArray(entry.addr_info) ? entry.addr_info : []
  for (const info of addrInfo) {
    const address = isObject(info) ? toAddress(info, name) : undefined
    if (address) result.addresses.push(address)
  }
  return result
}

function toAddress(info: Json, ifname: string): InterfaceAddress | undefined {
  // Other families (and filtered-out `{}` entries) carry nothing rsaudit reasons about.
  if (info.family !== 'inet' && info.family !== 'inet6') return undefined
  const local = typeof info.local === 'string' ? canonicalIp(info.local) : undefined
  const max = info.family === 'inet' ? 32 : 128
  if (local === undefined || typeof info.prefixlen !== 'number' || info.prefixlen < 0 || info.prefixlen > max) {
    throw new ParseError(FORMAT, `bad ${info.family} address on ${ifname}: ${JSON.stringify(info.local)}/${String(info.prefixlen)}`)
  }
  const address: InterfaceAddress = {
    family: info.family,
    address: local,
    prefixLength: info.prefixlen,
    scope: info.scope === undefined ? 'global' : String(info.scope),
  }
  if (typeof info.label === 'string' && info.label !== ifname) address.label = info.label
  if (info.secondary === true) address.secondary = true
  return address
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function describe(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'an array'
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`
}

/**
 * A cheap guess for pasted text: is it `ip -j addr` output? A JSON array whose first link object
 * opens with `ifindex` or `ifname` (after any `{}` a filter left), compact or `-p` pretty-printed. `ip -j link`
 * starts the same way, so the text must also carry `addr_info`, which every addr entry has.
 */
export function looksLikeIpAddrJson(text: string): boolean {
  return /^\s*\[\s*(?:\{\s*\}\s*,\s*)*\{\s*"(?:ifindex|ifname)"\s*:/.test(text) && text.includes('"addr_info"')
}
