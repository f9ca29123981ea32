/**
 * What the PowerShell (NetTCPIP, NetAdapter, DnsClient, NetSecurity, CIM) parsers share: one
 * record accessor over the two inputs they read, and the value decoders every cmdlet needs.
 *
 * - JSON: `<cmdlet> | ConvertTo-Json` as collect.ps1 writes it, an array (or one object when
 *   ConvertTo-Json got a single item). Enums come as numbers (Windows PowerShell 3 to 5.1) or as
 *   names (collect.ps1 stringifies firewall rules; PowerShell 7 with -EnumsAsStrings). A raw
 *   `Get-X | ConvertTo-Json` also carries CimClass, CimInstanceProperties and
 *   CimSystemProperties beside the properties; nothing reads them.
 * - Text: a pasted `Format-Table` (header, dashed underline, rows) or `Format-List`
 *   (`Key : value` blocks). Property names are the .NET ones on every Windows language.
 *
 * Each cmdlet file writes one `(fields, format) => T | undefined` converter and gets both entry
 * points from {@link cmdletParsers}; both inputs go through the same converter, so a JSON value
 * and its Format-* text (`2` and `IPv4`, `true` and `True`) decode alike.
 *
 * Truncation: Format-Table cuts long cells to `Persiste...` (Windows PowerShell) or `Persist…`
 * (PowerShell 7), at the end or, for adapter names, in the middle (`VMware Network Adapte...8`).
 * Optional values that are cut become undefined; enum values are recovered when the visible
 * prefix names exactly one member (`Persiste...` is PersistentStore); a required text value
 * (an alias) keeps the visible text, ellipsis included, so it never equals a real name
 * ({@link isTruncated} tells). A value the model requires but a view does not show at all is ''
 * (Get-NetIPAddress's table has no InterfaceAlias, Win32_OperatingSystem's default view no Caption);
 * identity values (an adapter's Name, a binding's ComponentID) throw instead.
 *
 * @example
 * const rows = parseTextRecords('ifIndex InterfaceAlias\n------- --------------\n12      Ethernet 2\n', 'Get-X')
 * rows[0]?.value('ifIndex')        // → '12'
 * rows[0]?.value('InterfaceAlias') // → 'Ethernet 2'
 */
import type {AddressFamily} from '../../facts/model.js'
import {canonicalIp} from '../ip-address.js'
import {ParseError, splitLines} from '../parse-error.js'

// ---------------------------------------------------------------------------------------------
// Records
// ---------------------------------------------------------------------------------------------

/** One object: a JSON entry, a table row or a list block. */
export interface Fields {
  /** The first of these properties that is present and not blank (JSON: any type; text: a string). */
  value(...names: string[]): unknown
  /** For messages: `entry 3` (JSON, 1-based) or `line 12` (text). */
  readonly where: string
  /** 1-based line of the row or block start (text only). */
  readonly line?: number
}

type JsonObject = Record<string, unknown>

/** Property names compared without case or spaces (a table header wrapped over lines is joined without them). */
function normalizeName(name: string): string {
  return name.replace(/\s+/g, '').toLowerCase()
}

function jsonFields(entry: JsonObject, position: number): Fields {
  const byName = new Map<string, unknown>()
  for (const [key, item] of Object.entries(entry)) {
    if (!byName.has(normalizeName(key))) byName.set(normalizeName(key), unwrapArray(item))
  }
  return {
    where: `entry ${position + 1}`,
    value: (...names) => firstPresent(byName, names),
  }
}

function textFields(cells: ReadonlyMap<string, string>, line: number): Fields {
  return {where: `line ${line}`, line, value: (...names) => firstPresent(cells, names)}
}

function firstPresent(values: ReadonlyMap<string, unknown>, names: readonly string[]): unknown {
  for (const name of names) {
    const found = values.get(normalizeName(name))
    if (found === null || found === undefined) continue
    if (typeof found === 'string' && found.trim() === '') continue
    return found
  }
  return undefined
}

// ---------------------------------------------------------------------------------------------
// JSON
// ---------------------------------------------------------------------------------------------

