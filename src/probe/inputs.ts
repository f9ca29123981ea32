/**
 * Checks the probe commands' flag values before anything runs, so a typo is one clear line and
 * exit 2, and nothing user-typed reaches a program's argv unvalidated.
 */
import {isIP, isIPv4} from 'node:net'

import {UserError} from '../errors.js'
import {canonicalMac} from '../parse/mac-address.js'

/** ARP is IPv4 only (IPv6 uses Neighbour Discovery), so every ARP-based probe takes IPv4. @throws {UserError} */
export function ipv4Flag(flag: string, value: string): string {
  const text = value.trim()
  if (isIPv4(text)) return text
  const hint = isIP(text) === 6 ? ' (ARP is IPv4 only; IPv6 VIPs are not supported by this probe)' : text.includes('/') ? ' (give the address without a prefix length)' : ''
  throw new UserError(`--${flag} "${value}" is not an IPv4 address${hint}`)
}

/** An IPv4 or IPv6 address, lower case. @throws {UserError} */
export function ipFlag(flag: string, value: string): string {
  const text = value.trim().toLowerCase()
  if (isIP(text) !== 0) return text
  throw new UserError(`--${flag} "${value}" is not an IP address${text.includes('/') ? ' (give the address without a prefix length)' : ''}`)
}

/** @throws {UserError} */
export function macFlag(flag: string, value: string): string {
  const mac = canonicalMac(value)
  if (mac === undefined) throw new UserError(`--${flag} "${value}" is not a MAC address (e.g. 00:11:22:33:44:55)`)
  return mac
}

/**
 * Linux interface names: 1-15 characters, no '/', whitespace or ':' (IFNAMSIZ, dev_valid_name), and
 * no leading '-', so a name can never be read as an option by the programs it is passed to.
 * @throws {UserError}
 */
export function interfaceFlag(value: string): string {
  if (/^[A-Za-z0-9_.@][A-Za-z0-9_.@-]{0,14}$/.test(value) && value !== '.' && value !== '..') return value
  throw new UserError(`--interface "${value}" is not a network interface name`)
}

/** @throws {UserError} */
export function countFlag(value: number, max = 100): number {
  if (Number.isInteger(value) && value >= 1 && value <= max) return value
  throw new UserError(`--count ${value} must be a whole number from 1 to ${max}`)
}
