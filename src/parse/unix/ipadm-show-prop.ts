/**
 * Parses `ipadm show-prop [-p PROP] [PROTOCOL]` (Solaris 11, illumos): one row per protocol and
 * property with its value now (CURRENT), the value saved for the next boot (PERSISTENT, `--`
 * when none was set), the default and the possible values. `ipadm show-prop -p hostmodel`
 * prints an `ipv4` and an `ipv6` row.
 *
 * @example
 * parseIpadmShowProp('PROTO PROPERTY              PERM CURRENT      PERSISTENT   DEFAULT      POSSIBLE\n' +
 *   'tcp   send_buf              rw   128000       --           128000       4096-1048576\n')
 * // → [{protocol: 'tcp', property: 'send_buf', perm: 'rw', current: '128000', default: '128000', possible: ['4096-1048576'], line: 2}]
 */
import {ipadmValue, readIpadmTable} from './ipadm-table.js'

const FORMAT = 'ipadm show-prop'

export interface IpadmProperty {
  protocol: string
  property: string
  perm: string
  current?: string
  persistent?: string
  default?: string
  possible: string[]
  line: number
}

/** @throws {ParseError} without a header line or on a row with a missing column. */
export function parseIpadmShowProp(text: string): IpadmProperty[] {
  return readIpadmTable(text, FORMAT, ['PROTO', 'PROPERTY', 'CURRENT']).map(({values, line}) => {
    const row: IpadmProperty = {protocol: values.PROTO ?? '', property: values.PROPERTY ?? '', perm: values.PERM ?? '', possible: [], line}
    const current = ipadmValue(values.CURRENT)
    const persistent = ipadmValue(values.PERSISTENT)
    const fallback = ipadmValue(values.DEFAULT)
    if (current !== undefined) row.current = current
    if (persistent !== undefined) row.persistent = persistent
    if (fallback !== undefined) row.default = fallback
    row.possible = (ipadmValue(values.POSSIBLE) ?? '').split(',').filter(Boolean)
    return row
  })
}

export function looksLikeIpadmShowProp(text: string): boolean {
  return /^\s*PROTO\s+PROPERTY\s+PERM\s+CURRENT\b/m.test(text)
}
