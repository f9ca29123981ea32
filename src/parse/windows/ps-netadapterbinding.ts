/**
 * Parses Get-NetAdapterBinding into `WinBinding[]`: the collector's JSON (`Enabled` true/false)
 * and pasted Format-Table (`Name DisplayName ComponentID Enabled`) or Format-List output.
 *
 * DisplayName is translated on localized Windows (`Protocole Internet version 6 (TCP/IPv6)`);
 * ComponentID (`ms_tcpip6`) is not, so rules should read `componentId`. A name cut by the table
 * (`VMware Network Adapte...1`) stays as shown.
 *
 * @example
 * parseNetAdapterBindingText('Name      DisplayName                             ComponentID Enabled\n' +
 *   '----      -----------                             ----------- -------\n' +
 *   'Ethernet  Internet Protocol Version 6 (TCP/IPv6)  ms_tcpip6   True\n')
 * // → [{alias: 'Ethernet', componentId: 'ms_tcpip6', displayName: 'Internet Protocol Version 6 (TCP/IPv6)', enabled: true}]
 */
import type {WinBinding} from '../../facts/windows-model.js'
import {
  cmdletParsers,
  compact,
  type Fields,
  looksLikeText,
  nonEmptyText,
  optionalBoolean,
  optionalText,
  required,
  TRUE_FALSE,
  TRUE_FALSE_TRUTH,
} from './ps-shared.js'

const PARSERS = cmdletParsers('Get-NetAdapterBinding', toBinding)

/** `Get-NetAdapterBinding | ConvertTo-Json` (collect.ps1's `ps-netadapterbinding`): an array, or one object. */
export function parseNetAdapterBindingJson(text: string): WinBinding[] {
  return PARSERS.json(text)
}

/** A pasted `Get-NetAdapterBinding` Format-Table or Format-List. */
export function parseNetAdapterBindingText(text: string): WinBinding[] {
  return PARSERS.text(text)
}

/** Does this text (or its first line) open Get-NetAdapterBinding's table or list view? */
export function looksLikeNetAdapterBindingText(text: string): boolean {
  return looksLikeText(text, ['Name', 'DisplayName', 'ComponentID', 'Enabled'], ['Name', 'DisplayName', 'ComponentID'])
}

function toBinding(fields: Fields, format: string): WinBinding {
  return compact({
    alias: nonEmptyText(fields, format, 'Name', 'InterfaceAlias', 'ifAlias'),
    componentId: required(optionalText(fields, format, 'ComponentID'), fields, format, 'ComponentID'),
    displayName: optionalText(fields, format, 'DisplayName'),
    enabled: required(optionalBoolean(fields, format, TRUE_FALSE, TRUE_FALSE_TRUTH, 'Enabled'), fields, format, 'Enabled'),
  })
}
