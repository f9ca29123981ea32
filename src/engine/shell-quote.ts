/**
 * Quoting a value as one argument for the shell a remediation command is printed for.
 * Values such as interface names, file names and addresses come from the audited host, so
 * they are quoted, never trusted: a name like `eth0;reboot` must stay one harmless word.
 */
import type {Shell} from './types.js'

const BASH_SAFE = /^[\w@%+=:,./-]+$/
const POWERSHELL_SAFE = /^[\w.:/\\-]+$/
const CMD_SAFE = /^[\w.:/\\=-]+$/

/** @returns the quoted value, or undefined when this shell cannot carry it as one argument. */
export function quoteFor(shell: Shell, value: string): string | undefined {
  switch (shell) {
    case 'bash': {
      return BASH_SAFE.test(value) ? value : `'${value.replaceAll("'", `'\\''`)}'`
    }

    case 'powershell': {
      // PowerShell also treats the typographic quotes as quote characters, so they are doubled too.
      return POWERSHELL_SAFE.test(value) ? value : `'${value.replaceAll(/['‘’‚‛]/g, (q) => q + q)}'`
    }

    case 'cmd': {
      // cmd reads one line at a time, so a line break would end the command mid-value.
      if (/[\r\n]/.test(value)) return undefined
      // Inside double quotes cmd still expands %VAR%; doubling a quote is the only escape it honours there.
      return CMD_SAFE.test(value) ? value : `"${value.replaceAll('"', '""').replaceAll('%', '%%')}"`
    }
  }
}
