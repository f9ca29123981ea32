/**
 * Parser for RHEL/CentOS network-scripts files /etc/sysconfig/network-scripts/ifcfg-lo and
 * ifcfg-lo:N, the classic place for an LVS-DR VIP on RHEL 5–8 (initscripts):
 *
 * - `DEVICE=` names the interface; without it the name after `ifcfg-` in the file name is used;
 *   only `lo` and `lo:N` are reported;
 * - `IPADDR` with `PREFIX` or `NETMASK`, and numbered `IPADDRn` with `PREFIXn`/`NETMASKn`
 *   (`PREFIX` wins over `NETMASK`, as in initscripts); no prefix at all is left undefined;
 * - values may be quoted (`IPADDR1="198.51.100.10"`), comments are `#` lines;
 * - `ONBOOT=no` (or, for an alias file, `ONPARENT=no`) → `effective: false` with a note.
 *
 * Whether network-scripts runs at all (deprecated in RHEL 8, gone in 9; NetworkManager ignored
 * lo before 1.42) is for the caller to decide.
 *
 * @example
 * parseIfcfg('DEVICE=lo\nIPADDR0=127.0.0.1\nNETMASK0=255.0.0.0\nIPADDR1=198.51.100.10\nNETMASK1=255.255.255.255\n',
 *   '/etc/sysconfig/network-scripts/ifcfg-lo')
 * // → [{mechanism: 'ifcfg', interface: 'lo', address: '127.0.0.1', prefixLength: 8, line: 2, ...},
 * //    {mechanism: 'ifcfg', interface: 'lo', address: '198.51.100.10', prefixLength: 32, line: 4, ...}]
 */
import type {PersistedAddress} from '../facts/model.js'
import {netmaskToPrefix, splitCidr} from './netmask.js'
import {splitLines} from './parse-error.js'

export function parseIfcfg(text: string, file: string): PersistedAddress[] {
  const vars = new Map<string, {value: string; line: number}>()
  splitLines(text).forEach((raw, index) => {
    const match = /^\s*(?:export\s+)?([A-Za-z_]\w*)=(.*)$/.exec(raw)
    if (match) vars.set(match[1] as string, {value: unquote((match[2] as string).trim()), line: index + 1})
  })
  const get = (name: string): string | undefined => vars.get(name)?.value
  const device = get('DEVICE') ?? /ifcfg-([^/]+)$/.exec(file)?.[1]
  if (device === undefined || (device !== 'lo' && !device.startsWith('lo:'))) return []

  const alias = device.includes(':')
  const disabledBy = [alias ? 'ONPARENT' : undefined, 'ONBOOT'].find((name) => name !== undefined && /^no$/i.test(get(name) ?? ''))
  const effect = disabledBy === undefined ? {effective: true} : {effective: false, note: `${disabledBy}=no: network-scripts does not bring ${device} up at boot`}

  const suffixes = [...vars.keys()].flatMap((name) => /^IPADDR(\d*)$/.exec(name)?.[1] ?? []).sort((a, b) => Number(a || -1) - Number(b || -1))
  const found: PersistedAddress[] = []
  for (const suffix of suffixes) {
    const ipaddr = vars.get(`IPADDR${suffix}`)
    const cidr = ipaddr && splitCidr(ipaddr.value)
    if (!ipaddr || !cidr) continue
    const prefix = get(`PREFIX${suffix}`)
    const netmask = get(`NETMASK${suffix}`)
    const prefixLength = cidr.prefixLength ?? (prefix !== undefined && /^\d+$/.test(prefix) ? Number(prefix) : netmask === undefined ? undefined : netmaskToPrefix(netmask))
    found.push({mechanism: 'ifcfg', interface: device, address: cidr.address, prefixLength, file, line: ipaddr.line, ...effect})
  }
  return found
}

/** Shell quoting as ifcfg files use it: one pair of `"` or `'` around the whole value. */
function unquote(value: string): string {
  const match = /^"(.*)"$|^'(.*)'$/.exec(value)
  return match ? (match[1] ?? match[2] ?? '') : value.replace(/\s+#.*$/, '')
}
