/**
 * Address arithmetic for prefix containment (does this local route cover the VIP?).
 * Addresses become BigInts so IPv4 and IPv6 share one code path.
 */
import {isIPv4, isIPv6} from 'node:net'

import {familyOf} from '../parse/ip-address.js'
import type {AddressFamily as Family} from './model.js'

export {familyOf} from '../parse/ip-address.js'

export function hostPrefixLength(family: Family): number {
  return family === 'inet' ? 32 : 128
}

/** @throws {TypeError} when the text is not an IP address. */
export function addressToBigInt(address: string): bigint {
  if (isIPv4(address)) return address.split('.').reduce((acc, octet) => (acc << 8n) | BigInt(Number(octet)), 0n)
  if (!isIPv6(address)) throw new TypeError(`"${address}" is not an IP address`)
  let text = address.split('%')[0] ?? address
  // An embedded dotted quad (::ffff:192.0.2.1) stands for the last two groups.
  const quad = /(\d+\.\d+\.\d+\.\d+)$/.exec(text)
  if (quad?.[1]) {
    const v4 = addressToBigInt(quad[1])
    text = text.slice(0, -quad[1].length) + `${(v4 >> 16n).toString(16)}:${(v4 & 0xffffn).toString(16)}`
  }
  const [head = '', tail] = text.split('::')
  const headGroups = head === '' ? [] : head.split(':')
  const tailGroups = tail === undefined || tail === '' ? [] : tail.split(':')
  const missing = 8 - headGroups.length - tailGroups.length
  const groups = [...headGroups, ...Array<string>(tail === undefined ? 0 : missing).fill('0'), ...tailGroups]
  return groups.reduce((acc, group) => (acc << 16n) | BigInt(Number.parseInt(group, 16)), 0n)
}

/** True when `address` lies inside `network/prefixLength` (both of the same family). */
export function prefixContains(network: string, prefixLength: number, address: string): boolean {
  const family = familyOf(network)
  if (family === undefined || family !== familyOf(address)) return false
  const bits = BigInt(hostPrefixLength(family))
  const shift = bits - BigInt(prefixLength)
  return addressToBigInt(network) >> shift === addressToBigInt(address) >> shift
}

/** Compares two addresses by value, so `2001:DB8::1` equals `2001:db8:0::1`. */
export function sameAddress(a: string, b: string): boolean {
  const family = familyOf(a)
  return family !== undefined && family === familyOf(b) && addressToBigInt(a) === addressToBigInt(b)
}

/** Wildcard listen addresses: `0.0.0.0` for IPv4, `::` for IPv6. */
export function isWildcard(address: string): boolean {
  return address === '0.0.0.0' || address === '*' || (familyOf(address) === 'inet6' && addressToBigInt(address) === 0n)
}

/** 24 → 255.255.255.0 (IPv4 only), for tools that take a dotted mask (netsh, ifconfig). */
export function prefixToMask(prefix: number): string {
  const bits = prefix === 0 ? 0 : (0xffffffff << (32 - prefix)) >>> 0
  return [24, 16, 8, 0].map((shift) => (bits >>> shift) & 255).join('.')
}
