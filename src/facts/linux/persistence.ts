/**
 * Where this host puts addresses at boot, and which of those mechanisms really run. A file
 * only counts when its service is enabled (a networkd file on a host without networkd does
 * nothing) and rc.local only when executable, which are the usual "it worked until the
 * reboot" traps.
 */
import {posix} from 'node:path'

import {LINUX_PATHS} from '../../collect/linux-commands.js'
import type {FileCapture, RawSource} from '../../collect/raw-source.js'
import {fnmatch} from '../../parse/fnmatch.js'
import {parseIfcfg} from '../../parse/ifcfg.js'
import {parseIfupdownInterfaces} from '../../parse/ifupdown-interfaces.js'
import {parseNetworkdNetwork} from '../../parse/networkd-network.js'
import {parseNmKeyfile} from '../../parse/nm-keyfile.js'
import {ParseError} from '../../parse/parse-error.js'
import {parseRcLocal} from '../../parse/rc-local.js'
import type {Fact, NetworkStack, PersistedAddress, UnavailableReason} from '../model.js'

const SERVICES = {
  networkd: 'systemd-networkd.service',
  networkManager: 'NetworkManager.service',
  ifupdown: 'networking.service',
  networkScripts: 'network.service',
} as const

export interface PersistenceFacts {
  persistedAddresses: Fact<PersistedAddress[]>
  networkStack: Fact<NetworkStack>
}

class Unreadable extends Error {}

export async function collectPersistence(source: RawSource): Promise<PersistenceFacts> {
  const where = 'boot-time network configuration'
  try {
    const files = new FileReader(source)
    const wanted = new Set((await Promise.all(LINUX_PATHS.unitWants.map((dir) => files.list(dir)))).flat())
    const rcLocal = await rcLocalAddresses(files)
    const netplan = await files.readAll(LINUX_PATHS.netplanDirs, (name) => name.endsWith('.yaml'))
    const networkd = await files.readAll(LINUX_PATHS.networkdDirs, (name) => name.endsWith('.network'))
    const nm = await files.readAll(LINUX_PATHS.nmDirs, (name) => !name.startsWith('.'))
    const ifcfg = await files.readAll([LINUX_PATHS.ifcfgDir], (name) => name.startsWith('ifcfg-lo'))
    const ifupdown = await ifupdownAddresses(files)
    const stack: NetworkStack = {
      netplan: netplan.length > 0,
      systemdNetworkd: wanted.has(SERVICES.networkd),
      networkManager: wanted.has(SERVICES.networkManager),
      ifupdown: wanted.has(SERVICES.ifupdown),
      ifcfg: wanted.has(SERVICES.networkScripts),
      rcLocal: rcLocal.some((entry) => entry.effective),
    }
    const addresses = [
      ...rcLocal,
      ...(await netplanAddresses(netplan)),
      ...gate(networkd.flatMap((f) => parseNetworkdNetwork(f.content ?? '', f.path)), stack.systemdNetworkd || stack.netplan, SERVICES.networkd),
      ...gate(nm.flatMap((f) => parseNmKeyfile(f.content ?? '', f.path)), stack.networkManager, SERVICES.networkManager),
      ...gate(ifcfg.flatMap((f) => parseIfcfg(f.content ?? '', f.path)), stack.ifcfg, SERVICES.networkScripts),
      ...gate(ifupdown, stack.ifupdown, SERVICES.ifupdown),
    ]
    return {persistedAddresses: {status: 'ok', value: addresses, source: where}, networkStack: {status: 'ok', value: stack, source: where}}
  } catch (error) {
    if (!(error instanceof Unreadable) && !(error instanceof ParseError)) throw error
    const reason: UnavailableReason = error instanceof ParseError ? 'parse-error' : 'permission-denied'
    const fact = {status: 'unavailable' as const, reason, detail: error.message, source: where}
    return {persistedAddresses: fact, networkStack: fact}
  }
}

/** Entries from a mechanism whose service does not start at boot are kept, marked ineffective. */
function gate(entries: PersistedAddress[], enabled: boolean, service: string): PersistedAddress[] {
  return enabled ? entries : entries.map((entry) => ({...entry, effective: false, note: `${service} is not enabled`}))
}

/** The netplan parser pulls in a YAML library, so it loads only on hosts that have netplan files. */
async function netplanAddresses(files: readonly FileCapture[]): Promise<PersistedAddress[]> {
  if (files.length === 0) return []
  const {parseNetplan} = await import('../../parse/netplan.js')
  return files.flatMap((f) => parseNetplan(f.content ?? '', f.path))
}

async function rcLocalAddresses(files: FileReader): Promise<PersistedAddress[]> {
  const found: PersistedAddress[] = []
  const seen = new Set<string>()
  for (const path of LINUX_PATHS.rcLocal) {
    const file = await files.read(path)
    if (file?.content === undefined) continue
    // RHEL's /etc/rc.local is a link to /etc/rc.d/rc.local: read the script once.
    const real = file.linkTarget ? posix.resolve(posix.dirname(path), file.linkTarget) : path
    if (seen.has(real) || seen.has(path)) continue
    seen.add(real)
    seen.add(path)
    const executable = file.mode === undefined || (file.mode & 0o111) !== 0
    const entries = parseRcLocal(file.content, path)
    found.push(...(executable ? entries : entries.map((entry) => ({...entry, effective: false, note: `${path} is not executable, so it does not run at boot`}))))
  }

  return found
}

async function ifupdownAddresses(files: FileReader): Promise<PersistedAddress[]> {
  const queue: string[] = [LINUX_PATHS.ifupdown]
  const done = new Set<string>()
  const found: PersistedAddress[] = []
  while (queue.length > 0) {
    const path = queue.shift() ?? ''
    if (done.has(path)) continue
    done.add(path)
    const file = await files.read(path)
    if (file?.content === undefined) continue
    const parsed = parseIfupdownInterfaces(file.content, path)
    found.push(...parsed.addresses)
    for (const include of parsed.sources) queue.push(...(await files.expand(posix.resolve('/etc/network', include))))
  }

  return found
}

/** Reads through the RawSource; a missing path is simply absent, a permission error aborts. */
class FileReader {
  constructor(private readonly source: RawSource) {}

  async read(path: string): Promise<FileCapture | undefined> {
    const file = await this.source.readFile(path)
    if (file.failure?.reason === 'permission-denied') throw new Unreadable(file.failure.detail)
    return file.content === undefined ? undefined : file
  }

  async list(directory: string): Promise<string[]> {
    const listing = await this.source.listDir(directory)
    if (listing.failure?.reason === 'permission-denied') throw new Unreadable(listing.failure.detail)
    return listing.entries ?? []
  }

  async readAll(directories: readonly string[], wanted: (name: string) => boolean): Promise<FileCapture[]> {
    const result: FileCapture[] = []
    for (const directory of directories) {
      for (const name of (await this.list(directory)).filter(wanted)) {
        const file = await this.read(`${directory}/${name}`)
        if (file) result.push(file)
      }
    }

    return result
  }

  /** `source /etc/network/interfaces.d/*` takes a glob; a directory alone means every file in it. */
  async expand(pattern: string): Promise<string[]> {
    const directory = posix.dirname(pattern)
    const base = posix.basename(pattern)
    const names = await this.list(directory)
    return names.filter((name) => fnmatch(base, name)).map((name) => `${directory}/${name}`)
  }
}
