/**
 * Line helpers shared by the netsh parsers. netsh prints three kinds of key/value line, padded
 * to a column that moves with the translation:
 *
 *   `Weak Host Sends                    : disabled`   (interface: space, colon)
 *   `Rule Name:                            web`        (advfirewall rule: colon, padding)
 *   `State                                 ON`         (advfirewall profile: no colon at all)
 *   `Operational mode                  = Enable`       (XP/2003 `netsh firewall`)
 *
 * French puts a space before the colon (`Nom de la règle :`), Chinese and Japanese may use the
 * full-width `：`, and CJK labels break the padding (a 2-column glyph counts as one), so
 * nothing here relies on columns.
 *
 * @example
 * splitColon('Nom de la règle ：    web:80')  // → {label: 'Nom de la règle', value: 'web:80'}
 * splitWide('State                                 ON') // → {label: 'State', value: 'ON'}
 */
import {ParseError, splitLines} from '../parse-error.js'
import {lookupLabel, type LabelTable} from './netsh-labels.js'

export interface KeyValue {
  label: string
  value: string
}

/** Lines with CRLF, trailing padding and a BOM removed (console captures pad to 120+ columns). */
export function netshLines(text: string): string[] {
  return splitLines(text.replace(/^\uFEFF/, '')).map((line) => line.trimEnd())
}

/** A rule of dashes under a title or table header: `-----` or `---  ----------  ---`. */
export function isDashes(line: string): boolean {
  return /^\s*-{3,}(\s+-{3,})*\s*$/.test(line)
}

/** `label: value` split at the first ASCII or full-width colon; undefined when there is none or no label. */
export function splitColon(line: string): KeyValue | undefined {
  const at = line.search(/[:：]/)
  if (at <= 0) return undefined
  const label = line.slice(0, at).replace(/(\s*\.)+\s*$/, '').trim()
  if (label === '') return undefined
  return {label, value: line.slice(at + 1).trim()}
}

/** `label<2+ spaces>value`, the advfirewall profile layout (labels and values may hold single spaces). */
export function splitWide(line: string): KeyValue | undefined {
  const match = /^\s*(\S.*?)(?:\s*[:：])?\s{2,}(\S.*)$/.exec(line)
  if (match === null) return undefined
  return {label: match[1] as string, value: (match[2] as string).trim()}
}

/** `label = value`, the XP/2003 firewall layout. */
export function splitEquals(line: string): KeyValue | undefined {
  const match = /^\s*(\S[^=]*?)\s*=\s*(.*)$/.exec(line)
  return match === null ? undefined : {label: match[1] as string, value: (match[2] as string).trim()}
}

/**
 * A value through a table of localized words: its key, or a ParseError naming what was expected.
 * @throws {ParseError} when the value is in no language of the table.
 */
export function requireValue<K extends string>(
  table: LabelTable<K>,
  value: string,
  what: string,
  format: string,
  line?: number,
): K {
  const key = lookupLabel(table, value)
  if (key !== undefined) return key
  throw new ParseError(format, `expected ${what}, found "${value}"${encodingHint(value)}`, line)
}

/** Explains U+FFFD in a value: a webshell or pipe decoded the OEM code page as UTF-8, the words are gone. */
export function encodingHint(text: string): string {
  return text.includes('\uFFFD') ? ' (the capture lost its encoding: U+FFFD replacement characters)' : ''
}

/** Index of every dash rule that has a non-empty title line right above it. */
export function titledRules(lines: readonly string[]): number[] {
  const found: number[] = []
  lines.forEach((line, index) => {
    if (isDashes(line) && index > 0 && (lines[index - 1] ?? '').trim() !== '') found.push(index)
  })
  return found
}

/** Splits a comma list (`Domain,Private,Public`, `80,443`), dropping empty items. */
export function commaList(value: string): string[] {
  return value
    .split(/[,，、]/)
    .map((item) => item.trim())
    .filter((item) => item !== '')
}
