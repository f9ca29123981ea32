/**
 * Parses Get-DnsClient into `WinDnsClient[]`: the collector's JSON
 * (`RegisterThisConnectionsAddress` true/false) and pasted Format-List or Format-Table output.
 * The table view wraps its long headers over three lines (`RegisterThis` / `ConnectionsA` /
 * `ddress`); the shared table reader joins them back.
 *
 * @example
 * parseDnsClientJson('[{"InterfaceAlias": "LB-Loopback", "InterfaceIndex": 23, "RegisterThisConnectionsAddress": false}]')
 * // → [{alias: 'LB-Loopback', index: 23, registerThisConnectionsAddress: false}]
 */
import type {WinDnsClient} from '../../facts/windows-model.js'
import {
  cmdletParsers,
  compact,
  type Fields,
  looksLikeText,
  nonEmptyText,
  optionalBoolean,
  optionalInteger,
  required,
  TRUE_FALSE,
  TRUE_FALSE_TRUTH,
} from './ps-shared.js'

const PARSERS = cmdletParsers('Get-DnsClient', toDnsClient)

/** `Get-DnsClient | ConvertTo-Json` (collect.ps1's `ps-dnsclient`): an array, or one object. */
export function parseDnsClientJson(text: string): WinDnsClient[] {
  return PARSERS.json(text)
}

/** A pasted `Get-DnsClient` Format-Table or Format-List. */
export function parseDnsClientText(text: string): WinDnsClient[] {
  return PARSERS.text(text)
}

/** Does this text open Get-DnsClient's list view (or its table, whose first header line is `InterfaceAlias Interface ...`)? */
export function looksLikeDnsClientText(text: string): boolean {
  return looksLikeText(text, ['InterfaceAlias', 'Interface', 'ConnectionSpecificSuffix'], ['InterfaceAlias', 'InterfaceIndex', 'ConnectionSpecificSuffix'])
}

function toDnsClient(fields: Fields, format: string): WinDnsClient {
  const register = optionalBoolean(fields, format, TRUE_FALSE, TRUE_FALSE_TRUTH, 'RegisterThisConnectionsAddress')
  return compact({
    alias: nonEmptyText(fields, format, 'InterfaceAlias', 'ifAlias'),
    index: optionalInteger(fields, format, 'InterfaceIndex', 'ifIndex'),
    registerThisConnectionsAddress: required(register, fields, format, 'RegisterThisConnectionsAddress'),
  })
}
