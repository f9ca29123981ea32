/**
 * Parsers for the Windows XP/2003 firewall, `netsh firewall show state` and `netsh firewall show
 * portopening` (still answered, with a deprecation notice, up to Server 2016). On 2003 the DR
 * loopback needs the firewall off or a port exception (requirements §7, WIN-LEG-03).
 *
 *   - `show state`: a `Firewall status:` block of `label = value` lines (Profile first, then
 *     Operational mode) and the table `Ports currently open on all network interfaces`
 *     (`Port Protocol Version Program`).
 *   - `show portopening`: one table per profile, `Port configuration for Domain profile:` then
 *     `Port Protocol Mode [Traffic direction] Name` (the direction column came with Vista).
 * Tables are read by shape (a port number, then TCP/UDP); the status block by label, or by
 * position (Operational mode is the second line) when the label is in an unknown language.
 *
 * @example
 * parseNetshFirewallState('Firewall status:\n' + '-'.repeat(67) +
 *   '\nProfile                           = Standard\nOperational mode                  = Enable\n')
 * // → {profile: 'Standard', enabled: true, openPorts: []}
 * parseNetshFirewallPortopening('Port configuration for Standard profile:\nPort   Protocol  Mode     Name\n' +
 *   '-'.repeat(67) + '\n80     TCP       Enable   Web Server (HTTP)\n')
 * // → [{profile: 'Standard', port: 80, protocol: 'TCP', enabled: true, name: 'Web Server (HTTP)'}]
 */
import type {WinLegacyFirewall} from '../../facts/windows-model.js'
import {ParseError} from '../parse-error.js'
import {ENABLE_VALUES, LEGACY_DIRECTION_VALUES, LEGACY_LABELS, lookupLabel} from './netsh-labels.js'
import {netshLines, requireValue, splitEquals, titledRules} from './netsh-shared.js'

const STATE_FORMAT = 'netsh firewall show state'
const PORTS_FORMAT = 'netsh firewall show portopening'

type OpenPort = WinLegacyFirewall['openPorts'][number]

/** One `show portopening` row, with the profile whose table it is in. */
export interface NetshPortOpening extends OpenPort {
  /** `Domain` or `Standard` (the non-domain profile of XP/2003), as printed. */
  profile: string
}

const PORT_ROW = /^\s*(\d{1,5})\s+(\S+)\s+(\S+)\s+(\S.*)$/

/** {@link WinLegacyFirewall} plus the profile the status block names (the current one). */
export interface NetshFirewallState extends WinLegacyFirewall {
  profile?: string
}

/**
 * @throws {ParseError} when there is no status block, or Operational mode is not Enable/Disable
 * in any known language.
 */
export function parseNetshFirewallState(text: string): NetshFirewallState {
  const lines = netshLines(text)
  const status = titledRules(lines).find((rule) => splitEquals(lines[rule + 1] ?? '') !== undefined)
  if (status === undefined) throw new ParseError(STATE_FORMAT, 'expected a "Firewall status:" block of "label = value" lines, found none')
  const fields: Array<{label: string; value: string; line: number}> = []
  for (let index = status + 1; index < lines.length && splitEquals(lines[index] as string) !== undefined; index++) {
    fields.push({...(splitEquals(lines[index] as string) as {label: string; value: string}), line: index + 1})
  }
  const mode = fields.find((field) => lookupLabel(LEGACY_LABELS, field.label) === 'operationalMode') ?? fields[1]
  if (mode === undefined) throw new ParseError(STATE_FORMAT, 'expected an Operational mode line in the status block', status + 1)
  const openPorts = tables(lines, status)
    .flatMap((table) => table.rows)
    .map(({match, line}) => openPort(match, line))
  return {
    ...(fields[0] === undefined ? {} : {profile: fields[0].value}),
    enabled: requireValue(ENABLE_VALUES, mode.value, 'Operational mode Enable or Disable', STATE_FORMAT, mode.line) === 'enable',
    openPorts,
  }
}

/**
 * @throws {ParseError} when there is no port table, or a row's protocol is not TCP/UDP or its
 * mode not Enable/Disable.
 */
