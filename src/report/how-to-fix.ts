/**
 * The "How to fix" block: every failing result's commands, grouped by shell and by phase
 * (now, then persistent), each command printed once. When two results need the same
 * command, its last position is kept, so a closing `sysctl --system` still comes last.
 */
import type {Remediation, RuleResult, Shell} from '../engine/types.js'
import {stylize} from './style.js'

const PHASES: Array<[boolean, string]> = [
  [false, 'Now (lost at the next reboot):'],
  [true, 'Persistently (applied at every boot):'],
]

export function howToFix(results: readonly RuleResult[], color: boolean): string {
  const fixes = results.filter((r) => r.outcome === 'fail').flatMap((r) => r.remediation)
  if (fixes.length === 0) return ''
  const shells = [...new Set(fixes.map((fix) => fix.shell))]
  const lines = [stylize(color, 'bold', 'How to fix')]
  for (const shell of shells) {
    lines.push(`  ${shell}:`)
    for (const [persistent, heading] of PHASES) {
      const commands = uniqueKeepingLast(commandsFor(fixes, shell, persistent))
      if (commands.length === 0) continue
      lines.push(`    ${heading}`, ...commands.map((command) => `      ${command}`))
    }
  }

  return `${lines.join('\n')}\n`
}

function commandsFor(fixes: readonly Remediation[], shell: Shell, persistent: boolean): string[] {
  return fixes.filter((fix) => fix.shell === shell && fix.persistent === persistent).flatMap((fix) => fix.commands)
}

export function uniqueKeepingLast(commands: readonly string[]): string[] {
  const last = new Map<string, number>()
  for (const [index, command] of commands.entries()) last.set(command, index)
  return commands.filter((command, index) => last.get(command) === index)
}
