/**
 * Parses Windows `route print` (and `netstat -rn`, which prints the same tables), XP to 11 and
 * in any display language: the Interface List, and the Active Routes of the IPv4 and IPv6 Route
 * Tables. Titles, labels and the "On-link" gateway are translated ("Schnittstellenliste",
 * "Aktive Routen:", "Auf Verbindung", "在链路上"...), so nothing here reads a word: sections are
 * found by their `====` rules and `label:` lines, rows by their shape.
 *
 * Each family's table has an "Active Routes:" label and then a "Persistent Routes:" one, so the
 * labels alternate active, persistent, active, persistent; persistent routes (configuration, not
 * state) are skipped. IPv4 rows name the interface by its address, which is kept as
 * `interfaceAddress`; IPv6 rows give its index. An on-link next hop is left undefined.
 *
 * @example
 * parseRoutePrint(`===========================================================================
 * Interface List
 *  17...02 00 4c 4f 4f 50 ......Microsoft Loopback Adapter
 * ===========================================================================
 * IPv4 Route Table
 * ===========================================================================
 * Active Routes:
 * Network Destination        Netmask          Gateway       Interface  Metric
 *           0.0.0.0          0.0.0.0      192.168.1.1      192.168.1.4      5
 *       192.168.1.0    255.255.255.0         On-link       192.168.1.4    261`)
 * // → {interfaces: [{index: 17, mac: '02-00-4C-4F-4F-50', description: 'Microsoft Loopback Adapter'}],
 * //    routes: [{destination: '0.0.0.0/0', family: 'inet', nextHop: '192.168.1.1', metric: 5, interfaceAddress: '192.168.1.4'},
 * //             {destination: '192.168.1.0/24', family: 'inet', metric: 261, interfaceAddress: '192.168.1.4'}]}
 */
import type {WinRoute} from '../../facts/windows-model.js'
import {canonicalIp, parsePrefix} from '../ip-address.js'
import {netmaskToPrefix} from '../netmask.js'
import {ParseError, splitLines} from '../parse-error.js'
import {displayWidth} from './ipconfig.js'

const FORMAT = 'route print'
const RULE = /^\s*={20,}\s*$/
/** ` 17...02 00 4c 4f 4f 50 ......Name`, `  1...........Name`, XP `0x2 ...00 0c 29 ...... Name`. */
const INTERFACE_ROW = /^\s*(0x[0-9a-f]+|\d+)\s*\.\.\.(?:((?:[0-9a-fx]{2} ){5,7}[0-9a-fx]{2})\s*\.*|\.*)\s*(\S.*)$/i
/** A section label: "Active Routes:", "Persistent Routes:", "活动路由:" — a colon and nothing after it. */
const LABEL = /^\S.*[:：]$/
/** XP prints "Default Gateway:   192.168.1.1" under its only table. */
const LABELLED_VALUE = /^\S[^:：]*[:：]\s+\S+$/

export interface RoutePrintInterface {
  index: number
  mac?: string
  description: string
}

/** A WinRoute plus, for IPv4, the address of the interface the route leaves by. */
export interface RoutePrintRoute extends WinRoute {
  interfaceAddress?: string
}

export interface RoutePrint {
  interfaces: RoutePrintInterface[]
  routes: RoutePrintRoute[]
}

type State = 'outside' | 'header' | 'rows' | 'persistent'

export function parseRoutePrint(text: string): RoutePrint {
  const result: RoutePrint = {interfaces: [], routes: []}
  let state: State = 'outside'
  let labels = 0
  let wrapped: RoutePrintRoute | undefined // an IPv6 row whose gateway went to the next line
  let previous = ''
  for (const [i, raw] of splitLines(text).entries()) {
    const before = previous
    previous = raw
    const line = raw.trim()
    const lineNo = i + 1
    if (wrapped) {
      setNextHop(wrapped, line, lineNo)
      wrapped = undefined
    } else if (RULE.test(raw)) {
      if (state !== 'persistent') state = 'outside'
    } else if (LABEL.test(line) && readRow(line, lineNo) === undefined) {
      state = labels++ % 2 === 0 ? 'header' : 'persistent'
    } else if (state === 'header') {
      state = 'rows' // the localized column header
      if (readRow(line, lineNo)) wrapped = addRow(result, line, lineNo)
    } else if (state === 'rows') {
      if (line === '' || LABELLED_VALUE.test(line)) continue
      if (readRow(line, lineNo) === undefined) throw new ParseError(FORMAT, `expected a route row, found ${JSON.stringify(line)}`, lineNo)
      wrapped = addRow(result, line, lineNo)
    } else if (state === 'outside') {
      const iface = readInterface(raw)
      const last = result.interfaces.at(-1)
      if (iface) result.interfaces.push(iface)
      // XP wraps a long adapter name at the 80th column; the rest, leading space and all, is the next line.
      else if (last && line !== '' && displayWidth(before) >= 79 && readInterface(before)) last.description += raw.trimEnd()
    }
  }
  if (wrapped) throw new ParseError(FORMAT, 'the last IPv6 route has no gateway line')
  if (labels === 0 && result.interfaces.length === 0) throw new ParseError(FORMAT, 'no Interface List and no Active Routes table')
  return result
}

