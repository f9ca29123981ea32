/**
 * Parser for systemd-networkd `.network` files (/etc/systemd/network/*.network,
 * systemd.network(5)) that put addresses on the loopback, e.g. `10-lo.network` with
 * `[Match] Name=lo` and `[Network] Address=198.51.100.10/32`.
 *
 * Matching follows systemd's list semantics: `Name=` takes space-separated fnmatch globs,
 * repeats add to the list, an empty `Name=` resets it, and a leading `!` turns the words of
 * that assignment into exclusions.
 * Without `Name=`, a `Type=` list containing `loopback` matches lo, and a `[Match]` with no
 * condition at all matches every link, lo included (the catch-all pitfall in
 * requirements LNX-PERS-06). Other conditions (MACAddress=, Driver=...) without `Name=` are
 * taken as not matching lo. Addresses: `[Network] Address=` (repeatable) and `[Address]`
 * sections (`Address=`, with `Label=` as the reported interface). Comments are `#`/`;` lines;
 * a trailing `\` continues a line.
 *
 * @example
 * parseNetworkdNetwork('[Match]\nName=lo\n\n[Network]\nAddress=198.51.100.10/32\n', '/etc/systemd/network/10-lo.network')
 * // → [{mechanism: 'systemd-networkd', interface: 'lo', address: '198.51.100.10', prefixLength: 32,
 * //     file: '/etc/systemd/network/10-lo.network', line: 5, effective: true}]
 */
import type {PersistedAddress} from '../facts/model.js'
import {fnmatch} from './fnmatch.js'
import {splitCidr} from './netmask.js'
import {splitLines} from './parse-error.js'

interface Setting {
  /** Index of the section occurrence, so two `[Address]` sections stay apart. */
  section: number
  name: string
  key: string
  value: string
  line: number
}

export function parseNetworkdNetwork(text: string, file: string): PersistedAddress[] {
  const settings = tokenize(text)
  // One Name= value "!a b" stores "!a" and "!b": the "!" inverts the whole assignment.
  const list = (key: string): string[] =>
    settings
      .filter((setting) => setting.name === 'Match' && setting.key === key)
      .reduce<string[]>((acc, {value}) => {
        if (value === '') return []
        const invert = value.startsWith('!')
        return [...acc, ...(invert ? value.slice(1) : value).split(/\s+/).map((word) => (invert ? `!${word}` : word))]
      }, [])
  // systemd's net_condition_test_strv(): an inverted hit fails; otherwise a positive hit is needed, if any exist.
  const matches = (key: string, link: string): boolean | undefined => {
    const patterns = list(key)
    if (patterns.length === 0) return undefined
    if (patterns.some((pattern) => pattern.startsWith('!') && fnmatch(pattern.slice(1), link))) return false
    const positive = patterns.filter((pattern) => !pattern.startsWith('!'))
    return positive.length === 0 || positive.some((pattern) => fnmatch(pattern, link))
  }
  const conditions = settings.filter((setting) => setting.name === 'Match' && setting.value !== '')
  const isLo = matches('Name', 'lo') ?? matches('Type', 'loopback') ?? conditions.length === 0
  if (!isLo) return []

  return settings
    .filter((setting) => (setting.name === 'Network' || setting.name === 'Address') && setting.key === 'Address')
    .flatMap((setting) => {
      const cidr = splitCidr(setting.value)
      const label = settings.findLast((other) => other.section === setting.section && other.key === 'Label')?.value
      const iface = setting.name === 'Address' && label ? label : 'lo'
      return cidr ? [{mechanism: 'systemd-networkd' as const, interface: iface, ...cidr, file, line: setting.line, effective: true}] : []
    })
}

function tokenize(text: string): Setting[] {
  const settings: Setting[] = []
  let name = ''
  let section = -1
  let pending: {text: string; line: number} | undefined
  splitLines(text).forEach((raw, index) => {
    const trimmed = raw.trim()
    if (pending === undefined && (trimmed === '' || trimmed.startsWith('#') || trimmed.startsWith(';'))) return
    const current = pending ? {text: `${pending.text} ${trimmed}`, line: pending.line} : {text: trimmed, line: index + 1}
    if (current.text.endsWith('\\')) {
      pending = {text: current.text.slice(0, -1).trimEnd(), line: current.line}
      return
    }
    pending = undefined
    const header = /^\[(.+)\]$/.exec(current.text)
    if (header) {
      name = header[1] as string
      section++
      return
    }
    const eq = current.text.indexOf('=')
    if (eq > 0) settings.push({section, name, key: current.text.slice(0, eq).trim(), value: current.text.slice(eq + 1).trim(), line: current.line})
  })
  return settings
}
