/**
 * Prefix-length helpers shared by the VIP persistence parsers. Every boot mechanism spells
 * the prefix differently (`/32`, `netmask 255.255.255.255`, `NETMASK1=`, `PREFIX=32`,
 * `0xffffffff`), and the prefix is what matters: a VIP on `lo` with a prefix shorter than
 * /32 makes the kernel treat the whole subnet as local (requirements §0.5).
 *
 * Addresses come back in canonical text (ip-address.ts `canonicalIp`), so a persisted
 * `2001:DB8::A` compares equal to the live `2001:db8::a`.
 *
 * @example
 * splitCidr('198.51.100.10/32')        // → {address: '198.51.100.10', prefixLength: 32}
 * splitCidr('198.51.100.10/255.255.255.0') // → {address: '198.51.100.10', prefixLength: 24}
 * netmaskToPrefix('255.255.255.255')   // → 32
 * classfulPrefix('10.1.2.3')           // → 8
 */
import {isIP} from 'node:net'

import {canonicalIp} from './ip-address.js'

export interface AddressWithPrefix {
  address: string
  prefixLength?: number
}

/** The family's host prefix: 32 for IPv4, 128 for IPv6, undefined for non-addresses. */
export function hostPrefix(address: string): number | undefined {
  const family = isIP(address)
  return family === 4 ? 32 : family === 6 ? 128 : undefined
}

/**
 * A contiguous dotted or hex (`0xffffff00`, BSD/ifconfig style) netmask, or a bare prefix
 * length (ifupdown and ifcfg accept `netmask 24`), as a prefix length.
 * @returns undefined for a non-contiguous or malformed mask.
 */
export function netmaskToPrefix(mask: string): number | undefined {
  const text = mask.trim()
  if (/^\d{1,3}$/.test(text)) return Number(text) <= 32 ? Number(text) : undefined
  let bits: number
  if (/^0x[0-9a-f]{8}$/i.test(text)) bits = Number.parseInt(text.slice(2), 16)
  else if (isIP(text) === 4) bits = text.split('.').reduce((acc, octet) => acc * 256 + Number(octet), 0)
  else return undefined
  const binary = bits.toString(2).padStart(32, '0')
  if (!/^1*0*$/.test(binary)) return undefined
  const firstZero = binary.indexOf('0')
  return firstZero === -1 ? 32 : firstZero
}

/**
 * Splits `ADDR/PREFIX` (or `ADDR/NETMASK`, which iproute2 also accepts). An address without a
 * prefix comes back without `prefixLength`: the caller knows its tool's default.
 * @returns undefined when the part before `/` is not an IP address or the prefix is invalid.
 */
export function splitCidr(text: string): AddressWithPrefix | undefined {
  const [address = '', prefix, extra] = text.trim().split('/')
  const max = hostPrefix(address)
  if (max === undefined || extra !== undefined) return undefined
  const canonical = canonicalIp(address) ?? address
  if (prefix === undefined) return {address: canonical}
  const prefixLength = /^\d{1,3}$/.test(prefix) ? Number(prefix) : max === 32 ? netmaskToPrefix(prefix) : undefined
  if (prefixLength === undefined || prefixLength > max) return undefined
  return {address: canonical, prefixLength}
}

/**
 * The pre-CIDR class default for an IPv4 address (A → 8, B → 16, C → 24). The kernel applies
 * it when `ifconfig` sets an address without a netmask (devinet_ioctl SIOCSIFADDR,
 * `inet_abc_len`), so `ifconfig lo:0 192.168.1.10 up` yields a /24 on lo.
 */
export function classfulPrefix(address: string): number | undefined {
  if (isIP(address) !== 4) return undefined
  const first = Number(address.split('.')[0])
  return first < 128 ? 8 : first < 192 ? 16 : first < 224 ? 24 : undefined
}
