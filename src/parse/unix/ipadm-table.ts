/**
 * The table `ipadm show-addr` and `ipadm show-prop` print: a header of upper-case column names,
 * then one row per object, columns separated by spaces. No value holds a space (lists are
 * comma-separated), but a long value may fill its column and leave a single space before the
 * next (`storage0/v4static static`), so rows are split on whitespace, not on header offsets.
 */
import {ParseError, splitLines} from '../parse-error.js'

export interface IpadmRow {
  /** Column name (upper case, as in the header) → value; `--` and `?` are kept for the caller. */
  values: Readonly<Record<string, string>>
  line: number
}

/**
 * @param required Columns the header must have, e.g. `['ADDROBJ', 'ADDR']`.
 * @throws {ParseError} (naming `format`) when no header is found or a row has too few columns.
 */
export function readIpadmTable(text: string, format: string, required: readonly string[]): IpadmRow[] {
  const lines = splitLines(text)
  const start = lines.findIndex((line) => required.every((column) => line.trim().split(/\s+/).includes(column)))
  if (start < 0) throw new ParseError(format, `no header line with ${required.join(', ')}`)
  const columns = (lines[start] ?? '').trim().split(/\s+/)
  const rows: IpadmRow[] = []
  for (let i = start + 1; i < lines.length; i++) {
    const text = (lines[i] ?? '').trim()
    if (text === '') continue
    const words = text.split(/\s+/)
    if (words.length !== columns.length) throw new ParseError(format, `expected ${columns.length} columns (${columns.join(' ')}), found ${words.length}`, i + 1)
    rows.push({values: Object.fromEntries(columns.map((column, c) => [column, words[c] ?? ''])), line: i + 1})
  }

  return rows
}

/** `--` is how ipadm prints "no value". */
export function ipadmValue(value: string | undefined): string | undefined {
  return value === undefined || value === '--' || value === '' ? undefined : value
}
