/**
 * Parses Get-NetIPInterface into `WinIpInterface[]` (one per interface and family): the
 * collector's JSON (numbers for AddressFamily 2/23, WeakHostSend/WeakHostReceive/AutomaticMetric
 * 0/1, ConnectionState 0/1; or their names) and pasted Format-Table (`ifIndex InterfaceAlias
 * AddressFamily NlMtu(Bytes) InterfaceMetric Dhcp ConnectionState PolicyStore`) or Format-List
 * output (the only text view that shows WeakHostSend and WeakHostReceive).
 *
 * PersistentStore entries (`Persiste...` in the table) are boot configuration with blank state
 * columns; only the running (ActiveStore) entries are returned.
 *
 * @example
 * parseNetIPInterfaceJson('{"ifIndex": 23, "InterfaceAlias": "LB-Loopback", "AddressFamily": 2,' +
 *   ' "WeakHostSend": 1, "WeakHostReceive": 1, "InterfaceMetric": 25, "AutomaticMetric": 1, "ConnectionState": 1, "Store": 1}')
 * // → [{index: 23, alias: 'LB-Loopback', family: 'inet', weakHostSend: true, weakHostReceive: true,
 * //     interfaceMetric: 25, automaticMetric: true, connected: true}]
 */
import type {WinIpInterface} from '../../facts/windows-model.js'
import {
  ADDRESS_FAMILY,
  cmdletParsers,
  compact,
  DISABLED_ENABLED,
  ENABLED_TRUTH,
  type Fields,
  familyOf,
  isPersistentStore,
  looksLikeText,
  nonEmptyText,
  optionalBoolean,
  optionalEnum,
  optionalInteger,
  required,
} from './ps-shared.js'

const PARSERS = cmdletParsers('Get-NetIPInterface', toIpInterface)

const CONNECTION_STATE = {Disconnected: 0, Connected: 1}
const CONNECTED_TRUTH = {Disconnected: false, Connected: true}

/** `Get-NetIPInterface | ConvertTo-Json` (collect.ps1's `ps-netipinterface`): an array, or one object. */
export function parseNetIPInterfaceJson(text: string): WinIpInterface[] {
  return PARSERS.json(text)
}

/** A pasted `Get-NetIPInterface` Format-Table or Format-List. */
export function parseNetIPInterfaceText(text: string): WinIpInterface[] {
  return PARSERS.text(text)
}

/** Does this text (or its first line) open Get-NetIPInterface's table or list view? */
export function looksLikeNetIPInterfaceText(text: string): boolean {
  return looksLikeText(text, ['ifIndex', 'InterfaceAlias', 'AddressFamily', 'InterfaceMetric'], ['InterfaceIndex', 'InterfaceAlias', 'AddressFamily', 'WeakHostSend'])
}

function toIpInterface(fields: Fields, format: string): WinIpInterface | undefined {
  if (isPersistentStore(fields, format)) return undefined
  return compact({
    index: optionalInteger(fields, format, 'ifIndex', 'InterfaceIndex'),
    alias: nonEmptyText(fields, format, 'InterfaceAlias', 'ifAlias'),
    family: required(familyOf(optionalEnum(fields, format, ADDRESS_FAMILY, 'AddressFamily')), fields, format, 'AddressFamily'),
    weakHostSend: optionalBoolean(fields, format, DISABLED_ENABLED, ENABLED_TRUTH, 'WeakHostSend'),
    weakHostReceive: optionalBoolean(fields, format, DISABLED_ENABLED, ENABLED_TRUTH, 'WeakHostReceive'),
    interfaceMetric: optionalInteger(fields, format, 'InterfaceMetric'),
    automaticMetric: optionalBoolean(fields, format, DISABLED_ENABLED, ENABLED_TRUTH, 'AutomaticMetric'),
    connected: optionalBoolean(fields, format, CONNECTION_STATE, CONNECTED_TRUTH, 'ConnectionState'),
  })
}
