/**
 * Parser for modules-load.d(5) files (`/etc/modules-load.d/*.conf` and the like) and Debian's
 * `/etc/modules`, following systemd-modules-load's `apply_file()` (src/modules-load/modules-load.c):
 * each line is stripped; empty lines and lines whose first character is `#` or `;` are skipped;
 * any other line names one module. There are no end-of-line comments.
 *
 * Debian's /etc/modules allows arguments after the name (`module_name [args]`, modules(5)),
 * which its kmod init script passes to modprobe; systemd, reading it through the
 * /etc/modules-load.d/modules.conf link, would take the whole line as the name and fail. The
 * first word is the module either way, so that is what this returns.
 *
 * @example
 * parseModulesLoad('# LVS TUN real server\nipip\n; legacy\n8021q\n', '/etc/modules-load.d/lb.conf')
 * // → [{module: 'ipip', file: '/etc/modules-load.d/lb.conf', line: 2},
 * //    {module: '8021q', file: '/etc/modules-load.d/lb.conf', line: 4}]
 */
import type {ModuleLoadEntry} from '../facts/linux-mode-model.js'
import {splitLines} from './parse-error.js'

export function parseModulesLoad(text: string, file: string): ModuleLoadEntry[] {
  const entries: ModuleLoadEntry[] = []
  for (const [index, raw] of splitLines(text).entries()) {
    const line = raw.trim()
    if (line === '' || line.startsWith('#') || line.startsWith(';')) continue
    entries.push({module: line.split(/\s+/)[0] ?? line, file, line: index + 1})
  }

  return entries
}
