/**
 * What systemd-sysctl writes at boot, from the sysctl.d files alone: systemd ≥ 245 semantics (globs,
 * `-key` exclusions), checked in upstream src/sysctl/sysctl.c (`parse_line()`, `apply_glob_option_with_prefix()`) and sysctl.d(5).
 *
 * 1. Files: `*.conf` (not hidden) in /etc/sysctl.d, /run/sysctl.d, /usr/local/lib/sysctl.d,
 *    /usr/lib/sysctl.d and, lowest, /lib/sysctl.d (read only by split-/usr builds before
 *    systemd 255; on merged-/usr systems it is the same directory as /usr/lib/sysctl.d).
 *    A name in a higher directory shadows the same name below it; a symlink to /dev/null
 *    masks the name (it shadows and is not applied).
 * 2. The survivors are read in strcmp order of their base names, whatever their directory.
 *    /etc/sysctl.conf takes part only through /etc/sysctl.d/99-sysctl.conf (the distro symlink
 *    to ../sysctl.conf); a bare /etc/sysctl.conf passed in is ignored and never appears in
 *    `filesApplied` (systemd ≥ 207 does not read it; Debian 13 no longer ships the link).
 * 3. Options live in one ordered map keyed by the normalized key. A line for a key already in
 *    the map with the same value changes nothing; a different value or an exclusion (`-key`,
 *    no `=`) removes the earlier entry and appends itself. So a later exclusion cancels an
 *    earlier explicit assignment, and a later assignment revives an excluded key.
 * 4. Application in map order: exclusions write nothing; a concrete key is written; a glob
 *    is written to every matching key that has NO entry in the map, whatever the order of
 *    files ("Not setting %s (explicit setting exists)"). Two globs hitting one key: the later
 *    in map order wins.
 *
 * Globs are expanded against `all`, `default` and `interfaceNames` for net.ipv4.conf keys, over
 * the four keys rsaudit reads plus any leaf named elsewhere in the files; a glob that cannot
 * touch net.ipv4.conf is passed through unexpanded (key = pattern), since /proc/sys is unknown
 * here. Concrete net.ipv4.conf keys naming another interface go to `deadKeys`, not `values`.
 * `values[].file` is where the line physically lives (a 99-sysctl.conf link is resolved to
 * /etc/sysctl.conf); `filesApplied` lists the paths systemd opens.
 *
 * @example
 * resolveBootSysctl([{path: '/usr/lib/sysctl.d/50-default.conf', content: 'net.ipv4.conf.*.rp_filter = 2\n-net.ipv4.conf.all.rp_filter\n'}], ['eth0'])
 * // → values: default and eth0 rp_filter = '2' (pattern 'net.ipv4.conf.*.rp_filter'), nothing for `all`
 */
import {fnmatch, isGlob} from '../parse/fnmatch.js'
import {joinSysctlKey, parseSysctlConf, splitSysctlKey} from '../parse/sysctl-conf.js'
import {type ConfFileInput, resolveConfDirs} from './conf-d-dirs.js'
import {IPV4_CONF_KEYS, type BootSysctl, type BootSysctlReport, type Ipv4Conf, type Ipv4ConfKey} from './model.js'

/** Directories systemd-sysctl reads, highest precedence first. */
export const SYSCTL_D_DIRS: readonly string[] = ['/etc/sysctl.d', '/run/sysctl.d', '/usr/local/lib/sysctl.d', '/usr/lib/sysctl.d', '/lib/sysctl.d']

export type SysctlFileInput = ConfFileInput

/** One entry of systemd's ordered option map; `value` is undefined for a `-key` exclusion. */
type Option = {key: string; value?: string; file: string; line: number}

export function resolveBootSysctl(files: readonly SysctlFileInput[], interfaceNames: readonly string[]): BootSysctlReport {
  const {applied, filesShadowed} = resolveConfDirs(files, SYSCTL_D_DIRS)
  const options = new Map<string, Option>()
  for (const {file, source} of applied) {
    const {assignments, exclusions} = parseSysctlConf(file.content, source)
    const lines: Option[] = [...assignments, ...exclusions].sort((a, b) => a.line - b.line)
    for (const {key, value, file: where, line} of lines) {
      if (options.has(key) && options.get(key)?.value === value) continue
      options.delete(key)
      options.set(key, {key, value, file: where, line})
    }
  }
  return {...apply(options, interfaceNames), filesApplied: applied.map((entry) => entry.path), filesShadowed}
}

