/**
 * Parses Solaris and illumos `ifconfig -a`. Every logical interface has its own header
 * (`lo0:1: flags=2001000849<UP,LOOPBACK,RUNNING,MULTICAST,IPv4,VIRTUAL> mtu 8232 index 1`), so
 * each is its own NetInterface named as printed: a VIP added with `ifconfig lo0:1 plumb VIP
 * netmask 255.255.255.255 up` is `lo0:1`, UP or not by its own flags. The IPv6 instance of an
 * interface comes as a second header of the same name; its addresses join the first.
 *
 * Address lines: `inet ADDR netmask ffffff00 [broadcast B]` (hex without `0x`), `inet A --> B
 * netmask ...` on point-to-point links, `inet6 ADDR/LEN [--> PEER]`. A `zone NAME` line says the
 * logical interface belongs to a non-global zone. Tunnel lines (`inet tunnel src ...`),
 * `ether`, `groupname`, `usesrc` and `srcof` are skipped, and so is the 0.0.0.0 or :: that a
 * plumbed but unconfigured logical interface shows.
 *
 * @example
 * parseIfconfigSolaris('lo0:1: flags=2001000849<UP,LOOPBACK,RUNNING,MULTICAST,IPv4,VIRTUAL> mtu 8232 index 1\n' +
 *   '        inet 198.51.100.10 netmask ffffffff\n')
 * // → [{name: 'lo0:1', index: 1, flags: ['UP', 'LOOPBACK', 'RUNNING', 'MULTICAST', 'IPv4', 'VIRTUAL'], up: true,
 * //     loopback: true, noArp: false, addresses: [{family: 'inet', address: '198.51.100.10', prefixLength: 32, scope: 'global'}]}]
 */
import type {InterfaceAddress, NetInterface} from '../../facts/model.js'
import {ParseError, splitLines} from '../parse-error.js'
import {addressWord, interfaceFrom, isUnspecified, makeAddress, maskPrefix, readHeader} from './ifconfig-shared.js'

const FORMAT = 'ifconfig -a'

/** @throws {ParseError} on empty output, a line outside any interface, or an unreadable address line. */
export function parseIfconfigSolaris(text: string): NetInterface[] {
  const interfaces = new Map<string, NetInterface>()
  let current: NetInterface | undefined
  for (const [index, raw] of splitLines(text).entries()) {
    const line = index + 1
    if (raw.trim() === '') continue
    const header = readHeader(raw)
    if (header) {
      const fresh = interfaceFrom(header)
      const indexWord = /\bindex (\d+)\b/.exec(header.rest)?.[1]
      if (indexWord !== undefined) fresh.index = Number(indexWord)
      current = merge(interfaces.get(fresh.name), fresh)
      interfaces.set(current.name, current)
      continue
    }

    if (!/^\s/.test(raw) || current === undefined) throw new ParseError(FORMAT, `unexpected line ${JSON.stringify(raw.trim())}`, line)
    const words = raw.trim().split(/\s+/)
    if (words[0] === 'zone' && words[1] !== undefined) current.zone = words[1]
    const address = addressLine(words, line)
    if (address && !isUnspecified(address.address)) current.addresses.push(address)
  }

  if (interfaces.size === 0) throw new ParseError(FORMAT, 'no interface found (expected a line such as "lo0: flags=2001000849<UP,LOOPBACK,...> mtu 8232 index 1")')
  return [...interfaces.values()]
}

/** True when the text starts like Solaris ifconfig: `mtu N index N` headers or IPv4/IPv6 flags, bare hex masks. */
export function looksLikeIfconfigSolaris(text: string): boolean {
  const [first = '', ...rest] = splitLines(text).filter((l) => l.trim() !== '')
  const header = readHeader(first)
  if (!header) return false
  return /\bindex \d+\b/.test(header.rest) || header.flags.includes('IPv4') || header.flags.includes('IPv6') || rest.some((l) => /^\s+inet \S+ netmask [0-9a-f]{8}\b/.test(l))
}

/** The IPv6 instance of an interface (same name, second header) adds its flags and addresses. */
function merge(existing: NetInterface | undefined, fresh: NetInterface): NetInterface {
  if (existing === undefined) return fresh
  for (const flag of fresh.flags) if (!existing.flags.includes(flag)) existing.flags.push(flag)
  existing.up ||= fresh.up
  return existing
}

function addressLine(words: string[], line: number): InterfaceAddress | undefined {
  const [keyword, first = ''] = words
  if ((keyword !== 'inet' && keyword !== 'inet6') || first === 'tunnel') return undefined
  if (keyword === 'inet6') {
    const [word, length] = first.split('/')
    if (length === undefined || !/^\d+$/.test(length) || Number(length) > 128) throw new ParseError(FORMAT, 'inet6 line without a /prefix', line)
    return makeAddress('inet6', addressWord(word, FORMAT, line), Number(length))
  }

  const i = words.indexOf('netmask')
  const mask = i < 0 ? undefined : words[i + 1]
  const address = addressWord(first, FORMAT, line)
  if (mask === undefined) throw new ParseError(FORMAT, 'inet line without a netmask', line)
  // `netmask 0` is what an unconfigured logical interface shows next to 0.0.0.0.
  return makeAddress('inet', address, mask === '0' ? 0 : maskPrefix(mask, FORMAT, line))
}
