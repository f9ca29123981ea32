/**
 * Live IPv4 per-interface sysctls (read from /proc/sys, one file per value) and the
 * sysctl.d files systemd-sysctl will apply at boot.
 */
import {LINUX_PATHS} from '../../collect/linux-commands.js'
import type {RawSource} from '../../collect/raw-source.js'
import {resolveBootSysctl, SYSCTL_D_DIRS, type SysctlFileInput} from '../boot-sysctl.js'
import {unavailableFile} from '../from-capture.js'
import {type BootSysctlReport, type Fact, IPV4_CONF_KEYS, type Ipv4Conf} from '../model.js'

export async function collectIpv4Conf(source: RawSource): Promise<Fact<Ipv4Conf>> {
  const root = LINUX_PATHS.ipv4Conf
  const listing = await source.listDir(root)
  if (listing.entries === undefined) return unavailableFile(listing)
  const conf: Ipv4Conf = {}
  const failures: string[] = []
  const reads = listing.entries.flatMap((scope) => IPV4_CONF_KEYS.map(async (key) => ({scope, key, file: await source.readFile(`${root}/${scope}/${key}`)})))
  for (const {scope, key, file} of await Promise.all(reads)) {
    const value = file.content === undefined ? Number.NaN : Number.parseInt(file.content.trim(), 10)
    if (Number.isNaN(value)) {
      failures.push(file.failure?.detail ?? `${file.path} is not a number`)
      continue
    }

    conf[scope] = {...conf[scope], [key]: value}
  }

  // Unreadable values stay missing, so the checks that need them report unknown with the reason.
  if (Object.keys(conf).length === 0) return {status: 'unavailable', reason: 'permission-denied', detail: failures[0] ?? `nothing readable under ${root}`, source: root}
  return {status: 'ok', value: conf, source: root}
}

export async function collectBootSysctl(source: RawSource, interfaceNames: readonly string[]): Promise<Fact<BootSysctlReport>> {
  const files: SysctlFileInput[] = []
  for (const directory of SYSCTL_D_DIRS) {
    const listing = await source.listDir(directory)
    if (listing.failure?.reason === 'permission-denied') return unavailableFile(listing)
    for (const name of (listing.entries ?? []).filter((entry) => entry.endsWith('.conf'))) {
      const file = await source.readFile(`${directory}/${name}`)
      if (file.failure?.reason === 'permission-denied') return unavailableFile(file)
      // A dangling link (99-sysctl.conf without /etc/sysctl.conf) is applied as an empty file.
      if (file.content !== undefined || file.linkTarget !== undefined) files.push({path: file.path, content: file.content ?? '', ...(file.linkTarget ? {linkTarget: file.linkTarget} : {})})
    }
  }

  return {status: 'ok', value: resolveBootSysctl(files, interfaceNames), source: SYSCTL_D_DIRS.join(', ')}
}
