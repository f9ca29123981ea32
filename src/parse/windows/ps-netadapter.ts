/**
 * Parses Get-NetAdapter into `WinAdapter[]`: the collector's JSON (`Select-Object *` of
 * MSFT_NetAdapter, so `Status` is the view's text and `ifOperStatus`/`MediaConnectionState` are
 * numbers) and pasted Format-Table (`Name InterfaceDescription ifIndex Status MacAddress
 * LinkSpeed`) or Format-List output.
 *
 * The table view cuts names in the middle (`VMware Network Adapte...8`) and descriptions at the
 * end (`Bluetooth Device (Personal Area Netw...`): a cut name stays as shown (it cannot equal a
 * real alias), a cut description becomes undefined. A KM-TEST loopback is told by its
 * `ComponentID` `*msloop` (JSON, Format-List *) or its description.
 *
 * @example
 * parseNetAdapterText(
 *   'Name                      InterfaceDescription                    ifIndex Status       MacAddress             LinkSpeed\n' +
 *   '----                      --------------------                    ------- ------       ----------             ---------\n' +
 *   'Citrix Virtual Adapter    Microsoft KM-TEST Loopback Adapter           23 Up           02-00-4C-4F-4F-50       1.2 Gbps\n')
 * // → [{alias: 'Citrix Virtual Adapter', index: 23, description: 'Microsoft KM-TEST Loopback Adapter',
 * //     status: 'up', mac: '02-00-4C-4F-4F-50'}]
 */
import type {WinAdapter} from '../../facts/windows-model.js'
import {
  cmdletParsers,
  compact,
  enumName,
  type EnumTable,
  type Fields,
  looksLikeText,
  nonEmptyText,
  optionalEnum,
  optionalInteger,
  optionalText,
} from './ps-shared.js'

const PARSERS = cmdletParsers('Get-NetAdapter', toAdapter)

/** The `Status` text of the NetAdapter view (English on every Windows language). */
const STATUS: EnumTable = {Up: 1, Disconnected: 2, Disabled: 3, 'Not Present': 4, Down: 5, Testing: 6, Dormant: 7, LowerLayerDown: 8, Unknown: 9}
const STATUS_OF: Readonly<Record<string, WinAdapter['status']>> = {
  Up: 'up',
  Disconnected: 'disconnected',
  LowerLayerDown: 'disconnected',
  Disabled: 'down',
  'Not Present': 'down',
  Down: 'down',
  Testing: 'down',
  Dormant: 'down',
  Unknown: 'unknown',
}
/** IF-MIB ifOperStatus, as MSFT_NetAdapter's ifOperStatus / InterfaceOperationalStatus. */
const OPER_STATUS: EnumTable = {Up: 1, Down: 2, Testing: 3, Unknown: 4, Dormant: 5, NotPresent: 6, LowerLayerDown: 7}
const ADMIN_STATUS: EnumTable = {Up: 1, Down: 2, Testing: 3}
const MEDIA_STATE: EnumTable = {Unknown: 0, Connected: 1, Disconnected: 2}

/** `Get-NetAdapter | ConvertTo-Json` (collect.ps1's `ps-netadapter`): an array, or one object. */
export function parseNetAdapterJson(text: string): WinAdapter[] {
  return PARSERS.json(text)
}

/** A pasted `Get-NetAdapter` Format-Table or Format-List. */
export function parseNetAdapterText(text: string): WinAdapter[] {
  return PARSERS.text(text)
}

/** Does this text (or its first line) open Get-NetAdapter's table or list view? */
export function looksLikeNetAdapterText(text: string): boolean {
  return looksLikeText(text, ['Name', 'InterfaceDescription', 'ifIndex', 'Status', 'MacAddress'], ['Name', 'InterfaceDescription', 'MacAddress'])
}

function toAdapter(fields: Fields, format: string): WinAdapter {
  return compact({
    index: optionalInteger(fields, format, 'ifIndex', 'InterfaceIndex'),
    alias: nonEmptyText(fields, format, 'Name', 'InterfaceAlias', 'ifAlias'),
    description: optionalText(fields, format, 'InterfaceDescription', 'ifDesc', 'DriverDescription'),
    hardwareId: optionalText(fields, format, 'ComponentID', 'PnPDeviceID'),
    status: status(fields, format),
    mac: optionalText(fields, format, 'MacAddress'),
  })
}

/** The view's `Status` when shown; else administrative state first, then media, then IF-MIB state. */
function status(fields: Fields, format: string): WinAdapter['status'] {
  const text = fields.value('Status')
  // The view's text is open-ended (a driver may report more states): an unknown one is 'unknown'.
  if (typeof text === 'string') return STATUS_OF[enumName(text, STATUS) ?? 'Unknown']
  if (optionalEnum(fields, format, ADMIN_STATUS, 'AdminStatus', 'ifAdminStatus') === 'Down') return 'down'
  if (optionalEnum(fields, format, MEDIA_STATE, 'MediaConnectionState') === 'Disconnected') return 'disconnected'
  const oper = optionalEnum(fields, format, OPER_STATUS, 'ifOperStatus', 'InterfaceOperationalStatus')
  if (oper === undefined) return undefined
  return oper === 'Up' ? 'up' : oper === 'LowerLayerDown' ? 'disconnected' : oper === 'Unknown' ? 'unknown' : 'down'
}
