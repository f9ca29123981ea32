/**
 * Parses `Get-NetTCPConnection -State Listen` into `Listener[]`: the collector's JSON (State 2 or
 * "Listen") and pasted Format-Table (`LocalAddress LocalPort RemoteAddress RemotePort State
 * AppliedSetting OwningProcess`) or Format-List output. Rows in another state (a paste of plain
 * Get-NetTCPConnection: Established, TimeWait, Bound...) are left out; a row without State is
 * taken as listening, as the collector's `-State Listen` output is.
 *
 * `process` stays undefined: OwningProcess is a PID, not a program name.
 *
 * @example
 * parseNetTcpConnectionText('LocalAddress  LocalPort RemoteAddress RemotePort State       AppliedSetting OwningProcess\n' +
 *   '------------  --------- ------------- ---------- -----       -------------- -------------\n' +
 *   '::            5985      ::            0          Listen                     4\n' +
 *   '10.10.68.87   139       0.0.0.0       0          Listen                     4\n')
 * // → [{protocol: 'tcp', address: '::', port: 5985}, {protocol: 'tcp', address: '10.10.68.87', port: 139}]
 */
import type {Listener} from '../../facts/model.js'
import {ParseError} from '../parse-error.js'
import {
  cmdletParsers,
  type Fields,
  looksLikeText,
  optionalEnum,
  optionalInteger,
  required,
  requiredAddress,
} from './ps-shared.js'

const PARSERS = cmdletParsers('Get-NetTCPConnection', toListener)

/** MSFT_NetTCPConnection.State (1-12 per the class documentation); newer builds also print Bound (100). */
const TCP_STATE = {
  Closed: 1, Listen: 2, SynSent: 3, SynReceived: 4, Established: 5, FinWait1: 6, FinWait2: 7,
  CloseWait: 8, Closing: 9, LastAck: 10, TimeWait: 11, DeleteTCB: 12, Bound: 100,
}

/** `Get-NetTCPConnection | ConvertTo-Json` (collect.ps1's `ps-nettcpconnection-listen`): an array, or one object. */
export function parseNetTcpConnectionJson(text: string): Listener[] {
  return PARSERS.json(text)
}

/** A pasted `Get-NetTCPConnection` Format-Table or Format-List. */
export function parseNetTcpConnectionText(text: string): Listener[] {
  return PARSERS.text(text)
}

/** Does this text (or its first line) open Get-NetTCPConnection's table or list view? */
export function looksLikeNetTcpConnectionText(text: string): boolean {
  return looksLikeText(text, ['LocalAddress', 'LocalPort', 'RemoteAddress', 'RemotePort', 'State'], ['LocalAddress', 'LocalPort', 'RemoteAddress', 'State'])
}

function toListener(fields: Fields, format: string): Listener | undefined {
  const state = optionalEnum(fields, format, TCP_STATE, 'State')
  if (state !== undefined && state !== 'Listen') return undefined
  const address = requiredAddress(fields, format, 'LocalAddress')
  const port = required(optionalInteger(fields, format, 'LocalPort'), fields, format, 'LocalPort')
  if (port > 65535) throw new ParseError(format, `${fields.where}: LocalPort ${port} is out of range`, fields.line)
  return {protocol: 'tcp', address, port}
}
