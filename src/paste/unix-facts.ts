/**
 * Solaris, FreeBSD and macOS HostFacts from pasted sections, through the parsers a bundle of
 * that host uses (facts/unix/): interfaces from `ifconfig` (the format decides the parser), or
 * from `ipadm show-addr` when no ifconfig was pasted; the host model from `ipadm show-prop`; the
 * strong-ES sysctl from BSD `sysctl` output. Boot-time files are not in a paste.
 */
import {hostModelRows} from '../facts/unix/solaris.js'
import type {Fact, FactUnavailable, HostFacts, NetInterface, OsIdentity} from '../facts/model.js'
import type {StrongEsSysctl} from '../facts/unix-model.js'
import {parseIfconfigBsd} from '../parse/unix/ifconfig-bsd.js'
import {makeAddress} from '../parse/unix/ifconfig-shared.js'
import {looksLikeIfconfigSolaris, parseIfconfigSolaris} from '../parse/unix/ifconfig-solaris.js'
import {type IpadmAddress, parseIpadmShowAddr} from '../parse/unix/ipadm-show-addr.js'
import {parseSysctlBsd} from '../parse/unix/sysctl-bsd.js'
import {appendNew, factFrom, type Recipe} from './recipe.js'
import type {PasteSection} from './split.js'
import type {UnixPlatform} from './unix-platform.js'

const NAMES: Record<UnixPlatform, string> = {solaris: 'Solaris', freebsd: 'FreeBSD', darwin: 'macOS'}
const STRONG_ES_KEYS = ['net.inet.ip.check_interface', 'net.inet.ip.rfc1122_strong_es']

const INTERFACES: Recipe<NetInterface[]> = {
  groups: [['ifconfig'], ['ipadm-show-addr']],
  parse: {
    ifconfig: (s) => (looksLikeIfconfigSolaris(s.text) ? parseIfconfigSolaris(s.text) : parseIfconfigBsd(s.text)),
    'ipadm-show-addr': (s) => ipadmInterfaces(parseIpadmShowAddr(s.text)),
  },
  // `ifconfig lo0` and `ifconfig em0` add up; an interface shown twice keeps its last state.
  combine: (lists) => [...new Map(lists.flat().map((nic) => [nic.name, nic])).values()],
  ask: '`ifconfig -a`',
}

const HOST_MODEL: Recipe<ReturnType<typeof hostModelRows>> = {
  groups: [['ipadm-show-prop']],
  parse: {'ipadm-show-prop': (s) => hostModelRows(s.text)},
  combine: (lists) => appendNew(lists),
  ask: '`ipadm show-prop -p hostmodel`',
}

const SYSCTL: Recipe<Record<string, string>> = {
  groups: [['sysctl-bsd']],
  parse: {'sysctl-bsd': (s) => parseSysctlBsd(s.text)},
  combine: (values) => Object.assign({}, ...values) as Record<string, string>,
  ask: '`sysctl net.inet.ip.check_interface net.inet.ip.rfc1122_strong_es`',
}

export function unixPasteFacts(platform: UnixPlatform, sections: readonly PasteSection[], os: Fact<OsIdentity>, privileged: boolean, bootTime: FactUnavailable): HostFacts {
  const name = NAMES[platform]
  const unsupported = (detail: string): FactUnavailable => ({status: 'unavailable', reason: 'unsupported', detail, source: 'platform'})
  const facts: HostFacts = {
    os,
    interfaces: factFrom(INTERFACES, sections),
    routes: unsupported(`routes are not read on ${name} yet`),
    listeners: unsupported(`listening sockets are not read on ${name} yet`),
    ipv4Conf: unsupported(`a Linux fact; this is a ${name} host`),
    bootSysctl: bootTime,
    persistedAddresses: bootTime,
    networkStack: bootTime,
    privileged,
  }
  if (platform === 'solaris') facts.hostModel = factFrom(HOST_MODEL, sections)
  else facts.checkInterface = strongEs(factFrom(SYSCTL, sections))
  return facts
}

/** The strong-ES switches in pasted sysctl output; output that names neither does not answer the question. */
function strongEs(sysctl: Fact<Record<string, string>>): Fact<StrongEsSysctl[]> {
  if (sysctl.status !== 'ok') return sysctl
  const found = STRONG_ES_KEYS.filter((key) => sysctl.value[key] !== undefined).map((key) => ({key, value: Number(sysctl.value[key])}))
  if (found.length === 0 || found.some((e) => !Number.isInteger(e.value))) {
    return {status: 'unavailable', reason: 'not-collected', detail: `the pasted sysctl output has no ${STRONG_ES_KEYS.join(' or ')}`, source: sysctl.source}
  }

  return {status: 'ok', value: found, source: sysctl.source}
}

/** ipadm rows as interfaces: flags are not in its output, so only loopback (`lo0`) and up (`ok`) are known. */
function ipadmInterfaces(rows: readonly IpadmAddress[]): NetInterface[] {
  const byName = new Map<string, NetInterface>()
  for (const row of rows) {
    if (row.address === undefined || row.family === undefined || row.prefixLength === undefined) continue
    const loopback = /^lo\d+$/.test(row.interface)
    const nic = byName.get(row.interface) ?? {name: row.interface, flags: [], up: false, loopback, noArp: false, addresses: []}
    nic.up ||= row.state === 'ok'
    nic.addresses.push(makeAddress(row.family, row.address, row.prefixLength))
    byName.set(row.interface, nic)
  }

  return [...byName.values()]
}