/** A cheap guess for pasted text: `====` rules around interface rows or IPv4 route rows. */
export function looksLikeRoutePrint(text: string): boolean {
  const lines = splitLines(text)
  return (
    lines.some((line) => RULE.test(line)) &&
    lines.some((line, i) => readInterface(line) !== undefined || readRow(line.trim(), i + 1)?.family === 'inet')
  )
}

function readInterface(raw: string): RoutePrintInterface | undefined {
  const match = INTERFACE_ROW.exec(raw.trimEnd())
  if (!match) return undefined
  const [, indexText = '', macText, description = ''] = match
  const iface: RoutePrintInterface = {index: Number.parseInt(indexText, indexText.startsWith('0x') ? 16 : 10), description}
  // Authors mask MAC bytes as "xx" before posting; a masked MAC is no MAC.
  if (macText && !/x/i.test(macText)) iface.mac = macText.toUpperCase().split(' ').join('-')
  return iface
}

function addRow(result: RoutePrint, line: string, lineNo: number): RoutePrintRoute | undefined {
  const route = readRow(line, lineNo)
  if (route) result.routes.push(route)
  return route?.family === 'inet6' && line.split(/\s+/).length === 3 ? route : undefined
}

/** An IPv4 row (Destination Netmask Gateway Interface Metric) or an IPv6 row (If Metric Destination Gateway). */
function readRow(line: string, lineNo: number): RoutePrintRoute | undefined {
  const tokens = line.split(/\s+/)
  const [first = '', second = '', third = ''] = tokens
  if (tokens.length >= 5 && canonicalIp(first)?.includes('.') && /^\d+$/.test(tokens.at(-1) ?? '')) {
    const prefixLength = netmaskToPrefix(second)
    const interfaceAddress = canonicalIp(tokens.at(-2) ?? '')
    if (prefixLength === undefined || !second.includes('.') || interfaceAddress === undefined) {
      throw new ParseError(FORMAT, `bad netmask or interface in ${JSON.stringify(line)}`, lineNo)
    }
    const route: RoutePrintRoute = {destination: `${first}/${prefixLength}`, family: 'inet', metric: Number(tokens.at(-1)), interfaceAddress}
    setNextHop(route, tokens.slice(2, -2).join(' '), lineNo)
    return route
  }
  const prefix = parsePrefix(third)
  if (tokens.length >= 3 && /^\d+$/.test(first) && /^\d+$/.test(second) && third.includes('/') && prefix?.family === 'inet6') {
    const route: RoutePrintRoute = {
      destination: `${prefix.address}/${prefix.prefixLength}`,
      family: 'inet6',
      index: Number(first),
      metric: Number(second),
    }
    if (tokens.length > 3) setNextHop(route, tokens.slice(3).join(' '), lineNo)
    return route
  }
  return undefined
}

/** An address is the next hop; a word ("On-link", "Auf Verbindung", "在链路上") means on-link. */
function setNextHop(route: RoutePrintRoute, gateway: string, lineNo: number): void {
  const address = canonicalIp(gateway.replace(/%.*$/, ''))
  if (address !== undefined && address.includes(':') === (route.family === 'inet6')) route.nextHop = address
  else if (gateway === '' || /[\d:]/.test(gateway)) throw new ParseError(FORMAT, `bad gateway ${JSON.stringify(gateway)}`, lineNo)
}
