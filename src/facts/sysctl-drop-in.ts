/**
 * The file a persistent sysctl fix should go in. systemd-sysctl applies files sorted by
 * name and the last one wins, so the fix must sort after every file that already sets the
 * same keys; otherwise a hardening file such as 99-cis.conf quietly undoes it at boot.
 */
import type {BootSysctlReport} from './model.js'

const PREFERRED = '90-rsaudit-realserver.conf'
const DIRECTORY = '/etc/sysctl.d'

export function sysctlDropInPath(boot: BootSysctlReport | undefined, keySuffixes: readonly string[]): string {
  const competing = (boot?.values ?? [])
    .filter((value) => keySuffixes.some((suffix) => value.key.endsWith(`.${suffix}`)))
    .map((value) => baseName(value.file))
  const latest = competing.sort().at(-1)
  let name = PREFERRED
  if (latest !== undefined && latest >= name) name = '99-zz-rsaudit-realserver.conf'
  // 'z' sorts after digits, '-' and '.', so prefixing it always moves the name past `latest`.
  while (latest !== undefined && latest >= name) name = `z${name}`
  return `${DIRECTORY}/${name}`
}

function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1)
}
