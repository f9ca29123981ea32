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
import {parseModulesLoad} from '../parse/modules-load.js'
import {type ConfFileInput, resolveConfDirs} from './conf-d-dirs.js'
import type {ModulesLoadReport} from './linux-mode-model.js'

/** Directories systemd-modules-load reads, highest precedence first. */
export const MODULES_LOAD_DIRS: readonly string[] = ['/etc/modules-load.d', '/run/modules-load.d', '/usr/local/lib/modules-load.d', '/usr/lib/modules-load.d', '/lib/modules-load.d']
export const ETC_MODULES = '/etc/modules'

export type ModulesFileInput = ConfFileInput

export function resolveModulesLoad(files: readonly ModulesFileInput[]): ModulesLoadReport {
  const {applied: winners, filesShadowed} = resolveConfDirs(files, MODULES_LOAD_DIRS)
  const applied = winners.map(({file, path, source}) => ({path, source, content: file.content}))
  // /etc/modules counts once: through its modules-load.d link when there is one, else on its own.
  const etcModules = files.find((file) => file.path === ETC_MODULES)
  if (etcModules && !applied.some((file) => file.source === ETC_MODULES)) applied.push({path: ETC_MODULES, source: ETC_MODULES, content: etcModules.content})
  return {entries: applied.flatMap((file) => parseModulesLoad(file.content, file.source)), filesApplied: applied.map((file) => file.path), filesShadowed}
}
