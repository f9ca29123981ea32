/**
 * Parses Get-NetIPAddress into `WinAddress[]`: the collector's JSON (AddressFamily 2/23 or
 * IPv4/IPv6, SkipAsSource true/false) and pasted Format-List (the default view) or Format-Table
 * (`ifIndex IPAddress PrefixLength PrefixOrigin SuffixOrigin AddressState PolicyStore`) output.
 *
 * Link-local addresses lose the `%zone` Windows appends (`fe80::1%6` → `fe80::1`). The table view
 * shows no InterfaceAlias: `alias` is '' there and `index` identifies the interface.
 * PersistentStore entries are left out (running state only).
 *
 * @example
 * parseNetIPAddressText('IPAddress         : 10.1.1.2\nInterfaceIndex    : 6\nInterfaceAlias    : Ethernet\n' +
 *   'AddressFamily     : IPv4\nPrefixLength      : 24\nSkipAsSource      : False\nPolicyStore       : ActiveStore\n')
 * // → [{index: 6, alias: 'Ethernet', family: 'inet', address: '10.1.1.2', prefixLength: 24, skipAsSource: false}]
 */
import type {AddressFamily} from '../../facts/model.js'
import type {WinAddress} from '../../facts/windows-model.js'
import {ParseError} from '../parse-error.js'
import {
  ADDRESS_FAMILY,
  cmdletParsers,
  compact,
  type Fields,
  familyOf,
  isPersistentStore,
  looksLikeText,
  optionalBoolean,
  optionalEnum,
  optionalInteger,
  required,
  requiredAddress,
  requiredText,
  TRUE_FALSE,
  TRUE_FALSE_TRUTH,
} from './ps-shared.js'

const PARSERS = cmdletParsers('Get-NetIPAddress', toAddress)

/** `Get-NetIPAddress | ConvertTo-Json` (collect.ps1's `ps-netipaddress`): an array, or one object. */
export function parseNetIPAddressJson(text: string): WinAddress[] {
  return PARSERS.json(text)
}

/** A pasted `Get-NetIPAddress` Format-Table or Format-List. */
export function parseNetIPAddressText(text: string): WinAddress[] {
  return PARSERS.text(text)
}

/** Does this text (or its first line) open Get-NetIPAddress's list or table view? */
export function looksLikeNetIPAddressText(text: string): boolean {
  return looksLikeText(text, ['ifIndex', 'IPAddress', 'PrefixLength', 'PrefixOrigin'], ['IPAddress'])
}

function toAddress(fields: Fields, format: string): WinAddress | undefined {
  if (isPersistentStore(fields, format)) return undefined
  const address = requiredAddress(fields, format, 'IPAddress', 'IPv4Address', 'IPv6Address')
  const family: AddressFamily = address.includes(':') ? 'inet6' : 'inet'
  const stated = familyOf(optionalEnum(fields, format, ADDRESS_FAMILY, 'AddressFamily'))
  if (stated !== undefined && stated !== family) {
    throw new ParseError(format, `${fields.where}: AddressFamily says ${stated}, the address ${address} is ${family}`, fields.line)
  }
  const prefixLength = required(optionalInteger(fields, format, 'PrefixLength'), fields, format, 'PrefixLength')
  if (prefixLength > (family === 'inet' ? 32 : 128)) {
    throw new ParseError(format, `${fields.where}: PrefixLength ${prefixLength} is too long for ${address}`, fields.line)
  }
  return compact({
    index: optionalInteger(fields, format, 'InterfaceIndex', 'ifIndex'),
    alias: requiredText(fields, format, 'InterfaceAlias', 'ifAlias'),
    family,
    address,
    prefixLength,
    skipAsSource: optionalBoolean(fields, format, TRUE_FALSE, TRUE_FALSE_TRUTH, 'SkipAsSource'),
  })
}