/**
 * The objects of ConvertTo-Json output: an array, or the single object PowerShell writes for one
 * item. A leading BOM (Out-File, Set-Content -Encoding UTF8) is dropped.
 * @throws {ParseError} on empty text, invalid JSON, or an entry that is not an object.
 */
export function parseJsonObjects(text: string, format: string): JsonObject[] {
  const body = text.replace(/^\uFEFF/, '')
  if (body.trim() === '') throw new ParseError(format, 'the output is empty')
  let data: unknown
  try {
    data = JSON.parse(body)
  } catch (error) {
    throw new ParseError(format, `invalid JSON (${(error as Error).message})`)
  }
  const entries = Array.isArray(data) ? data : [data]
  return entries.map((entry, position) => {
    if (!isObject(entry)) throw new ParseError(format, `entry ${position + 1} is not an object: ${JSON.stringify(entry)}`)
    return entry
  })
}

/** JSON → T[] through one converter; entries it returns undefined for (other store, not listening) are left out. */
function parseJsonWith<T>(text: string, format: string, convert: (fields: Fields) => T | undefined): T[] {
  return keep(parseJsonObjects(text, format).map((entry, position) => convert(jsonFields(entry, position))))
}

/**
 * Windows PowerShell 5.1 writes some arrays as `{"value": [...], "Count": n}`: those it holds
 * wrapped in a PSObject, as Select-Object's copies of CIM array properties are (a firewall
 * address filter's `RemoteAddress` with three entries, in cnquery's captures). The array is
 * what the property holds.
 */
function unwrapArray(item: unknown): unknown {
  if (!isObject(item)) return item
  const keys = Object.keys(item)
  const wrapped = keys.length === 2 && Array.isArray(item['value']) && typeof item['Count'] === 'number'
  return wrapped ? item['value'] : item
}

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function keep<T>(items: ReadonlyArray<T | undefined>): T[] {
  return items.filter((item): item is T => item !== undefined)
}

// ---------------------------------------------------------------------------------------------
// Text: Format-Table and Format-List
// ---------------------------------------------------------------------------------------------

