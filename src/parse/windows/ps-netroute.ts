/**
 * Parses Get-NetRoute into `WinRoute[]`: the collector's JSON (AddressFamily 2/23 or names) and
 * pasted Format-Table (`ifIndex DestinationPrefix NextHop RouteMetric ifMetric PolicyStore`) or
 * Format-List output.
 *
 * `destination` keeps Windows' prefix form (`0.0.0.0/0`, not `default`), canonicalized. An
 * on-link NextHop (`0.0.0.0`, `::`) means no gateway. `metric` is the RouteMetric; Windows adds
 * the interface metric (`ifMetric`) when it chooses a route. PersistentStore entries are left out.
 *
 * @example
 * parseNetRouteText('ifIndex DestinationPrefix  NextHop      RouteMetric ifMetric PolicyStore\n' +
 *   '------- -----------------  -------      ----------- -------- -----------\n' +
 *   '24      0.0.0.0/0          192.168.1.1            0 50       ActiveStore\n')
 * // → [{destination: '0.0.0.0/0', family: 'inet', nextHop: '192.168.1.1', index: 24, metric: 0}]
 */
import type {WinRoute} from '../../facts/windows-model.js'
import {canonicalIp, parsePrefix} from '../ip-address.js'
import {ParseError} from '../parse-error.js'
import {
  cmdletParsers,
  compact,
  type Fields,
  isPersistentStore,
  looksLikeText,
  nonEmptyText,
  optionalInteger,
  optionalText,
} from './ps-shared.js'

const PARSERS = cmdletParsers('Get-NetRoute', toRoute)

/** `Get-NetRoute | ConvertTo-Json` (collect.ps1's `ps-netroute`): an array, or one object. */
export function parseNetRouteJson(text: string): WinRoute[] {
  return PARSERS.json(text)
}

/** A pasted `Get-NetRoute` Format-Table or Format-List. */
export function parseNetRouteText(text: string): WinRoute[] {
  return PARSERS.text(text)
}

/** Does this text (or its first line) open Get-NetRoute's table or list view? */
export function looksLikeNetRouteText(text: string): boolean {
  return looksLikeText(text, ['ifIndex', 'DestinationPrefix', 'NextHop', 'RouteMetric'], ['DestinationPrefix', 'NextHop'])
}

function toRoute(fields: Fields, format: string): WinRoute | undefined {
  if (isPersistentStore(fields, format)) return undefined
  const text = nonEmptyText(fields, format, 'DestinationPrefix')
  const prefix = parsePrefix(text)
  if (prefix === undefined) throw new ParseError(format, `${fields.where}: bad DestinationPrefix ${JSON.stringify(text)}`, fields.line)
  return compact({
    destination: `${prefix.address}/${prefix.prefixLength}`,
    family: prefix.family,
    nextHop: gateway(fields, format),
    index: optionalInteger(fields, format, 'ifIndex', 'InterfaceIndex'),
    alias: optionalText(fields, format, 'InterfaceAlias', 'ifAlias'),
    metric: optionalInteger(fields, format, 'RouteMetric'),
  })
}

function gateway(fields: Fields, format: string): string | undefined {
  const text = optionalText(fields, format, 'NextHop')
  if (text === undefined) return undefined
  const address = canonicalIp(text.replace(/%.*$/, ''))
  if (address === undefined) throw new ParseError(format, `${fields.where}: bad NextHop ${JSON.stringify(text)}`, fields.line)
  return address === '0.0.0.0' || address === '::' ? undefined : address
}
