/**
 * fnmatch(3)-style glob matching, shared by the sysctl.d resolver (systemd expands
 * `net.ipv4.conf.*.rp_filter` with glob(3)) and the networkd `[Match] Name=` test
 * (systemd's `strv_fnmatch`). Both match one path component or one name at a time, so
 * `*` never needs to stop at `/` here: callers split keys into components first.
 *
 * Supported: `*`, `?`, bracket expressions `[abc]`, `[a-z]`, `[!x]` / `[^x]`, and `\` escapes.
 * An unterminated `[` is a literal, as in glibc.
 *
 * @example
 * fnmatch('eth*', 'eth0.100')   // → true
 * fnmatch('en[!o]*', 'eno1')    // → false
 * isGlob('net.ipv4.conf.*.rp_filter') // → true
 */

const cache = new Map<string, RegExp>()

/** True when `text` contains a glob metacharacter (systemd's `string_is_glob`: any of `*?[`). */
export function isGlob(text: string): boolean {
  return /[*?[]/.test(text)
}

/** True when the whole of `name` matches `pattern`. */
export function fnmatch(pattern: string, name: string): boolean {
  let re = cache.get(pattern)
  if (re === undefined) {
    re = new RegExp(`^${translate(pattern)}$`, 's')
    cache.set(pattern, re)
  }
  return re.test(name)
}

function translate(pattern: string): string {
  let out = ''
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i] as string
    if (c === '*') out += '.*'
    else if (c === '?') out += '.'
    else if (c === '\\' && i + 1 < pattern.length) out += escape(pattern[++i] as string)
    else if (c === '[') {
      const end = bracketEnd(pattern, i)
      if (end < 0) out += '\\['
      else {
        out += bracket(pattern.slice(i + 1, end))
        i = end
      }
    } else out += escape(c)
  }
  return out
}

/** Index of the `]` closing the bracket expression opened at `start`, or -1. A `]` right after `[` or `[!` is literal. */
function bracketEnd(pattern: string, start: number): number {
  let j = start + 1
  if (pattern[j] === '!' || pattern[j] === '^') j++
  if (pattern[j] === ']') j++
  for (; j < pattern.length; j++) if (pattern[j] === ']') return j
  return -1
}

function bracket(body: string): string {
  const negate = body.startsWith('!') || body.startsWith('^')
  const members = (negate ? body.slice(1) : body).replace(/[\\\]^[]/g, (m) => `\\${m}`)
  return `[${negate ? '^' : ''}${members}]`
}

function escape(c: string): string {
  return c.replace(/[.*+?^${}()|[\]\\/]/g, (m) => `\\${m}`)
}
