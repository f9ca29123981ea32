/**
 * Parses FreeBSD /etc/rc.conf (and rc.conf.local, /etc/rc.conf.d/*) into its variable
 * assignments, as `sysrc` writes them: `name="value"`, `name='value'` or `name=value`, with `#`
 * comments on their own line or after the value. rc.conf is sourced by sh, so a later assignment
 * replaces an earlier one; the caller keeps the last. A double-quoted value may span lines.
 *
 * Lines that are shell code rather than assignments (`if`, `. /etc/other.conf`) are valid sh
 * and are skipped; an unterminated quote is not, and is refused.
 *
 * @example
 * parseRcConf('ifconfig_lo0_alias0="inet 198.51.100.10 netmask 0xffffffff" # VIP\n')
 * // → [{name: 'ifconfig_lo0_alias0', value: 'inet 198.51.100.10 netmask 0xffffffff', line: 1}]
 */
import {ParseError, splitLines} from '../parse-error.js'

const FORMAT = 'rc.conf'
const ASSIGNMENT = /^\s*(?:export\s+)?([A-Za-z_]\w*)=(.*)$/

export interface RcConfAssignment {
  name: string
  value: string
  line: number
}

/** @throws {ParseError} on an unterminated quoted value. */
export function parseRcConf(text: string): RcConfAssignment[] {
  const lines = splitLines(text)
  const found: RcConfAssignment[] = []
  for (let i = 0; i < lines.length; i++) {
    const match = ASSIGNMENT.exec(lines[i] ?? '')
    if (!match) continue
    const [, name = '', rest = ''] = match
    let value = rest
    const line = i + 1
    const quote = value[0]
    if (quote === '"' || quote === "'") {
      let body = value.slice(1)
      // A double-quoted value may go on over several lines until its closing quote.
      while (closingQuote(body, quote) < 0 && i + 1 < lines.length) body = `${body}\n${lines[++i] ?? ''}`
      const end = closingQuote(body, quote)
      if (end < 0) throw new ParseError(FORMAT, `unterminated ${quote} quote in ${name}`, line)
      value = body.slice(0, end)
      if (quote === '"') value = value.replace(/\\(["\\$`])/g, '$1')
    } else {
      value = value.replace(/\s+#.*$/, '').trim()
    }

    found.push({name, value, line})
  }

  return found
}

/** Index of the closing quote: in double quotes a backslash escapes the next character. */
function closingQuote(text: string, quote: string): number {
  for (let i = 0; i < text.length; i++) {
    if (quote === '"' && text[i] === '\\') i++
    else if (text[i] === quote) return i
  }

  return -1
}
