/**
 * Parser for the interface table of `netsh interface ipv4 show interfaces` (also `ipv6`, and
 * `netsh interface ip show interfaces`, the same command under its old name).
 *
 * The header is translated (`Idx  Met  MTU  状态  名称`) and CJK headers no longer line up with
 * the dashes, but the rows are not: four numbers-or-word columns, then the name, which takes the
 * rest of the line and may hold spaces, brackets, `#`, `*` or any script. So rows are read by
 * structure (`idx met mtu state name…`) after the dash rule, never by header text or column.
 *
 * @example
 * parseNetshInterfaces([
 *   'Idx     Met         MTU          State                Name',
 *   '---  ----------  ----------  ------------  ---------------------------',
 *   '  1          75  4294967295  connected     Loopback Pseudo-Interface 1',
 *   ' 12        5000        1500  connected     vEthernet (Default Switch)',
 * ].join('\r\n'))
 * // → [{index: 1, metric: 75, mtu: 4294967295, state: 'connected', alias: 'Loopback Pseudo-Interface 1'},
 * //    {index: 12, metric: 5000, mtu: 1500, state: 'connected', alias: 'vEthernet (Default Switch)'}]
 */
import {ParseError} from '../parse-error.js'
import {isDashes, netshLines} from './netsh-shared.js'

const FORMAT = 'netsh interface ipv4 show interfaces'

export interface NetshInterfaceRow {
  index: number
  metric: number
  mtu: number
  /** As printed (`connected`, `disconnected`; English on every capture seen, zh-CN included). */
  state: string
  alias: string
}

const ROW = /^\s*(\d+)\s+(\d+)\s+(\d+)\s+(\S+)\s+(\S.*)$/

/**
 * @throws {ParseError} when there is no dashed header rule, or a row that starts with a number
 * does not have the five columns.
 */
export function parseNetshInterfaces(text: string): NetshInterfaceRow[] {
  const lines = netshLines(text)
  const rule = lines.findIndex(isHeaderRule)
  if (rule === -1) throw new ParseError(FORMAT, 'expected a header underlined with dashes (---  ----------), found none')
  const rows: NetshInterfaceRow[] = []
  for (let index = rule + 1; index < lines.length; index++) {
    const line = lines[index] as string
    // The table ends at the first line that is not a row: a blank line, `Ok.`, a prompt.
    if (!/^\s*\d/.test(line)) break
    rows.push(parseRow(line, index + 1))
  }
  return rows
}

/** True when the text holds an interface table (for format detection; never throws). */
export function looksLikeNetshInterfaces(text: string): boolean {
  const lines = netshLines(text)
  const rule = lines.findIndex(isHeaderRule)
  return rule !== -1 && ROW.test(lines[rule + 1] ?? '')
}

/** The table's rule has exactly five dash groups; `show interface <idx>` has one long rule. */
function isHeaderRule(line: string): boolean {
  return isDashes(line) && line.trim().split(/\s+/).length === 5
}

function parseRow(line: string, lineNumber: number): NetshInterfaceRow {
  const match = ROW.exec(line)
  if (match === null) throw new ParseError(FORMAT, `expected "Idx Met MTU State Name", found "${line.trim()}"`, lineNumber)
  const [, index, metric, mtu, state, alias] = match as unknown as [string, string, string, string, string, string]
  return {index: Number(index), metric: Number(metric), mtu: Number(mtu), state, alias: alias.trim()}
}
