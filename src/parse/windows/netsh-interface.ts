/**
 * Parser for one interface's parameters, `netsh interface ipv4 show interface <idx>` (or `ipv6`).
 * These are what DR needs on Windows 2008/2008 R2, where no NetTCPIP cmdlets exist: weak host
 * send/receive on the loopback and the NIC, and the interface metric (requirements §8, WIN-DR-04).
 *
 * Labels are translated (`Weak Host Sends` → `弱主机发送`), values mostly are not, and `IfIndex`
 * never is. Each field is looked up by label (netsh-labels.ts); where the label is unknown, the
 * field order netsh has kept from Vista to Windows 11 decides:
 *   - State is the first line valued connected/disconnected, Metric the line after it;
 *   - Forwarding is the first enabled/disabled line, Weak Host Sends the 7th after it, Weak Host
 *     Receives the 8th (Forwarding, Advertising, Neighbor Discovery, NUD, Router Discovery,
 *     Managed Address Configuration, Other Stateful Configuration, Weak Host Sends, …), checked
 *     as a pair (see weakHostByPosition).
 * Only en and zh labels are verified (netsh-labels.ts); de/fr/es/ru/ja blocks rely on this order.
 * The positional guess is skipped when a line was reflowed (several ` : ` on one line, as in the
 * Microsoft docs copy) or the pair check fails; the fields are then left out (unknown), not guessed.
 *
 * The alias comes from the title (`Interface Loopback Parameters`, `接口 WLAN 参数`,
 * `Параметры интерфейса Ethernet`); for a title in an unknown wording it is ''. Join on `index`.
 *
 * @example
 * parseNetshInterface([
 *   'Interface loopback Parameters', '----------------------------------------------',
 *   'IfLuid                             : ethernet_32775', 'IfIndex                            : 39',
 *   'State                              : connected',      'Metric                             : 254',
 *   'Weak Host Sends                    : enabled',        'Weak Host Receives                 : enabled',
 * ].join('\r\n'))
 * // → {alias: 'loopback', family: 'inet', index: 39, connected: true, interfaceMetric: 254,
 * //    weakHostSend: true, weakHostReceive: true}
 */
import type {AddressFamily} from '../../facts/model.js'
import type {WinIpInterface} from '../../facts/windows-model.js'
import {ParseError} from '../parse-error.js'
import {
  CONNECTED_VALUES,
  ENABLED_VALUES,
  INTERFACE_LABELS,
  INTERFACE_TITLES,
  LANGUAGES,
  lookupLabel,
  normalizeTerm,
} from './netsh-labels.js'
import {isDashes, netshLines, splitColon} from './netsh-shared.js'

const FORMAT = 'netsh interface ipv4 show interface'

interface Field {
  label: string
  value: string
  line: number
}

/**
 * @param family the command's family when known (bundle id netsh-ipv4-…); otherwise taken from an
 * echoed `netsh interface ipv6 …` line, else IPv4.
 * @throws {ParseError} when there is no `IfIndex : <number>` line, or a known field has a value in
 * no language of the tables.
 */
export function parseNetshInterface(text: string, family?: AddressFamily): WinIpInterface {
  const lines = netshLines(text)
  const indexLine = lines.findIndex((line) => /^\s*IfIndex\s*[:：]\s*\d+\s*$/.test(line))
  if (indexLine === -1) throw new ParseError(FORMAT, 'expected an "IfIndex : <number>" line, found none')
  const block = blockAround(lines, indexLine)
  const fields = block.fields
  const result: WinIpInterface = {
    alias: aliasFromTitle(block.title),
    family: family ?? familyFromEcho(lines),
    index: Number(splitColon(lines[indexLine] as string)?.value),
  }
  const state = byLabel(fields, 'state') ?? fields.find((field) => lookupLabel(CONNECTED_VALUES, field.value) !== undefined)
  if (state !== undefined) result.connected = connected(state)
  const afterState = block.reflowed || state === undefined ? undefined : fields[fields.indexOf(state) + 1]
  const metric = byLabel(fields, 'metric') ?? (afterState !== undefined && /^\d+$/.test(afterState.value) ? afterState : undefined)
  if (metric !== undefined) result.interfaceMetric = integer(metric)
  const guessed = weakHostByPosition(fields, block.reflowed)
  assignFlag(result, 'weakHostSend', byLabel(fields, 'weakHostSend') ?? guessed?.send)
  assignFlag(result, 'weakHostReceive', byLabel(fields, 'weakHostReceive') ?? guessed?.receive)
  assignFlag(result, 'automaticMetric', byLabel(fields, 'automaticMetric') ?? guessed?.automaticMetric)
  return result
}

