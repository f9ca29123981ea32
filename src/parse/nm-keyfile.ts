/**
 * Parser for NetworkManager keyfile profiles (/etc/NetworkManager/system-connections/*.nmconnection,
 * nm-settings-keyfile(5)) that put addresses on the loopback. NetworkManager manages `lo` only
 * from 1.42 (RHEL 9.2+), through a profile with `type=loopback` or `interface-name=lo`; other
 * profiles return nothing.
 *
 * Addresses: `[ipv4]`/`[ipv6]` `address1=ADDR/LEN[,GATEWAY]` (any index, or none), and the
 * legacy `addresses1=ADDR;LEN;GATEWAY;` or `addresses=ADDR/LEN;ADDR/LEN;` lists. An address
 * written without a prefix keeps `prefixLength` undefined. `[connection] autoconnect=false`
 * → `effective: false` with a note. Comments are `#` or `;` lines (GKeyFile).
 *
 * @example
 * parseNmKeyfile('[connection]\nid=lo\ntype=loopback\ninterface-name=lo\n\n[ipv4]\nmethod=manual\naddress1=198.51.100.10/32\n', 'lo.nmconnection')
 * // → [{mechanism: 'networkmanager', interface: 'lo', address: '198.51.100.10', prefixLength: 32,
 * //     file: 'lo.nmconnection', line: 8, effective: true}]
 */
import {isIP} from 'node:net'
import type {PersistedAddress} from '../facts/model.js'
import {splitCidr, type AddressWithPrefix} from './netmask.js'
import {splitLines} from './parse-error.js'

interface Entry {
  section: string
  key: string
  value: string
  line: number
}

export function parseNmKeyfile(text: string, file: string): PersistedAddress[] {
  const entries: Entry[] = []
  let section = ''
  splitLines(text).forEach((raw, index) => {
    const line = raw.trim()
    if (line === '' || line.startsWith('#') || line.startsWith(';')) return
    const header = /^\[(.+)\]$/.exec(line)
    if (header) section = header[1] as string
    const eq = line.indexOf('=')
    if (!header && eq > 0) entries.push({section, key: line.slice(0, eq).trim(), value: line.slice(eq + 1).trim(), line: index + 1})
  })
  const get = (key: string): string | undefined => entries.findLast((entry) => entry.section === 'connection' && entry.key === key)?.value
  const iface = get('interface-name')
  if (iface !== 'lo' && get('type') !== 'loopback') return []

  const effect = /^(false|no|0)$/i.test(get('autoconnect') ?? '')
    ? {effective: false, note: 'autoconnect=false: NetworkManager does not activate this profile at boot'}
    : {effective: true}
  return entries
    .filter((entry) => (entry.section === 'ipv4' || entry.section === 'ipv6') && /^address(es)?\d*$/.test(entry.key))
    .flatMap((entry) =>
      addressList(entry.value).map((cidr) => ({mechanism: 'networkmanager' as const, interface: iface ?? 'lo', ...cidr, file, line: entry.line, ...effect})),
    )
}

/** One keyfile address value → addresses, in the current or the legacy (`ADDR;LEN;GW;`) form. */
function addressList(value: string): AddressWithPrefix[] {
  const parts = value.split(';').map((part) => part.trim()).filter((part) => part !== '')
  const [first, second] = parts
  if (first !== undefined && second !== undefined && isIP(first) !== 0 && /^\d+$/.test(second)) {
    return [splitCidr(`${first}/${second}`) ?? []].flat()
  }
  return parts.flatMap((part) => splitCidr(part.split(',')[0] as string) ?? [])
}
