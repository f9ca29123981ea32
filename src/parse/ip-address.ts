/**
 * Address helpers shared by the parsers (and later the engine): validate and canonicalize
 * IPv4/IPv6 text, tell the family, split `a.b.c.d/nn` prefixes.
 *
 * Canonical text is what the facts model promises: dotted quad for IPv4, RFC 5952 for IPv6
 * (lower case, longest zero run compressed, IPv4-mapped written `::ffff:192.0.2.1`).
 *
 * @example
 * canonicalIp('2001:DB8:0:0:0:0:0:1') // → '2001:db8::1'
 * canonicalIp('::FFFF:C000:0201')     // → '::ffff:192.0.2.1'
 * parsePrefix('198.51.100.10/32')     // → {address: '198.51.100.10', prefixLength: 32, family: 'inet'}
 */
import {isIP} from 'node:net'

import type {AddressFamily} from '../facts/model.js'

/** Canonical text of an IPv4 or IPv6 address, or undefined when it is not one (zones are refused). */
export function canonicalIp(text: string): string | undefined {
  const version = isIP(text)
  if (version === 4) return text
  if (version !== 6 || text.includes('%')) return undefined
  const hextets = ipv6Hextets(text)
  return hextets === undefined ? undefined : formatIpv6(hextets)
}

export function familyOf(address: string): AddressFamily | undefined {
  const version = isIP(address)
  return version === 4 ? 'inet' : version === 6 ? 'inet6' : undefined
}

/** `addr/len` (or a bare address, taken as a host prefix) → canonical parts; undefined when invalid. */
export function parsePrefix(
  text: string,
): {address: string; prefixLength: number; family: AddressFamily} | undefined {
  const [addressText = '', lengthText, extra] = text.split('/')
  if (extra !== undefined) return undefined
  const address = canonicalIp(addressText)
  if (address === undefined) return undefined
  const family = address.includes(':') ? 'inet6' : 'inet'
  const max = family === 'inet' ? 32 : 128
  if (lengthText === undefined) return {address, prefixLength: max, family}
  if (!/^\d{1,3}$/.test(lengthText) || Number(lengthText) > max) return undefined
  return {address, prefixLength: Number(lengthText), family}
}

/** Eight 16-bit words → RFC 5952 text. Used for /proc/net/tcp6, which gives raw words. */
export function formatIpv6(hextets: readonly number[]): string {
  const h = (i: number): number => hextets[i] ?? 0
  // ::ffff:a.b.c.d is how ss, ip and humans write v4-mapped sockets; keep the dotted tail.
  if ([0, 1, 2, 3, 4].every((i) => h(i) === 0) && h(5) === 0xffff) {
    return `::ffff:${h(6) >> 8}.${h(6) & 255}.${h(7) >> 8}.${h(7) & 255}`
  }
  let bestStart = -1
  let bestLength = 1 // a single zero word is never compressed (RFC 5952 4.2.2)
  for (let i = 0; i < 8; i++) {
    let j = i
    while (j < 8 && h(j) === 0) j++
    if (j - i > bestLength) [bestStart, bestLength] = [i, j - i]
    i = j
  }
  const words = Array.from({length: 8}, (_, i) => h(i).toString(16))
  if (bestStart < 0) return words.join(':')
  return `${words.slice(0, bestStart).join(':')}::${words.slice(bestStart + bestLength).join(':')}`
}

/** Expands already-validated IPv6 text (isIP said 6) into eight words. */
export function ipv6Hextets(text: string): number[] | undefined {
  let body = text.toLowerCase()
  const dotted = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(body)
  if (dotted) {
    const [a, b, c, d] = dotted.slice(1).map(Number) as [number, number, number, number]
    body = `${body.slice(0, dotted.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`
  }
  const [head = '', tail] = body.split('::')
  const left = head === '' ? [] : head.split(':')
  const right = tail === undefined || tail === '' ? [] : tail.split(':')
  const missing = 8 - left.length - right.length
  if (tail === undefined ? missing !== 0 : missing < 1) return undefined
  const words = [...left, ...Array<string>(tail === undefined ? 0 : missing).fill('0'), ...right]
  return words.map((word) => Number.parseInt(word, 16))
}