/**
 * Weak Host Sends/Receives and Use Automatic Metric by field order, for labels in an unknown
 * language: the 7th, 8th and 9th fields after Forwarding (the first enabled/disabled one), the order
 * of every capture from Vista (KB 949589) to Windows 11 in en and zh. A guess must not become a wrong
 * value if a Windows version adds a field, so it counts only when all three hold flags and the two
 * weak-host labels read as a pair: they share their first or last three characters, as the real
 * en and zh labels do (`Weak Host …`, `弱主机…`) and every guessed translation would (`… de host
 * débil`), and as a neighbour shifted into either place would not.
 */
function weakHostByPosition(fields: readonly Field[], reflowed: boolean): {send: Field; receive: Field; automaticMetric: Field} | undefined {
  const forwarding = fields.findIndex(isFlag)
  if (reflowed || forwarding === -1) return undefined
  const [send, receive, automaticMetric] = [7, 8, 9].map((offset) => fields[forwarding + offset])
  if (send === undefined || receive === undefined || automaticMetric === undefined) return undefined
  if (![send, receive, automaticMetric].every(isFlag) || !labelsPair(send.label, receive.label)) return undefined
  return {send, receive, automaticMetric}
}

function labelsPair(first: string, second: string): boolean {
  const [a, b] = [[...normalizeTerm(first)], [...normalizeTerm(second)]]
  const head = (chars: string[]): string => chars.slice(0, 3).join('')
  const tail = (chars: string[]): string => chars.slice(-3).join('')
  return a.length >= 3 && b.length >= 3 && (head(a) === head(b) || tail(a) === tail(b))
}

/** True when the text holds an interface parameter block (for format detection; never throws). */
export function looksLikeNetshInterface(text: string): boolean {
  const lines = netshLines(text)
  return lines.some((line) => /^\s*IfLuid\s*[:：]/.test(line)) && lines.some((line) => /^\s*IfIndex\s*[:：]\s*\d+\s*$/.test(line))
}

/** The block holding line `at`: from the dash rule above it to the next blank line. */
function blockAround(lines: readonly string[], at: number): {title: string; fields: Field[]; reflowed: boolean} {
  let rule = at
  while (rule > 0 && !isDashes(lines[rule] as string)) rule--
  const title = rule > 0 && isDashes(lines[rule] as string) ? (lines[rule - 1] as string).trim() : ''
  const fields: Field[] = []
  let reflowed = false
  for (let index = isDashes(lines[rule] as string) ? rule + 1 : 0; index < lines.length; index++) {
    const line = lines[index] as string
    if (line.trim() === '') {
      if (index > at) break
      continue
    }
    const pair = splitColon(line)
    // A reflowed line (`DAD Transmits : 3 Site Prefix Length : 64`) holds several pairs.
    if (pair === undefined || /\s[:：]\s.*\s[:：](\s|$)/.test(line)) {
      reflowed = true
      continue
    }
    fields.push({...pair, line: index + 1})
  }
  return {title, fields, reflowed}
}

function isFlag(field: Field): boolean {
  return lookupLabel(ENABLED_VALUES, field.value) !== undefined
}

function byLabel(fields: readonly Field[], key: keyof typeof INTERFACE_LABELS): Field | undefined {
  return fields.find((field) => lookupLabel(INTERFACE_LABELS, field.label) === key)
}

/** The alias inside a title of a known wording; '' for a title in a language not in the table. */
function aliasFromTitle(title: string): string {
  for (const language of LANGUAGES) {
    for (const [prefix, suffix] of INTERFACE_TITLES[language]) {
      if (title.startsWith(prefix) && title.endsWith(suffix) && title.length > prefix.length + suffix.length) {
        return title.slice(prefix.length, title.length - suffix.length).trim()
      }
    }
  }
  return ''
}

function familyFromEcho(lines: readonly string[]): AddressFamily {
  return lines.some((line) => /\b(?:interface|int)\s+ipv6\b/i.test(line)) ? 'inet6' : 'inet'
}

function connected(field: Field): boolean {
  const value = lookupLabel(CONNECTED_VALUES, field.value)
  if (value === undefined) throw new ParseError(FORMAT, `expected connected or disconnected, found "${field.value}"`, field.line)
  return value === 'connected'
}

function integer(field: Field): number {
  if (!/^\d+$/.test(field.value)) throw new ParseError(FORMAT, `expected a number for the metric, found "${field.value}"`, field.line)
  return Number(field.value)
}

function assignFlag(result: WinIpInterface, key: 'weakHostSend' | 'weakHostReceive' | 'automaticMetric', field: Field | undefined): void {
  if (field === undefined) return
  const value = lookupLabel(ENABLED_VALUES, field.value)
  if (value === undefined) throw new ParseError(FORMAT, `expected enabled or disabled, found "${field.value}"`, field.line)
  result[key] = value === 'enabled'
}
