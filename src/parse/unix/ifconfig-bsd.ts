/**
 * Parses FreeBSD and macOS `ifconfig`, `ifconfig -a` and `ifconfig lo0`: a header per interface
 * (`lo0: flags=8049<UP,LOOPBACK,RUNNING,MULTICAST> metric 0 mtu 16384`; macOS has no metric),
 * then indented lines, tab or spaces. Only `inet` and `inet6` lines matter here; `options=`,
 * `ether`, `nd6`, `media:`, `groups:` and the rest are skipped.
 *
 * `inet` carries a hex netmask (`netmask 0xffffffff` is the host prefix a VIP on lo0 needs), a
 * `-->` peer on point-to-point links, or a CIDR with `ifconfig -f inet:cidr`; `inet6` carries
 * `prefixlen` and a `%zone` that is dropped. An alias added with `ifconfig lo0 alias ADDR` is just
 * one more `inet` line, and cloned loopbacks (`lo1`) carry LOOPBACK like lo0.
 *
 * An unindented line that is no header (a kernel message printed into the middle of a boot-time
 * listing) is refused: the interface it interrupts may have lost lines.
 *
 * @example
 * parseIfconfigBsd('lo0: flags=8049<UP,LOOPBACK,RUNNING,MULTICAST> mtu 16384\n' +
 *   '\tinet 127.0.0.1 netmask 0xff000000\n\tinet 198.51.100.10 netmask 0xffffffff\n')
 * // → [{name: 'lo0', flags: ['UP', 'LOOPBACK', 'RUNNING', 'MULTICAST'], up: true, loopback: true, noArp: false,
 * //     addresses: [{family: 'inet', address: '127.0.0.1', prefixLength: 8, scope: 'host'},
 * //                 {family: 'inet', address: '198.51.100.10', prefixLength: 32, scope: 'global'}]}]
 */
import type {InterfaceAddress, NetInterface} from '../../facts/model.js'
import {ParseError, splitLines} from '../parse-error.js'
import {addressWord, interfaceFrom, makeAddress, maskPrefix, readHeader} from './ifconfig-shared.js'

const FORMAT = 'ifconfig'

/** @throws {ParseError} on empty output, a line outside any interface, or an unreadable address line. */
export function parseIfconfigBsd(text: string): NetInterface[] {
  const interfaces: NetInterface[] = []
  let current: NetInterface | undefined
  for (const [index, raw] of splitLines(text).entries()) {
    const line = index + 1
    if (raw.trim() === '') continue
    const header = readHeader(raw)
    if (header) {
      interfaces.push((current = interfaceFrom(header)))
      continue
    }

    if (!/^\s/.test(raw) || current === undefined) throw new ParseError(FORMAT, `unexpected line ${JSON.stringify(raw.trim())}`, line)
    const address = addressLine(raw.trim().split(/\s+/), line)
    if (address) current.addresses.push(address)
  }

  if (interfaces.length === 0) throw new ParseError(FORMAT, 'no interface found (expected a line such as "lo0: flags=8049<UP,LOOPBACK,...>")')
  return interfaces
}

/** True when the text starts like BSD ifconfig: a header whose indented lines use `netmask 0x`, `prefixlen` or BSD-only keywords. */
export function looksLikeIfconfigBsd(text: string): boolean {
  const [first = '', ...rest] = splitLines(text).filter((l) => l.trim() !== '')
  if (!readHeader(first)) return false
  // Solaris prints `mtu 8232 index 1` and bare hex masks; BSD prints 0x masks and prefixlen.
  return !/\bindex \d+\b/.test(first) && rest.some((l) => /^\s+(?:inet .*netmask 0x|inet6 .*prefixlen|options=|ether |nd6 )/.test(l))
}

function addressLine(words: string[], line: number): InterfaceAddress | undefined {
  const [keyword, first] = words
  if (keyword !== 'inet' && keyword !== 'inet6') return undefined
  const option = (name: string) => {
    const i = words.indexOf(name)
    return i < 0 ? undefined : words[i + 1]
  }
  const [word = '', cidrLength] = (first ?? '').split('/')
  const address = addressWord(word, FORMAT, line)
  if (keyword === 'inet6') {
    const length = cidrLength ?? option('prefixlen')
    if (length === undefined || !/^\d+$/.test(length) || Number(length) > 128) throw new ParseError(FORMAT, 'inet6 line without a valid prefixlen', line)
    return makeAddress('inet6', address, Number(length))
  }

  const mask = option('netmask')
  if (cidrLength !== undefined && /^\d+$/.test(cidrLength) && Number(cidrLength) <= 32) return makeAddress('inet', address, Number(cidrLength))
  // A point-to-point address without a mask (some tun drivers) is a host address.
  if (mask === undefined && words.includes('-->')) return makeAddress('inet', address, 32)
  if (mask === undefined) throw new ParseError(FORMAT, 'inet line without a netmask', line)
  return makeAddress('inet', address, maskPrefix(mask, FORMAT, line))
}