/** PowerShell 7.2+ colors list keys and table headers; a paste from a terminal may keep the escapes. */
const ANSI = /\u001b\[[0-9;]*[A-Za-z]/g

/** `---- ------- ---`: the underline Format-Table writes below its header. */
function isDashLine(line: string): boolean {
  return /^\s*-+(?:\s+-+)*\s*$/.test(line) && line.includes('--')
}

/** `Key : value`: a property name (letters, digits, `_`, units in parentheses) padded to a colon. */
const LIST_LINE = /^(\s*)([A-Za-z_][\w().\/-]*(?: [\w().\/-]+)*?)\s*:(?:\s(.*))?$/

/** Ellipsis Format-Table and Format-List put where they cut a value. */
export function isTruncated(value: string): boolean {
  return value.includes('...') || value.includes('\u2026')
}

/**
 * Records of a pasted Format-Table or Format-List output. Blank lines separate list records and
 * end tables; several tables or lists may follow each other.
 * @throws {ParseError} when a line is neither a table row, a list line nor a continuation.
 */
export function parseTextRecords(text: string, format: string): Fields[] {
  const lines = splitLines(text.replace(/^\uFEFF/, '').replace(ANSI, '')).map((line) => line.replace(/\t/g, '    ').trimEnd())
  const records: Fields[] = []
  let i = 0
  while (i < lines.length) {
    if ((lines[i] ?? '') === '') {
      i++
      continue
    }
    let end = i
    while (end < lines.length && (lines[end] ?? '') !== '') end++
    const block = lines.slice(i, end)
    const dash = block.findIndex(isDashLine)
    records.push(...(dash >= 0 ? tableBlock(block, dash, i, format) : listBlock(block, i, format)))
    i = end
  }
  if (records.length === 0) throw new ParseError(format, 'no table row and no "Key : value" line found')
  return records
}

/** Text → T[] through one converter; records it returns undefined for are left out. */
function parseTextWith<T>(text: string, format: string, convert: (fields: Fields) => T | undefined): T[] {
  return keep(parseTextRecords(text, format).map(convert))
}

// --- Format-List ---

function listBlock(block: readonly string[], offset: number, format: string): Fields[] {
  const first = LIST_LINE.exec(block[0] ?? '')
  if (first === null) throw new ParseError(format, `expected "Key : value", found ${JSON.stringify(block[0]?.trim())}`, offset + 1)
  const indent = (first[1] as string).length
  const cells = new Map<string, string>()
  let last: string | undefined
  for (const [k, line] of block.entries()) {
    const match = LIST_LINE.exec(line)
    const lineIndent = line.length - line.trimStart().length
    if (match !== null && lineIndent === indent) {
      last = normalizeName(match[2] as string)
      if (!cells.has(last)) cells.set(last, (match[3] ?? '').trim())
    } else if (last !== undefined && lineIndent > indent) {
      // A long value wraps to the value column; list view breaks at spaces where it can.
      cells.set(last, `${cells.get(last) ?? ''} ${line.trim()}`.trim())
    } else {
      throw new ParseError(format, `expected "Key : value", found ${JSON.stringify(line.trim())}`, offset + k + 1)
    }
  }
  return [textFields(cells, offset + 1)]
}

// --- Format-Table ---

/** A run of dashes in the underline: screen columns [start, end). */
interface Span {
  start: number
  end: number
}

/** A table column: its joined header label and the screen column where it starts. */
interface Column {
  name: string
  start: number
}

function tableBlock(block: readonly string[], dash: number, offset: number, format: string): Fields[] {
  const spans = dashSpans(block[dash] as string)
  const columns = spans.map((span): Column => ({name: '', start: span.start}))
  // The line above the dashes is the header; a long label wraps onto lines above it (Get-DnsClient),
  // whose every character then sits under some run of dashes.
  let top = dash - 1
  if (top < 0 || !headerFits(block[top] as string, spans)) {
    throw new ParseError(format, 'a dashed underline without a header above it', offset + dash + 1)
  }
  while (top > 0 && fitsSpans(block[top - 1] as string, spans)) top--
  if (top > 0) throw new ParseError(format, `unexpected line before the table header: ${JSON.stringify(block[0]?.trim())}`, offset + 1)
  const headers = block.slice(0, dash).map((line) => splitRow(line, columns))
  columns.forEach((column, c) => {
    column.name = headers.map((cells) => cells[c] ?? '').join('')
  })
  const rows: Array<{cells: Map<string, string>; line: number}> = []
  for (let r = dash + 1; r < block.length; r++) {
    const values = splitRow(block[r] as string, columns)
    const previous = rows.at(-1)
    if ((values[0] ?? '') === '' && previous !== undefined) {
      // Format-Table -Wrap continues a long cell on the next line, under its own column only.
      columns.forEach((column, c) => {
        const key = normalizeName(column.name)
        const more = values[c] ?? ''
        if (more !== '') previous.cells.set(key, `${previous.cells.get(key) ?? ''} ${more}`.trim())
      })
      continue
    }
    rows.push({cells: new Map(columns.map((column, c) => [normalizeName(column.name), values[c] ?? ''])), line: offset + r + 1})
  }
  return rows.map((row) => textFields(row.cells, row.line))
}

function dashSpans(line: string): Span[] {
  const spans: Span[] = []
  const cells = toCells(line)
  let start = -1
  cells.forEach((cell, k) => {
    if (cell.char === '-' && start < 0) start = cell.col
    const next = cells[k + 1]
    if (cell.char === '-' && (next === undefined || next.char !== '-')) {
      spans.push({start, end: cell.col + 1})
      start = -1
    }
  })
  return spans
}

/** Every visible character of the line lies under some run of dashes. */
function fitsSpans(line: string, spans: readonly Span[]): boolean {
  if (line.trim() === '') return false
  return toCells(line).every((cell) => cell.char === ' ' || spans.some((span) => cell.col >= span.start && cell.col + cell.width <= span.end))
}

/** Every word of the header starts under a run of dashes (a hand-edited paste may let it run past the end). */
function headerFits(line: string, spans: readonly Span[]): boolean {
  const cells = toCells(line)
  return cells.every((cell, k) => {
    const wordStart = cell.char !== ' ' && (k === 0 || (cells[k - 1] as Cell).char === ' ')
    return !wordStart || spans.some((span) => cell.col >= span.start && cell.col < span.end)
  })
}

/**
 * Cells of a row cut at the column starts. A word that crosses a column start goes to the side
 * that holds most of it: a right-aligned value wider than its header reaches one cell left
 * (`862.4 Mbps` under `LinkSpeed`), a hand-edited cell runs past its column's end.
 */
function splitRow(line: string, columns: readonly Column[]): string[] {
  const cells = toCells(line)
  const bounds = columns.map((column) => column.start)
  for (let c = 1; c < bounds.length; c++) {
    const at = bounds[c] as number
    const k = cells.findIndex((cell) => cell.col === at)
    if (k <= 0 || (cells[k] as Cell).char === ' ' || (cells[k - 1] as Cell).char === ' ') continue
    let first = k
    while (first > 0 && (cells[first - 1] as Cell).char !== ' ') first--
    let end = k
    while (end < cells.length && (cells[end] as Cell).char !== ' ') end++
    const leftPart = at - (cells[first] as Cell).col
    const rightPart = (end < cells.length ? (cells[end] as Cell).col : Number.POSITIVE_INFINITY) - at
    bounds[c] = leftPart >= rightPart ? (end < cells.length ? (cells[end] as Cell).col : Number.POSITIVE_INFINITY) : (cells[first] as Cell).col
  }
  return bounds.map((start, c) => sliceCells(line, start, bounds[c + 1] ?? Number.POSITIVE_INFINITY).trim())
}

interface Cell {
  char: string
  col: number
  width: number
}

/** Characters with their screen column: East Asian wide glyphs take two, as in the console. */
function toCells(line: string): Cell[] {
  const cells: Cell[] = []
  let col = 0
  for (const char of line) {
    const width = isWide(char.codePointAt(0) ?? 0) ? 2 : 1
    cells.push({char, col, width})
    col += width
  }
  return cells
}

function sliceCells(line: string, start: number, end: number): string {
  return toCells(line)
    .filter((cell) => cell.col >= start && cell.col < end)
    .map((cell) => cell.char)
    .join('')
}

function isWide(code: number): boolean {
  return (
    (code >= 0x1100 && code <= 0x115f) ||
    (code >= 0x2e80 && code <= 0xa4cf && code !== 0x303f) ||
    (code >= 0xac00 && code <= 0xd7a3) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xfe30 && code <= 0xfe4f) ||
    (code >= 0xff00 && code <= 0xff60) ||
    (code >= 0xffe0 && code <= 0xffe6) ||
    (code >= 0x20000 && code <= 0x3fffd)
  )
}