function apply(options: Map<string, Option>, interfaceNames: readonly string[]): Pick<BootSysctlReport, 'values' | 'deadKeys'> {
  const scopes = [...new Set(['all', 'default', ...interfaceNames])]
  const leaves = new Set<string>(IPV4_CONF_KEYS)
  for (const key of options.keys()) {
    const parts = splitSysctlKey(key)
    if (isIpv4ConfKey(parts) && !isGlob(parts[4] as string)) leaves.add(parts[4] as string)
  }
  const written = new Map<string, BootSysctl>()
  const write = (entry: BootSysctl): void => {
    written.delete(entry.key) // re-insert: a later write moves the key to the end, like the kernel's last write
    written.set(entry.key, entry)
  }
  const deadKeys: BootSysctl[] = []
  for (const {key, value, file, line} of options.values()) {
    if (value === undefined) continue
    const parts = splitSysctlKey(key)
    if (!isGlob(key)) {
      if (isIpv4ConfKey(parts) && !scopes.includes(parts[3] as string)) deadKeys.push({key, value, file, line})
      else write({key, value, file, line})
    } else if (!isIpv4ConfKey(parts) || !['net', 'ipv4', 'conf'].every((name, i) => fnmatch(parts[i] as string, name))) {
      write({key, value, file, line, pattern: key})
    } else {
      for (const scope of scopes) {
        for (const leaf of leaves) {
          const concrete = ['net', 'ipv4', 'conf', scope, leaf]
          if (!concrete.every((name, i) => fnmatch(parts[i] as string, name))) continue
          const concreteKey = joinSysctlKey(concrete)
          // An explicit assignment or an exclusion of this exact key keeps the glob off it.
          if (!options.has(concreteKey)) write({key: concreteKey, value, file, line, pattern: key})
        }
      }
    }
  }
  return {values: [...written.values()], deadKeys}
}

/** net.ipv4.conf.<scope>.<leaf>, or a glob with that shape. */
function isIpv4ConfKey(parts: readonly string[]): boolean {
  return parts.length === 5 && (isGlob(parts.slice(0, 3).join('')) || parts.slice(0, 3).join('.') === 'net.ipv4.conf')
}

/**
 * Boot-time values of the four ARP/rp_filter keys in the live-values shape. Non-integer values
 * are skipped: the kernel rejects them (proc_dointvec). With `interfaceNames`, gaps are filled
 * the way the kernel fills them: `all`/`default` fall back to the kernel default 0
 * (ip-sysctl.rst), and an interface with no boot value of its own takes `default`'s, because
 * writing `default` propagates to untouched interfaces and new ones copy it (devinet.c).
 */
export function effectiveBootIpv4Conf(report: BootSysctlReport, interfaceNames?: readonly string[]): Ipv4Conf {
  const conf: Ipv4Conf = {}
  for (const {key, value} of report.values) {
    const [net, ipv4, dir, scope, leaf] = splitSysctlKey(key)
    if (`${net}.${ipv4}.${dir}` !== 'net.ipv4.conf' || scope === undefined) continue
    if (!IPV4_CONF_KEYS.includes(leaf as Ipv4ConfKey) || !/^-?\d+$/.test(value.trim())) continue
    conf[scope] = {...conf[scope], [leaf as Ipv4ConfKey]: Number(value.trim())}
  }
  if (interfaceNames === undefined) return conf
  for (const scope of ['all', 'default']) {
    for (const leaf of IPV4_CONF_KEYS) conf[scope] = {[leaf]: 0, ...conf[scope]}
  }
  for (const name of interfaceNames) {
    if (name === 'all' || name === 'default') continue
    for (const leaf of IPV4_CONF_KEYS) conf[name] = {[leaf]: conf.default?.[leaf] ?? 0, ...conf[name]}
  }
  return conf
}
