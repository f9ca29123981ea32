/**
 * Parses BSD and macOS `sysctl NAME...` and `sysctl -a` output: `name: value` a line
 * (`net.inet.ip.check_interface: 0`). Linux prints `name = value` instead (sysctl-output.ts).
 * A value that spans lines (kern.geom.confxml's XML, a multi-line string) continues on lines
 * that do not start with a name and a colon; they are appended to it.
 *
 * @example
 * parseSysctlBsd('net.inet.ip.check_interface: 0\nnet.inet.ip.forwarding: 1\n')
 * // → {'net.inet.ip.check_interface': '0', 'net.inet.ip.forwarding': '1'}
 */
import {ParseError, splitLines} from '../parse-error.js'

const FORMAT = 'sysctl'
const LINE = /^([A-Za-z_][\w%.-]*\.[\w%.-]+): ?(.*)$/

/** @throws {ParseError} on empty output or text before the first `name: value` line. */
export function parseSysctlBsd(text: string): Record<string, string> {
  const values: Record<string, string> = {}
  let last: string | undefined
  for (const [index, raw] of splitLines(text).entries()) {
    const match = LINE.exec(raw.trimEnd())
    if (match) {
      last = match[1] as string
      values[last] = (match[2] ?? '').trim()
    } else if (last !== undefined) {
      values[last] = `${values[last] ?? ''}\n${raw}`
    } else if (raw.trim() !== '') {
      throw new ParseError(FORMAT, `expected "name: value", found ${JSON.stringify(raw.trim())}`, index + 1)
    }
  }

  if (last === undefined) throw new ParseError(FORMAT, 'the output is empty')
  return values
}

/** One `net.inet...: value` line: BSD sysctl, never Linux's `key = value`. */
export function looksLikeSysctlBsd(line: string): boolean {
  return /^net\.inet6?\.[\w.]+: \S/.test(line.trim())
}