export function parseNetshFirewallPortopening(text: string): NetshPortOpening[] {
  const lines = netshLines(text)
  const found = tables(lines, -1)
  if (found.length === 0) {
    throw new ParseError(PORTS_FORMAT, 'expected "Port configuration for <profile> profile:" and a port table, found none')
  }
  return found.flatMap((table, position) =>
    table.rows.map(({match, line}) => {
      const [, port, protocol, mode, rest] = match as unknown as [string, string, string, string, string]
      return {
        profile: profileOf(table.title, position),
        port: Number(port),
        protocol: tcpOrUdp(protocol, PORTS_FORMAT, line),
        enabled: requireValue(ENABLE_VALUES, mode, 'Enable or Disable', PORTS_FORMAT, line) === 'enable',
        name: withoutDirection(rest),
      }
    }),
  )
}

/** The state's open ports plus the exceptions of its current profile, without repeats. */
export function legacyFirewall(state: NetshFirewallState, openings: readonly NetshPortOpening[]): WinLegacyFirewall {
  const current = openings.filter((opening) => state.profile === undefined || opening.profile.toLowerCase() === state.profile.toLowerCase())
  const openPorts = [...state.openPorts]
  for (const {profile: _profile, ...opening} of current) {
    const same = openPorts.findIndex((port) => port.port === opening.port && port.protocol === opening.protocol)
    const known = openPorts[same]
    if (known === undefined) openPorts.push(opening)
    // The first name stays (a state row has none; a later duplicate exception adds none).
    else openPorts[same] = {...known, name: known.name ?? opening.name, enabled: known.enabled || opening.enabled}
  }
  return {enabled: state.enabled, openPorts}
}

/** True for `show state` output, its Operational mode label in any known language (for format detection; never throws). */
export function looksLikeNetshFirewallState(text: string): boolean {
  return netshLines(text).some((line) => {
    const pair = splitEquals(line)
    return pair !== undefined && lookupLabel(LEGACY_LABELS, pair.label) === 'operationalMode' && lookupLabel(ENABLE_VALUES, pair.value) !== undefined
  })
}

/** True for `show portopening` output: a port row with a mode under a dash rule (for format detection; never throws). */
export function looksLikeNetshFirewallPortopening(text: string): boolean {
  return tables(netshLines(text), -1).some((table) =>
    table.rows.some(({match}) => lookupLabel(ENABLE_VALUES, match[3] as string) !== undefined),
  )
}

interface PortTable {
  title: string
  rows: Array<{match: RegExpExecArray; line: number}>
}

/** Tables after line `after`: a section title, a column header, dashes, rows that start with a port. */
function tables(lines: readonly string[], after: number): PortTable[] {
  return titledRules(lines)
    .filter((rule) => rule > after && splitEquals(lines[rule + 1] ?? '') === undefined && rule >= 2)
    .map((rule) => {
      const rows: PortTable['rows'] = []
      for (let index = rule + 1; index < lines.length; index++) {
        const match = PORT_ROW.exec(lines[index] as string)
        if (match === null) break
        rows.push({match, line: index + 1})
      }
      return {title: (lines[rule - 2] as string).trim(), rows}
    })
    // Service, program and ICMP tables have rows that start with a word; keep only port tables.
    .filter((table) => table.rows.length > 0 || PORT_WORD.test(table.title))
}

const PORT_WORD = /port|puert|порт|端口|ポート/i

function openPort(match: RegExpExecArray, line: number): OpenPort {
  const [, port, protocol, , program] = match as unknown as [string, string, string, string, string]
  const opened: OpenPort = {port: Number(port), protocol: tcpOrUdp(protocol, STATE_FORMAT, line), enabled: true}
  if (program.trim() !== '(null)') opened.name = program.trim()
  return opened
}

function tcpOrUdp(protocol: string, format: string, line: number): 'TCP' | 'UDP' {
  const upper = protocol.toUpperCase()
  if (upper !== 'TCP' && upper !== 'UDP') throw new ParseError(format, `expected TCP or UDP, found "${protocol}"`, line)
  return upper
}

/** `Port configuration for Domain profile:` → Domain; other wordings: Domain first, Standard second. */
function profileOf(title: string, position: number): string {
  const english = /\bfor\s+(\S+)\s+profile\b/i.exec(title)
  if (english !== null) return english[1] as string
  if (/domain|domäne|domaine|dominio|домен|域|ドメイン/i.test(title)) return 'Domain'
  return position === 0 ? 'Domain' : 'Standard'
}

/** Vista+ rows carry `Inbound` before the name. */
function withoutDirection(rest: string): string {
  const [first = '', ...others] = rest.trim().split(/\s+/)
  return lookupLabel(LEGACY_DIRECTION_VALUES, first) !== undefined && others.length > 0 ? rest.trim().slice(first.length).trim() : rest.trim()
}
