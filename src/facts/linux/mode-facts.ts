/**
 * The TUN and IPv6-proxy facts of a Linux host: the ipip module, the modules-load.d files,
 * the IPv6 proxy_ndp/forwarding sysctls and the proxy neighbour entries.
 */
import {LINUX_COMMANDS, LINUX_PATHS} from '../../collect/linux-commands.js'
import type {RawSource} from '../../collect/raw-source.js'
import {parseIpNeighProxyJson, parseIpNeighProxyText} from '../../parse/ip-neigh-proxy.js'
import {factFromCommand, firstAvailable, unavailableFile} from '../from-capture.js'
import {IPV6_CONF_KEYS, type IpipModule, type Ipv6Conf, type ModulesLoadReport, type ProxyNeighbour} from '../linux-mode-model.js'
import type {Fact, LinuxModeFacts} from '../model.js'
import {ETC_MODULES, MODULES_LOAD_DIRS, type ModulesFileInput, resolveModulesLoad} from '../modules-load.js'

export async function collectLinuxModeFacts(source: RawSource): Promise<Required<LinuxModeFacts>> {
  const [ipipModule, modulesLoad, ipv6Conf] = await Promise.all([collectIpipModule(source), collectModulesLoad(source), collectIpv6Conf(source)])
  // A kernel without IPv6 has no proxy entries, and ip would only fail to list them.
  const noIpv6 = ipv6Conf.status === 'ok' && Object.keys(ipv6Conf.value).length === 0
  const proxyNeighbours: Fact<ProxyNeighbour[]> = noIpv6 ? {status: 'ok', value: [], source: ipv6Conf.source} : await collectProxyNeighbours(source)
  return {ipipModule, modulesLoad, ipv6Conf, proxyNeighbours}
}

/**
 * /sys/module lists loaded modules and built-in ones that have parameters (ipip has
 * `log_ecn_error`), so it sees a built-in ipip that /proc/modules would miss; only a loaded
 * module has an `initstate` file.
 */
async function collectIpipModule(source: RawSource): Promise<Fact<IpipModule>> {
  const listing = await source.listDir(LINUX_PATHS.sysModule)
  if (listing.entries === undefined) return unavailableFile(listing)
  if (!listing.entries.includes('ipip')) return {status: 'ok', value: {state: 'absent'}, source: LINUX_PATHS.sysModule}
  const initstate = await source.readFile(LINUX_PATHS.ipipInitstate)
  if (initstate.content !== undefined) return {status: 'ok', value: {state: 'loaded'}, source: LINUX_PATHS.ipipInitstate}
  if (initstate.failure?.reason !== 'missing') return unavailableFile(initstate)
  return {status: 'ok', value: {state: 'builtin'}, source: `${LINUX_PATHS.sysModule}/ipip`}
}

async function collectModulesLoad(source: RawSource): Promise<Fact<ModulesLoadReport>> {
  const files: ModulesFileInput[] = []
  for (const directory of MODULES_LOAD_DIRS) {
    const listing = await source.listDir(directory)
    if (listing.failure !== undefined && listing.failure.reason !== 'missing') return unavailableFile(listing)
    for (const name of (listing.entries ?? []).filter((entry) => entry.endsWith('.conf'))) {
      const file = await source.readFile(`${directory}/${name}`)
      if (file.failure !== undefined && file.failure.reason !== 'missing') return unavailableFile(file)
      // Debian's modules.conf links to ../modules; a dangling link (no /etc/modules) loads nothing.
      if (file.content !== undefined || file.linkTarget !== undefined) files.push({path: file.path, content: file.content ?? '', ...(file.linkTarget ? {linkTarget: file.linkTarget} : {})})
    }
  }

  const etcModules = await source.readFile(ETC_MODULES)
  if (etcModules.failure !== undefined && etcModules.failure.reason !== 'missing') return unavailableFile(etcModules)
  if (etcModules.content !== undefined) files.push({path: ETC_MODULES, content: etcModules.content})
  return {status: 'ok', value: resolveModulesLoad(files), source: [...MODULES_LOAD_DIRS, ETC_MODULES].join(', ')}
}

/** No /proc/sys/net/ipv6 at all means the kernel runs without IPv6 (ipv6.disable=1): nothing to proxy. */
async function collectIpv6Conf(source: RawSource): Promise<Fact<Ipv6Conf>> {
  const root = LINUX_PATHS.ipv6Conf
  const listing = await source.listDir(root)
  if (listing.failure?.reason === 'missing') return {status: 'ok', value: {}, source: root}
  if (listing.entries === undefined) return unavailableFile(listing)
  const conf: Ipv6Conf = {}
  const reads = listing.entries.flatMap((scope) => IPV6_CONF_KEYS.map(async (key) => ({scope, key, file: await source.readFile(`${root}/${scope}/${key}`)})))
  const failures: string[] = []
  for (const {scope, key, file} of await Promise.all(reads)) {
    const value = file.content === undefined ? Number.NaN : Number.parseInt(file.content.trim(), 10)
    // Unreadable values stay missing; the check says so for the interface that needs them.
    if (Number.isNaN(value)) failures.push(file.failure?.detail ?? `${file.path} is not a number`)
    else conf[scope] = {...conf[scope], [key]: value}
  }

  // An empty record would read as "no IPv6 stack": nothing readable is a failure instead.
  if (Object.keys(conf).length === 0) return {status: 'unavailable', reason: 'permission-denied', detail: failures[0] ?? `nothing readable under ${root}`, source: root}
  return {status: 'ok', value: conf, source: root}
}

function collectProxyNeighbours(source: RawSource): Promise<Fact<ProxyNeighbour[]>> {
  return firstAvailable([
    async () => factFromCommand(await source.run(LINUX_COMMANDS.ipNeighProxyJson), parseIpNeighProxyJson),
    async () => factFromCommand(await source.run(LINUX_COMMANDS.ipNeighProxyText), parseIpNeighProxyText),
  ])
}
