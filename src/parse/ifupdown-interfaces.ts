/**
 * Parser for Debian/Ubuntu ifupdown (and ifupdown2) /etc/network/interfaces files, for the
 * loopback VIPs they configure at boot:
 *
 * - `iface lo inet static` / `iface lo:0 inet static` stanzas with `address ADDR[/LEN]`
 *   (several allowed, ifupdown2) and `netmask MASK|LEN`; `address` under `iface lo inet
 *   loopback` (ifupdown2 syntax) counts too;
 * - `up`, `post-up` and `pre-up` commands in any stanza that add an address to lo, such as
 *   `up ip addr add 198.51.100.10/32 dev lo` (parsed by the rc.local command scanner).
 *
 * `ifup -a` at boot only brings up interfaces named on an `auto` (or `allow-auto`,
 * `allow-hotplug`) line, so an address in a stanza not named there is `effective: false`
 * with a note. The names found are returned in `auto`, because the `auto` line may live in a
 * file pulled in by `source`/`source-directory` (returned as written in `sources`).
 * Comments are whole lines starting with `#`: interfaces(5) has no end-of-line comments.
 *
 * @example
 * parseIfupdownInterfaces('auto lo\niface lo inet loopback\n    up ip addr add 198.51.100.10/32 dev lo\n', '/etc/network/interfaces')
 * // → {addresses: [{mechanism: 'ifupdown', interface: 'lo', address: '198.51.100.10', prefixLength: 32,
 * //                 file: '/etc/network/interfaces', line: 3, effective: true}],
 * //    sources: [], auto: ['lo']}
 */
import type {PersistedAddress} from '../facts/model.js'
import {netmaskToPrefix, splitCidr} from './netmask.js'
import {splitLines} from './parse-error.js'
import {commandAddresses} from './rc-local.js'

export interface IfupdownInterfaces {
  addresses: PersistedAddress[]
  /** `source` / `source-directory` arguments as written (globs and relative paths unresolved). */
  sources: string[]
  /** Interfaces brought up at boot by this file (`auto`, `allow-auto`, `allow-hotplug`). */
  auto: string[]
}

const STANZA = /^(iface|mapping|auto|allow-[\w-]+|source|source-directory|no-auto-down|no-scripts|rename)\b/

export function parseIfupdownInterfaces(text: string, file: string): IfupdownInterfaces {
  const sources: string[] = []
  const auto = new Set<string>()
  const found: Array<PersistedAddress & {stanza: string}> = []
  let stanza: {name: string; lo: boolean; netmask?: number; first: number} | undefined
  for (const {words, line} of logicalLines(text)) {
    const [keyword = '', ...args] = words
    if (STANZA.test(keyword)) {
      stanza = undefined
      if (keyword === 'auto' || keyword === 'allow-auto' || keyword === 'allow-hotplug') args.forEach((name) => auto.add(name))
      else if (keyword === 'source' || keyword === 'source-directory') sources.push(args.join(' '))
      else if (keyword === 'iface' && args[0] !== undefined) {
        const name = args[0]
        stanza = {name, lo: name === 'lo' || name.startsWith('lo:'), first: found.length}
      }
      continue
    }
    if (stanza === undefined) continue
    const base = {mechanism: 'ifupdown' as const, file, line, effective: true, stanza: stanza.name}
    if (stanza.lo && keyword === 'address' && args[0] !== undefined) {
      const cidr = splitCidr(args[0])
      if (cidr) found.push({...base, interface: stanza.name, address: cidr.address, prefixLength: cidr.prefixLength ?? stanza.netmask})
    } else if (stanza.lo && keyword === 'netmask' && args[0] !== undefined) {
      // One netmask line applies to the stanza's addresses written without a prefix.
      const prefixLength = netmaskToPrefix(args[0])
      for (const entry of found.slice(stanza.first)) if (entry.prefixLength === undefined) entry.prefixLength = prefixLength
      stanza.netmask = prefixLength
    } else if (keyword === 'up' || keyword === 'post-up' || keyword === 'pre-up') {
      for (const hit of commandAddresses(args.join(' '))) found.push({...base, ...hit})
    }
  }
  const addresses = found.map(({stanza: name, ...entry}) =>
    auto.has(name) ? entry : {...entry, effective: false, note: `no "auto ${name}" line: ifup -a does not bring ${name} up at boot`},
  )
  return {addresses, sources, auto: [...auto]}
}

/** Whole-line comments dropped, `\` continuations joined, split into words; first line number kept. */
function logicalLines(text: string): Array<{words: string[]; line: number}> {
  const out: Array<{words: string[]; line: number}> = []
  let pending: {code: string; line: number} | undefined
  splitLines(text).forEach((raw, index) => {
    const trimmed = raw.trim()
    if (pending === undefined && (trimmed === '' || trimmed.startsWith('#'))) return
    const current = pending ? {code: `${pending.code} ${trimmed}`, line: pending.line} : {code: trimmed, line: index + 1}
    if (current.code.endsWith('\\')) {
      pending = {code: current.code.slice(0, -1), line: current.line}
      return
    }
    pending = undefined
    out.push({words: current.code.split(/\s+/), line: current.line})
  })
  return out
}
