/**
 * What systemd-modules-load loads at boot, from the modules-load.d files alone (modules-load.d(5)):
 * `*.conf` files in /etc/modules-load.d, /run/modules-load.d, /usr/local/lib/modules-load.d,
 * /usr/lib/modules-load.d and, on split-/usr systems, /lib/modules-load.d. A name in a higher
 * directory shadows the same name below it; a link to /dev/null masks the name. Debian's
 * /etc/modules is read too: through the /etc/modules-load.d/modules.conf link where systemd
 * runs, and by the kmod init script where it does not.
 *
 * The kernel command line (`modules_load=`) is not read; it is rarely how a real server loads
 * ipip, and missing it can only make the audit ask for a file that is not needed.
 */
import {posix} from 'node:path'

import {parseModulesLoad} from '../parse/modules-load.js'
import type {ModulesLoadReport} from './linux-mode-model.js'

/** Directories systemd-modules-load reads, highest precedence first. */
export const MODULES_LOAD_DIRS: readonly string[] = ['/etc/modules-load.d', '/run/modules-load.d', '/usr/local/lib/modules-load.d', '/usr/lib/modules-load.d', '/lib/modules-load.d']
export const ETC_MODULES = '/etc/modules'

export interface ModulesFileInput {
  path: string
  content: string
  /** The symlink target as `readlink` prints it, when `path` is a symlink. */
  linkTarget?: string
}

export function resolveModulesLoad(files: readonly ModulesFileInput[]): ModulesLoadReport {
  const winners = new Map<string, {file: ModulesFileInput; path: string}>()
  const filesShadowed: ModulesLoadReport['filesShadowed'] = []
  const candidates = files
    .map((file) => ({file, path: posix.normalize(file.path)}))
    .map((entry) => ({...entry, rank: MODULES_LOAD_DIRS.indexOf(posix.dirname(entry.path)), name: posix.basename(entry.path)}))
    .filter((entry) => entry.rank >= 0 && entry.name.endsWith('.conf') && !entry.name.startsWith('.'))
    .sort((a, b) => a.rank - b.rank)
  for (const entry of candidates) {
    const winner = winners.get(entry.name)
    if (winner) filesShadowed.push({file: entry.path, shadowedBy: winner.path})
    else winners.set(entry.name, entry)
  }

  const applied = [...winners.entries()]
    .filter(([, entry]) => entry.file.linkTarget !== '/dev/null')
    .sort(([a], [b]) => Buffer.compare(Buffer.from(a), Buffer.from(b)))
    .map(([, entry]) => ({path: entry.path, source: entry.file.linkTarget ? posix.resolve(posix.dirname(entry.path), entry.file.linkTarget) : entry.path, content: entry.file.content}))
  // /etc/modules counts once: through its modules-load.d link when there is one, else on its own.
  const etcModules = files.find((file) => file.path === ETC_MODULES)
  if (etcModules && !applied.some((file) => file.source === ETC_MODULES)) applied.push({path: ETC_MODULES, source: ETC_MODULES, content: etcModules.content})
  return {entries: applied.flatMap((file) => parseModulesLoad(file.content, file.source)), filesApplied: applied.map((file) => file.path), filesShadowed}
}
