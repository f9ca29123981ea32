/**
 * Parser for sysctl.d(5) files (`/etc/sysctl.d/*.conf`, `/etc/sysctl.conf`), following
 * systemd-sysctl's `parse_line()` (src/sysctl/sysctl.c, systemd ≥ 245) so that the boot-time
 * resolver sees exactly what systemd sees.
 *
 * Line grammar:
 * - blank lines and lines whose first non-blank character is `#` or `;` are comments;
 *   systemd has no end-of-line comments, so `key = 1 # x` has the value `1 # x` (the kernel
 *   rejects it; a warning says so);
 * - `key = value` with optional blanks; a leading `-` sets `ignoreFailure`;
 * - `-key` with no `=` excludes the key from glob assignments (systemd ≥ 245);
 * - any other line is skipped with a warning, as systemd logs and goes on.
 *
 * Keys: "If the first separator is a slash, remaining slashes and dots are left intact. If the
 * first separator is a dot, dots and slashes are interchanged" (sysctl.d(5)). The canonical
 * key used everywhere in rsaudit joins the kernel's path components with `.` and writes a `.`
 * inside a component as `/` (procps' own spelling): `net/ipv4/conf/eth0.100/rp_filter` and
 * `net.ipv4.conf.eth0/100.rp_filter` both become `net.ipv4.conf.eth0/100.rp_filter`, and
 * {@link splitSysctlKey} turns either back into `['net','ipv4','conf','eth0.100','rp_filter']`.
 *
 * Exclusions are returned apart from assignments; their line numbers keep the order, which
 * matters because systemd lets a later line of either kind replace an earlier one.
 *
 * @example
 * parseSysctlConf('-net.ipv4.conf.all.rp_filter\nnet/ipv4/conf/eth0.100/arp_ignore = 1\n', '/etc/sysctl.d/90-lb.conf')
 * // → {assignments: [{key: 'net.ipv4.conf.eth0/100.arp_ignore', value: '1', file: '/etc/sysctl.d/90-lb.conf', line: 2, ignoreFailure: false}],
 * //    exclusions: [{key: 'net.ipv4.conf.all.rp_filter', file: '/etc/sysctl.d/90-lb.conf', line: 1}],
 * //    warnings: []}
 */
import type {SysctlAssignment} from '../facts/model.js'
import {splitLines} from './parse-error.js'

/** A `-key` line: systemd never sets the key, and globs must leave it alone. */
export interface SysctlExclusion {
  key: string
  file: string
  line: number
}

/** A line systemd-sysctl would log about; the file is still applied. */
export interface SysctlWarning {
  file: string
  line: number
  message: string
}

export interface SysctlConf {
  assignments: SysctlAssignment[]
  exclusions: SysctlExclusion[]
  warnings: SysctlWarning[]
}

/** Parses one sysctl.d file. Never throws: systemd applies whatever lines it understands. */
export function parseSysctlConf(text: string, file: string): SysctlConf {
  const result: SysctlConf = {assignments: [], exclusions: [], warnings: []}
  splitLines(text).forEach((raw, index) => {
    const line = index + 1
    const content = raw.trim()
    if (content === '' || content.startsWith('#') || content.startsWith(';')) return
    const eq = content.indexOf('=')
    const dashed = content.startsWith('-')
    if (eq < 0 && !dashed) {
      result.warnings.push({file, line, message: `line is not an assignment, ignored: ${content}`})
      return
    }
    const rawKey = (eq < 0 ? content : content.slice(0, eq)).slice(dashed ? 1 : 0).trim()
    const key = normalizeSysctlKey(rawKey)
    if (key === '') {
      result.warnings.push({file, line, message: `empty key, ignored: ${content}`})
      return
    }
    if (rawKey.includes('#')) result.warnings.push({file, line, message: `"#" inside a key is not a comment: ${rawKey}`})
    if (eq < 0) {
      result.exclusions.push({key, file, line})
      return
    }
    const value = content.slice(eq + 1).trim()
    if (value.includes('#')) {
      result.warnings.push({file, line, message: `"#" inside a value is not a comment; the kernel gets "${value}"`})
    }
    result.assignments.push({key, value, file, line, ignoreFailure: dashed})
  })
  return result
}

/**
 * The kernel path components of a sysctl key in either spelling, without empty or `.`
 * components (systemd runs `path_simplify()`).
 * @example splitSysctlKey('net.ipv4.conf.eth0/100.rp_filter') // → ['net','ipv4','conf','eth0.100','rp_filter']
 */
export function splitSysctlKey(key: string): string[] {
  const first = /[./]/.exec(key)?.[0]
  const parts = first === '/' ? key.split('/') : key.split('.').map((part) => part.replaceAll('/', '.'))
  return parts.filter((part) => part !== '' && part !== '.')
}

/** Joins kernel path components into the canonical dotted key (a `.` in a component is written `/`). */
export function joinSysctlKey(components: readonly string[]): string {
  return components.map((part) => part.replaceAll('.', '/')).join('.')
}

/** Either spelling → the canonical dotted key. */
export function normalizeSysctlKey(key: string): string {
  return joinSysctlKey(splitSysctlKey(key.trim()))
}
