/**
 * Parser for `netsh http show iplisten`, HTTP.sys's IP listen list. An empty list (the default,
 * only the header is printed) means HTTP.sys binds every address; a list with the RIP but
 * neither the VIP nor 0.0.0.0 makes IIS deaf on the VIP (requirements §9, WIN-IIS-02).
 *
 * The header is translated, so the list is whatever follows the rule of dashes: one address per
 * indented line, in canonical text.
 *
 * @example
 * parseNetshHttpIplisten('\nIP addresses present in the IP listen list:\n' +
 *   '-------------------------------------------\n\n    192.168.33.1\n    127.0.0.1\n\n')
 * // → ['192.168.33.1', '127.0.0.1']
 */
import {canonicalIp} from '../ip-address.js'
import {ParseError} from '../parse-error.js'
import {isDashes, netshLines} from './netsh-shared.js'

const FORMAT = 'netsh http show iplisten'

/**
 * @throws {ParseError} when there is no header rule of dashes, or a line under it is not an
 * IPv4/IPv6 address.
 */
export function parseNetshHttpIplisten(text: string): string[] {
  const lines = netshLines(text)
  const rule = lines.findIndex(isDashes)
  if (rule === -1) throw new ParseError(FORMAT, 'expected the list header underlined with dashes, found none')
  const addresses: string[] = []
  for (let index = rule + 1; index < lines.length; index++) {
    const line = (lines[index] as string).trim()
    if (line === '') continue
    const address = canonicalIp(line.replace(/^\[(.*)\]$/, '$1'))
    if (address === undefined) throw new ParseError(FORMAT, `expected an IP address, found "${line}"`, index + 1)
    addresses.push(address)
  }
  return addresses
}

/** True for a list of addresses under a rule, or the English header (for format detection; never throws). */
export function looksLikeNetshHttpIplisten(text: string): boolean {
  try {
    return parseNetshHttpIplisten(text).length > 0 || /IP listen list/i.test(text)
  } catch {
    return false
  }
}