/**
 * A cheap guess for pasted text: does its first non-blank line open this cmdlet's table (a header
 * with all of `tableColumns`) or list (the first record holds all of `listKeys`)? A single line is
 * decisive only for a table header or when `listKeys` has one name.
 */
export function looksLikeText(text: string, tableColumns: readonly string[], listKeys: readonly string[]): boolean {
  const lines = splitLines(text.replace(/^\uFEFF/, '').replace(ANSI, ''))
  const start = lines.findIndex((line) => line.trim() !== '')
  if (start < 0) return false
  const words = new Set((lines[start] as string).trim().split(/\s+/).map(normalizeName))
  if (tableColumns.every((column) => words.has(normalizeName(column)))) return true
  const keys = new Set<string>()
  for (const line of lines.slice(start)) {
    if (line.trim() === '') break
    const match = LIST_LINE.exec(line)
    if (match !== null) keys.add(normalizeName(match[2] as string))
  }
  return listKeys.every((key) => keys.has(normalizeName(key)))
}

// ---------------------------------------------------------------------------------------------
// Values
// ---------------------------------------------------------------------------------------------

/** Enum member names and their numbers, as the cmdlet's CIM class defines them. */
export type EnumTable = Readonly<Record<string, number>>

/** MSFT_NetIPInterface / MSFT_NetIPAddress / MSFT_NetRoute AddressFamily. */
export const ADDRESS_FAMILY: EnumTable = {IPv4: 2, IPv6: 23}
/** The Store of NetTCPIP objects: the Format-* views call it PolicyStore. */
export const STORE: EnumTable = {PersistentStore: 0, ActiveStore: 1}
/** WeakHostSend, WeakHostReceive, AutomaticMetric, Dhcp... (NetTCPIP uint8 Disabled/Enabled). */
export const DISABLED_ENABLED: EnumTable = {Disabled: 0, Enabled: 1}

