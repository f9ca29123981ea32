/**
 * Parses Solaris 11 / illumos `ipadm show-addr` and `ipadm show-addr -o all`. Each row is an
 * address object, `INTERFACE/NAME` (`lo0/v4`, `lo0/vip1`, `net0/zoneadmd.v4`, `firstzone0/_a`).
 * With `-o all`, PERSISTENT holds the flags the address gets when enabled at boot: `U` means it
 * comes up; a temporary address (`ipadm create-addr -t`) has no persistent configuration and
 * shows none. Plain `show-addr` has no such column, so persistence is then unknown.
 *
 * ADDR is `ADDR/LEN`, with a `%zone` on link-local IPv6 (dropped), `LOCAL->REMOTE` on
 * point-to-point links, or `?` when there is none yet.
 *
 * @example
 * parseIpadmShowAddr('ADDROBJ           TYPE     STATE        CURRENT PERSISTENT ADDR\n' +
 *   'lo0/vip1          static   ok           U----   U--        198.51.100.10/32\n')
 * // → [{addrobj: 'lo0/vip1', interface: 'lo0', type: 'static', state: 'ok', current: 'U----', persistent: 'U--',
 * //     family: 'inet', address: '198.51.100.10', prefixLength: 32, line: 2}]
 */
import type {AddressFamily} from '../../facts/model.js'
import {parsePrefix} from '../ip-address.js'
import {ParseError} from '../parse-error.js'
import {readIpadmTable} from './ipadm-table.js'

const FORMAT = 'ipadm show-addr'

export interface IpadmAddress {
  addrobj: string
  interface: string
  /** static, dhcp, addrconf, from-gz (assigned by the global zone)... */
  type: string
  /** ok, down, disabled, duplicate, inaccessible, tentative. */
  state: string
  current?: string
  /** Present only with `-o all`: the flags used at boot; without `U` the address is not brought up then. */
  persistent?: string
  family?: AddressFamily
  address?: string
  prefixLength?: number
  line: number
}

/** @throws {ParseError} without a header, on a short row, or on an address that is not one. */
export function parseIpadmShowAddr(text: string): IpadmAddress[] {
  return readIpadmTable(text, FORMAT, ['ADDROBJ', 'TYPE', 'STATE', 'ADDR']).map(({values, line}) => {
    const addrobj = values.ADDROBJ ?? ''
    const entry: IpadmAddress = {addrobj, interface: addrobj.split('/')[0] ?? addrobj, type: values.TYPE ?? '', state: values.STATE ?? '', line}
    if (values.CURRENT !== undefined) entry.current = values.CURRENT
    if (values.PERSISTENT !== undefined) entry.persistent = values.PERSISTENT
    const addr = values.ADDR ?? '?'
    if (addr === '?') return entry
    // `10.0.0.1->10.0.0.2` on a point-to-point link: the local side is ours.
    const local = (addr.split('->')[0] ?? '').replace(/%[^/]*/, '')
    const prefix = parsePrefix(local.includes('/') ? local : `${local}/${local.includes(':') ? 128 : 32}`)
    if (prefix === undefined) throw new ParseError(FORMAT, `${JSON.stringify(addr)} is not an address`, line)
    return {...entry, family: prefix.family, address: prefix.address, prefixLength: prefix.prefixLength}
  })
}

/** The header `ipadm show-addr` starts with. */
export function looksLikeIpadmShowAddr(text: string): boolean {
  return /^\s*ADDROBJ\s+TYPE\s+STATE\b/m.test(text)
}
