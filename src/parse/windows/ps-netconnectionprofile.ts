/**
 * Parses Get-NetConnectionProfile into `WinConnectionProfile[]`: the collector's JSON
 * (NetworkCategory 0 Public, 1 Private, 2 DomainAuthenticated, or the names) and pasted
 * Format-List (the default view) or Format-Table output. `Name` (the network's name) is
 * localized (`識別されていないネットワーク`); InterfaceAlias and the category are what count.
 *
 * @example
 * parseNetConnectionProfileText('Name             : Network\nInterfaceAlias   : Ethernet\nInterfaceIndex   : 3\n' +
 *   'NetworkCategory  : Public\nIPv4Connectivity : Internet\nIPv6Connectivity : NoTraffic\n')
 * // → [{alias: 'Ethernet', index: 3, category: 'Public'}]
 */
import type {WinConnectionProfile} from '../../facts/windows-model.js'
import {
  cmdletParsers,
  compact,
  type Fields,
  looksLikeText,
  nonEmptyText,
  optionalEnum,
  optionalInteger,
} from './ps-shared.js'

const PARSERS = cmdletParsers('Get-NetConnectionProfile', toProfile)

/** MSFT_NetConnectionProfile.NetworkCategory. */
const NETWORK_CATEGORY = {Public: 0, Private: 1, DomainAuthenticated: 2}

/** `Get-NetConnectionProfile | ConvertTo-Json` (collect.ps1's `ps-netconnectionprofile`): an array, or one object. */
export function parseNetConnectionProfileJson(text: string): WinConnectionProfile[] {
  return PARSERS.json(text)
}

/** A pasted `Get-NetConnectionProfile` Format-Table or Format-List. */
export function parseNetConnectionProfileText(text: string): WinConnectionProfile[] {
  return PARSERS.text(text)
}

/** Does this text open Get-NetConnectionProfile's list (or table) view? */
export function looksLikeNetConnectionProfileText(text: string): boolean {
  return looksLikeText(text, ['Name', 'InterfaceAlias', 'NetworkCategory'], ['Name', 'InterfaceAlias', 'NetworkCategory'])
}

function toProfile(fields: Fields, format: string): WinConnectionProfile {
  const category = optionalEnum(fields, format, NETWORK_CATEGORY, 'NetworkCategory') as WinConnectionProfile['category'] | undefined
  return compact({
    alias: nonEmptyText(fields, format, 'InterfaceAlias', 'ifAlias'),
    index: optionalInteger(fields, format, 'InterfaceIndex', 'ifIndex'),
    category: category ?? 'unknown',
  })
}