/**
 * An optional text value; undefined when absent, blank or cut by Format-Table.
 * @throws {ParseError} when JSON holds an object or array there.
 */
export function optionalText(fields: Fields, format: string, ...names: string[]): string | undefined {
  const value = fields.value(...names)
  if (value === undefined) return undefined
  if (typeof value === 'number' || typeof value === 'boolean') return String(value)
  if (typeof value !== 'string') throw new ParseError(format, `${fields.where}: ${names[0]} is not text: ${JSON.stringify(value)}`, fields.line)
  return isTruncated(value) ? undefined : value.trim()
}

/** A text value the model requires: '' when the output does not show it, cut text kept verbatim. */
export function requiredText(fields: Fields, format: string, ...names: string[]): string {
  const value = fields.value(...names)
  if (value === undefined) return ''
  if (typeof value !== 'string' && typeof value !== 'number') {
    throw new ParseError(format, `${fields.where}: ${names[0]} is not text: ${JSON.stringify(value)}`, fields.line)
  }
  return String(value).trim()
}

/**
 * A non-negative integer (JSON number, or digits in text); undefined when absent or cut.
 * @throws {ParseError} on anything else.
 */
export function optionalInteger(fields: Fields, format: string, ...names: string[]): number | undefined {
  const value = fields.value(...names)
  if (value === undefined) return undefined
  if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) return value
  if (typeof value === 'string' && /^\s*\d+\s*$/.test(value)) return Number(value)
  if (typeof value === 'string' && isTruncated(value)) return undefined
  throw new ParseError(format, `${fields.where}: expected a number for ${names[0]}, found ${JSON.stringify(value)}`, fields.line)
}

/**
 * An enum member's name from its number or name (any case; JSON or text may spell it `2`,
 * `"IPv4"` or `"ipv4"`). A cut name (`Persiste...`) is recovered when its prefix fits one member.
 * @throws {ParseError} on a number or name the table does not know.
 */
export function optionalEnum(fields: Fields, format: string, table: EnumTable, ...names: string[]): string | undefined {
  const value = fields.value(...names)
  if (value === undefined) return undefined
  const found = enumName(value, table)
  if (found !== undefined) return found
  if (typeof value === 'string' && isTruncated(value)) return undefined
  const known = Object.entries(table).map(([name, n]) => `${name} (${n})`).join(', ')
  throw new ParseError(format, `${fields.where}: unknown ${names[0]} ${JSON.stringify(value)} (expected ${known})`, fields.line)
}

/** The member name for a number or name (a cut name when its prefix is unique); undefined, never an error, otherwise. */
export function enumName(value: unknown, table: EnumTable): string | undefined {
  const entries = Object.entries(table)
  if (typeof value === 'number') return entries.find(([, n]) => n === value)?.[0]
  if (typeof value !== 'string') return undefined
  const text = value.trim()
  if (/^\d+$/.test(text)) return entries.find(([, n]) => n === Number(text))?.[0]
  const exact = entries.find(([name]) => name.toLowerCase() === text.toLowerCase())
  if (exact !== undefined) return exact[0]
  const cut = /^(.*?)(?:\.{3,}|\u2026)$/.exec(text)?.[1]?.toLowerCase()
  if (cut === undefined || cut === '') return undefined
  const candidates = entries.filter(([name]) => name.toLowerCase().startsWith(cut))
  return candidates.length === 1 ? candidates[0]?.[0] : undefined
}

/**
 * A boolean from JSON true/false, or from an enum whose members map to true or false
 * (`{Enabled: true, Disabled: false}` over the table's names). Undefined when absent or cut.
 * @throws {ParseError} on an unknown value.
 */
