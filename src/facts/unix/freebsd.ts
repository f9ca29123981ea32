/**
 * FreeBSD facts: interfaces from `ifconfig -a`, the strong-ES sysctl, and the loopback addresses
 * rc.conf configures at boot. rc(8) reads /etc/rc.conf, rc.conf.local and rc.conf.d/ in order
 * (a later assignment wins), then network.subr adds for each loopback:
 * - `ifconfig_lo0` and `ifconfig_lo0_ipv6` (its own address);
 * - `ifconfig_lo0_alias0`, `_alias1`, ... counting up from 0 and STOPPING at the first number not
 *   set, so an alias1 without an alias0 is never applied;
 * - `ifconfig_lo0_aliases` (a list, `inet A/32 inet B/32`) and `ipv4_addrs_lo0` (`A/32 B/32`).
 * A cloned loopback (lo1) exists at boot only when `cloned_interfaces` names it.
 */
import type {RawSource} from '../../collect/raw-source.js'
import {FREEBSD_COMMANDS as C, UNIX_PATHS} from '../../collect/unix-commands.js'
import {parseIfconfigArgs} from '../../parse/unix/ifconfig-args.js'
import {parseIfconfigBsd} from '../../parse/unix/ifconfig-bsd.js'
import {parseRcConf, type RcConfAssignment} from '../../parse/unix/rc-conf.js'
import {factFromCommand} from '../from-capture.js'
import type {Fact, PersistedAddress} from '../model.js'
import {readIfPresent, Unreadable} from './boot-files.js'
import {collectStrongEs} from './strong-es.js'
import type {UnixSpecificFacts} from './unix-host.js'

export async function freebsdFacts(source: RawSource): Promise<UnixSpecificFacts> {
  const [interfaces, checkInterface, persistedAddresses] = await Promise.all([
    source.run(C.ifconfigA).then((capture) => factFromCommand(capture, parseIfconfigBsd)),
    collectStrongEs(source, [C.checkInterface, C.strongEs]),
    rcConfPersistence(source),
  ])
  return {interfaces, persistedAddresses, checkInterface}
}

type Located = RcConfAssignment & {file: string}

async function rcConfPersistence(source: RawSource): Promise<Fact<PersistedAddress[]>> {
  const variables = new Map<string, Located>()
  const read: string[] = []
  try {
    for (const file of UNIX_PATHS.rcConf) {
      const text = await readIfPresent(source, file)
      if (text === undefined) continue
      read.push(file)
      for (const assignment of parseRcConf(text)) variables.set(assignment.name, {...assignment, file})
    }
  } catch (error) {
    if (error instanceof Unreadable) return error.fact
    throw error
  }

  return {status: 'ok', value: rcConfAddresses(variables), source: read.join(', ') || UNIX_PATHS.rcConf.join(', ')}
}

/** The loopback addresses the rc.conf variables (last assignment of each) put up at boot. */
export function rcConfAddresses(variables: ReadonlyMap<string, Located>): PersistedAddress[] {
  const cloned = (variables.get('cloned_interfaces')?.value ?? '').split(/\s+/)
  const loopbacks = new Set([...variables.keys()].map((name) => /^(?:ifconfig|ipv4_addrs)_(lo\d+)(?:_|$)/.exec(name)?.[1]).filter((name) => name !== undefined))
  const found: PersistedAddress[] = []
  for (const iface of loopbacks) {
    const exists = iface === 'lo0' || cloned.includes(iface) ? undefined : `${iface} is not in cloned_interfaces, so it does not exist at boot`
    const add = (variable: Located, words: readonly string[], note?: string) => {
      const args = parseIfconfigArgs(words)
      if (args.address === undefined || words.includes('-alias') || words.includes('delete')) return
      const why = exists ?? note
      found.push({
        mechanism: 'rc.conf',
        interface: iface,
        address: args.address,
        ...(args.prefixLength === undefined ? {} : {prefixLength: args.prefixLength}),
        file: variable.file,
        line: variable.line,
        effective: why === undefined,
        ...(why === undefined ? {} : {note: why}),
        key: variable.name,
      })
    }

    for (const suffix of ['', '_ipv6']) {
      const own = variables.get(`ifconfig_${iface}${suffix}`)
      if (own) add(own, own.value.split(/\s+/))
    }

    const numbered = [...variables.values()].filter((v) => new RegExp(`^ifconfig_${iface}_alias\\d+$`).test(v.name))
    const gap = [...numbered.keys(), numbered.length].find((n) => !variables.has(`ifconfig_${iface}_alias${n}`)) ?? numbered.length
    for (const variable of numbered) {
      const n = Number(variable.name.slice(`ifconfig_${iface}_alias`.length))
      add(variable, variable.value.split(/\s+/), n > gap ? `ifconfig_${iface}_alias${gap} is not set, and rc stops at the first missing alias number` : undefined)
    }

    const list = variables.get(`ifconfig_${iface}_aliases`)
    // `inet A/32 inet6 B prefixlen 128`: each family keyword starts another address.
    if (list) for (const words of splitAtFamily(list.value.split(/\s+/).filter(Boolean))) add(list, words)
    const ipv4 = variables.get(`ipv4_addrs_${iface}`)
    if (ipv4) for (const cidr of ipv4.value.split(/\s+/).filter(Boolean)) add(ipv4, ['inet', cidr])
  }

  return found
}

function splitAtFamily(words: readonly string[]): string[][] {
  const groups: string[][] = []
  for (const word of words) {
    if (word === 'inet' || word === 'inet6' || groups.length === 0) groups.push([])
    groups.at(-1)?.push(word)
  }

  return groups
}
