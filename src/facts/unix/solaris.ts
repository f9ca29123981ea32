/**
 * Solaris and illumos facts: interfaces from `ifconfig -a` (logical interfaces lo0:N kept apart),
 * the IP host model from `ipadm show-prop -p hostmodel`, and the VIPs configured for boot, in
 * /etc/hostname.lo0:N (Solaris 10 style, still read by illumos) or as persistent ipadm address
 * objects on lo0 (Solaris 11, illumos).
 */
import type {RawSource} from '../../collect/raw-source.js'
import {isSolarisLoopbackFile, SOLARIS_COMMANDS as C, UNIX_PATHS} from '../../collect/unix-commands.js'
import {parseHostsFile} from '../../parse/unix/hosts-file.js'
import {parseIfconfigArgs} from '../../parse/unix/ifconfig-args.js'
import {parseIfconfigSolaris} from '../../parse/unix/ifconfig-solaris.js'
import {type IpadmAddress, parseIpadmShowAddr} from '../../parse/unix/ipadm-show-addr.js'
import {parseIpadmShowProp} from '../../parse/unix/ipadm-show-prop.js'
import {parseSolarisHostnameFile} from '../../parse/unix/solaris-hostname-file.js'
import {factFromCommand} from '../from-capture.js'
import type {Fact, PersistedAddress} from '../model.js'
import type {HostModelSetting} from '../unix-model.js'
import {listIfPresent, readIfPresent, Unreadable} from './boot-files.js'
import type {UnixSpecificFacts} from './unix-host.js'

export async function solarisFacts(source: RawSource): Promise<UnixSpecificFacts> {
  const [interfaces, hostModel, persistedAddresses] = await Promise.all([
    source.run(C.ifconfigA).then((capture) => factFromCommand(capture, parseIfconfigSolaris)),
    source.run(C.ipadmHostmodel).then((capture) => factFromCommand(capture, hostModelRows)),
    solarisPersistence(source),
  ])
  return {interfaces, persistedAddresses, hostModel}
}

/** The ipv4 and ipv6 rows of `ipadm show-prop -p hostmodel` (a paste reads them the same way). */
export function hostModelRows(text: string): HostModelSetting[] {
  return parseIpadmShowProp(text)
    .filter((row) => row.property === 'hostmodel' && (row.protocol === 'ipv4' || row.protocol === 'ipv6'))
    .map((row) => ({
      protocol: row.protocol as HostModelSetting['protocol'],
      current: row.current ?? 'unknown',
      ...(row.persistent === undefined ? {} : {persistent: row.persistent}),
      ...(row.default === undefined ? {} : {default: row.default}),
    }))
}

async function solarisPersistence(source: RawSource): Promise<Fact<PersistedAddress[]>> {
  const where = '/etc/hostname.lo0:N and ipadm'
  try {
    const files = await hostnameFileAddresses(source)
    const ipadm = await ipadmAddresses(source)
    if (ipadm.status !== 'ok') return ipadm
    return {status: 'ok', value: [...files, ...ipadm.value], source: where}
  } catch (error) {
    if (error instanceof Unreadable) return error.fact
    throw error
  }
}

/** /etc/hostname.lo0:1 holds `VIP netmask 255.255.255.255 up`, or a host name from /etc/inet/hosts. */
async function hostnameFileAddresses(source: RawSource): Promise<PersistedAddress[]> {
  const names = (await listIfPresent(source, UNIX_PATHS.etc)).filter(isSolarisLoopbackFile)
  const found: PersistedAddress[] = []
  let hosts: Map<string, string> | undefined
  for (const name of names) {
    const file = `${UNIX_PATHS.etc}/${name}`
    const text = await readIfPresent(source, file)
    if (text === undefined) continue
    const iface = name.replace(/^hostname6?\./, '')
    for (const entry of parseSolarisHostnameFile(text)) {
      let address = entry.address
      let note: string | undefined
      if (address === undefined && entry.host !== undefined) {
        hosts ??= parseHostsFile((await readIfPresent(source, UNIX_PATHS.solarisHosts)) ?? '')
        address = hosts.get(entry.host.toLowerCase())
        note = address === undefined ? `${entry.host} is not in ${UNIX_PATHS.solarisHosts}` : undefined
      }

      if (address === undefined) {
        found.push({mechanism: 'hostname-file', interface: iface, address: entry.host ?? '', file, line: entry.line, effective: false, note: note ?? 'no address'})
        continue
      }

      // With the name resolved, the mask default (`netmask +` or none: classful) can be worked out.
      const prefixLength = entry.address === undefined ? parseIfconfigArgs(entry.words.map((w) => (w === entry.host ? address : w))).prefixLength : entry.prefixLength
      found.push({mechanism: 'hostname-file', interface: iface, address, ...(prefixLength === undefined ? {} : {prefixLength}), file, line: entry.line, effective: true})
    }
  }

  return found
}

/**
 * Static ipadm address objects on lo0. Only `ipadm show-addr -o all` says whether one comes back
 * at boot (PERSISTENT has `U`); Solaris 10 has no ipadm at all, which is fine.
 */
async function ipadmAddresses(source: RawSource): Promise<Fact<PersistedAddress[]>> {
  const capture = await source.run(C.ipadmShowAddr)
  if (capture.failure?.reason === 'command-missing') return {status: 'ok', value: [], source: 'no ipadm (Solaris 10)'}
  const rows = factFromCommand(capture, parseIpadmShowAddr)
  if (rows.status !== 'ok') return rows
  const value = rows.value.filter((row) => row.interface === 'lo0' && row.type === 'static' && row.address !== undefined).map((row) => ipadmEntry(row, rows.source))
  return {status: 'ok', value, source: rows.source}
}

function ipadmEntry(row: IpadmAddress, source: string): PersistedAddress {
  const persistent = row.persistent
  const effective = persistent !== undefined && persistent.includes('U')
  const note = persistent === undefined ? 'ipadm show-addr without -o all does not say whether it persists' : effective ? undefined : 'temporary (ipadm create-addr -t) or persisted down: not brought up at boot'
  return {
    mechanism: 'ipadm',
    interface: row.interface,
    address: row.address ?? '',
    ...(row.prefixLength === undefined ? {} : {prefixLength: row.prefixLength}),
    file: source,
    line: row.line,
    effective,
    ...(note === undefined ? {} : {note}),
    key: row.addrobj,
  }
}
