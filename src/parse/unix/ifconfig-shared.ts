/**
 * What the FreeBSD, macOS and Solaris `ifconfig` parsers share: the interface header
 * (`lo0: flags=8049<UP,LOOPBACK,RUNNING,MULTICAST> ...`), the address scope, and the conversion
 * of an `inet` netmask, which BSD prints as `0xffffff00` and Solaris as `ffffff00`.
 */
import type {InterfaceAddress, NetInterface} from '../../facts/model.js'
import {canonicalIp} from '../ip-address.js'
import {netmaskToPrefix} from '../netmask.js'
import {ParseError} from '../parse-error.js'

/** `name: flags=HEX<FLAG,...> rest`; the name may hold dots and a Solaris `:N` logical unit. */
const HEADER = /^(\S+?):\s+flags=([0-9a-fA-F]+)<([^>]*)>(.*)$/

export interface IfconfigHeader {
  name: string
  flags: string[]
  /** What follows the flags: `metric 0 mtu 1500`, `mtu 8232 index 1`. */
  rest: string
}

export function readHeader(line: string): IfconfigHeader | undefined {
  const match = HEADER.exec(line.trimEnd())
  if (!match) return undefined
  const [, name = '', , flags = '', rest = ''] = match
  return {name, flags: flags === '' ? [] : flags.split(','), rest: rest.trim()}
}

export function interfaceFrom(header: IfconfigHeader): NetInterface {
  const flags = header.flags
  return {name: header.name, flags, up: flags.includes('UP'), loopback: flags.includes('LOOPBACK'), noArp: flags.includes('NOARP'), addresses: []}
}

/**
 * The netmask word after `inet` as a prefix length: `0xffffff00` (BSD), `ffffff00` (Solaris), or
 * dotted. @throws ParseError for anything else, including a non-contiguous mask.
 */
export function maskPrefix(mask: string, format: string, line: number): number {
  const hex = /^(?:0x)?([0-9a-fA-F]{8})$/.exec(mask)?.[1]
  const prefix = netmaskToPrefix(hex === undefined ? mask : `0x${hex}`)
  if (prefix === undefined) throw new ParseError(format, `netmask ${JSON.stringify(mask)} is not a contiguous IPv4 mask`, line)
  return prefix
}

/** An address word, zone (`%lo0`) dropped. @throws ParseError when it is no address. */
export function addressWord(word: string | undefined, format: string, line: number): string {
  const address = canonicalIp((word ?? '').replace(/%.*$/, ''))
  if (address === undefined) throw new ParseError(format, `${JSON.stringify(word ?? '')} is not an IP address`, line)
  return address
}

/** Loopback addresses have host scope and fe80::/10 link scope, as the kernel's `ip addr` would say. */
export function scopeOf(address: string): string {
  if (address === '::1' || address.startsWith('127.')) return 'host'
  return /^fe[89ab][0-9a-f]:/.test(address) ? 'link' : 'global'
}

export function makeAddress(family: InterfaceAddress['family'], address: string, prefixLength: number): InterfaceAddress {
  return {family, address, prefixLength, scope: scopeOf(address)}
}

/** 0.0.0.0 and :: stand for "no address yet" on a plumbed Solaris logical interface. */
export function isUnspecified(address: string): boolean {
  return address === '0.0.0.0' || address === '::'
}
