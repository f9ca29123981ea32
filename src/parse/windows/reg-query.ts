/**
 * Parses `reg query KEY [/v NAME | /s]` output: each key's full name on an unindented line,
 * then its values indented, `Name<sep>REG_TYPE<sep>Data`. Two layouts exist:
 * - Windows XP and 2003 (REG.EXE 3.0) print a `! REG.EXE VERSION 3.0` banner and separate the
 *   columns with tabs; a REG_MULTI_SZ ends in `\0\0`.
 * - Vista and later print no banner and separate the columns with four spaces; a REG_MULTI_SZ
 *   has `\0` between its strings only.
 * Key names, type names and data are not translated; only reg's error messages are (they go to
 * stderr with exit code 1, and the collector records that as a failed run).
 *
 * @example
 * parseRegQuery('\r\nHKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Services\\Tcpip\\Linkage\r\n' +
 *   '    Bind    REG_MULTI_SZ    \\Device\\{5A9C...}\\0\\Device\\NdisWanIp\r\n\r\n')
 * // → [{key: 'HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Services\\Tcpip\\Linkage',
 * //     values: [{name: 'Bind', type: 'REG_MULTI_SZ', data: '\\Device\\{5A9C...}\\0\\Device\\NdisWanIp',
 * //               strings: ['\\Device\\{5A9C...}', '\\Device\\NdisWanIp']}]}]
 */
import {ParseError, splitLines} from '../parse-error.js'

const FORMAT = 'reg query'

export interface RegValue {
  /** The value's name; the unnamed default value is printed in the display language ("(Default)"). */
  name: string
  /** REG_SZ, REG_MULTI_SZ, REG_DWORD, ... */
  type: string
  /** The data as reg prints it. */
  data: string
  /** REG_MULTI_SZ only: its strings, without the empty terminator XP prints. */
  strings?: string[]
}

export interface RegKey {
  /** The full key name, `HKEY_LOCAL_MACHINE\...`. */
  key: string
  values: RegValue[]
}

const ROOT = /^HKEY_[A-Z_]+(\\|$)/
const VALUE = /^[ \t]+(.*?)(?:\t|[ ]{2,})(REG_[A-Z_]+)(?:(?:\t|[ ]{2,}|[ ])(.*))?$/

/** @throws {ParseError} for a value outside any key, or a line that is neither a key nor a value. */
export function parseRegQuery(text: string): RegKey[] {
  const keys: RegKey[] = []
  let current: RegKey | undefined
  for (const [i, line] of splitLines(text).entries()) {
    if (line.trim() === '' || (i < 3 && /^! REG\.EXE VERSION/i.test(line))) continue
    if (ROOT.test(line)) {
      current = {key: line.trimEnd(), values: []}
      keys.push(current)
      continue
    }

    const value = VALUE.exec(line)
    if (value === null) throw new ParseError(FORMAT, `expected a key name or an indented value, found ${JSON.stringify(line.trim())}`, i + 1)
    if (current === undefined) throw new ParseError(FORMAT, 'a value comes before any key name', i + 1)
    const [, name = '', type = '', data = ''] = value
    const entry: RegValue = {name: name.trim(), type, data: data.trimEnd()}
    if (type === 'REG_MULTI_SZ') entry.strings = multiSz(entry.data)
    current.values.push(entry)
  }

  return keys
}

/** The strings of a REG_MULTI_SZ as reg prints it: `a\0b` (Vista+), `a\0b\0\0` (XP), or empty. */
function multiSz(data: string): string[] {
  const strings = data.split('\\0')
  while (strings.length > 0 && strings.at(-1) === '') strings.pop()
  return strings
}

/** The data of one value of one key: REG_MULTI_SZ strings, or a one-item list for other types; undefined when absent. */
export function regStrings(keys: readonly RegKey[], name: string): string[] | undefined {
  for (const key of keys) {
    const value = key.values.find((v) => v.name.toLowerCase() === name.toLowerCase())
    if (value !== undefined) return value.strings ?? [value.data]
  }

  return undefined
}