export function optionalBoolean(
  fields: Fields,
  format: string,
  table: EnumTable,
  truth: Readonly<Record<string, boolean>>,
  ...names: string[]
): boolean | undefined {
  const value = fields.value(...names)
  if (typeof value === 'boolean') return value
  const name = optionalEnum(fields, format, table, ...names)
  return name === undefined ? undefined : truth[name]
}

/** Plain CIM booleans (SkipAsSource, Enabled of a binding): JSON true/false, text True/False. */
export const TRUE_FALSE: EnumTable = {False: 0, True: 1}
export const TRUE_FALSE_TRUTH: Readonly<Record<string, boolean>> = {False: false, True: true}
export const ENABLED_TRUTH: Readonly<Record<string, boolean>> = {Disabled: false, Enabled: true}

export function familyOf(name: string | undefined): AddressFamily | undefined {
  return name === 'IPv4' ? 'inet' : name === 'IPv6' ? 'inet6' : undefined
}

/** Entries of a PersistentStore (`Store` 0, `PolicyStore` PersistentStore) describe boot configuration, not the running state. */
export function isPersistentStore(fields: Fields, format: string): boolean {
  return optionalEnum(fields, format, STORE, 'Store', 'PolicyStore') === 'PersistentStore'
}

/**
 * An address as rsaudit compares it: canonical, without the `%zone` Windows appends to link-local
 * addresses (`fe80::1%6`).
 * @throws {ParseError} when it is not an IPv4 or IPv6 address.
 */
export function requiredAddress(fields: Fields, format: string, ...names: string[]): string {
  const text = requiredText(fields, format, ...names)
  const address = canonicalIp(text.replace(/%.*$/, ''))
  if (address === undefined) throw new ParseError(format, `${fields.where}: ${names[0]} is not an IP address: ${JSON.stringify(text)}`, fields.line)
  return address
}

/** A list value: JSON array (or one string), or text `{80, 443}`. Undefined when absent; `{}` is []. */
export function optionalList(fields: Fields, format: string, ...names: string[]): string[] | undefined {
  const value = fields.value(...names)
  if (value === undefined) return undefined
  if (Array.isArray(value)) return value.map((item) => String(item).trim()).filter((item) => item !== '')
  if (typeof value === 'number') return [String(value)]
  if (typeof value !== 'string') throw new ParseError(format, `${fields.where}: ${names[0]} is not a list: ${JSON.stringify(value)}`, fields.line)
  const body = value.trim().replace(/^\{(.*)\}$/, '$1')
  return body.split(',').map((item) => item.trim()).filter((item) => item !== '')
}

/** The object without its undefined properties, so results compare and print like the model's examples. */
export function compact<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, item]) => item !== undefined)) as T
}

/** A value the model requires, or a ParseError naming the property and the record. */
export function required<T>(value: T | undefined, fields: Fields, format: string, what: string): T {
  if (value === undefined || value === '') throw new ParseError(format, `${fields.where}: no ${what}`, fields.line)
  return value
}

/** Text the model requires and the record must show (an alias, an id): a ParseError when absent. */
export function nonEmptyText(fields: Fields, format: string, ...names: string[]): string {
  return required(requiredText(fields, format, ...names), fields, format, names[0] ?? 'value')
}

/** The two entry points of one cmdlet's parser. */
export interface CmdletParsers<T> {
  /** `<cmdlet> | ConvertTo-Json` output: an array, or one object. */
  json(text: string): T[]
  /** A pasted Format-Table or Format-List of the cmdlet. */
  text(text: string): T[]
}

/**
 * Both entry points from one converter; formats for messages are `<cmdlet> | ConvertTo-Json` and
 * `<cmdlet>` unless given. Records the converter returns undefined for are left out.
 */
export function cmdletParsers<T>(
  cmdlet: string,
  convert: (fields: Fields, format: string) => T | undefined,
  jsonFormat = `${cmdlet} | ConvertTo-Json`,
): CmdletParsers<T> {
  return {
    json: (text) => parseJsonWith(text, jsonFormat, (fields) => convert(fields, jsonFormat)),
    text: (text) => parseTextWith(text, cmdlet, (fields) => convert(fields, cmdlet)),
  }
}
