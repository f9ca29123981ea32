/**
 * Closing the loop: the runtime bash commands rsaudit printed for the failing rules, run inside rs1
 * exactly as printed. They are run through bash on purpose: they are printed FOR bash, with bash
 * quoting, so bash is what must accept them. Each command is still one argv element, never built
 * from pieces here.
 */
import type {Audit} from './audit.js'
import {inNamespace, run} from './exec.js'
import type {LabNames} from './topology.js'

export interface CommandRun {
  command: string
  exitCode: number
  output: string
}

/** Runtime (not persistent) bash commands of every failing result, each once, in report order. */
export function printedRuntimeCommands(audit: Audit): string[] {
  const commands = audit.results
    .filter((result) => result.outcome === 'fail')
    .flatMap((result) => result.remediation.filter((fix) => fix.shell === 'bash' && !fix.persistent).flatMap((fix) => fix.commands))
  return [...new Set(commands)]
}

export async function runPrintedCommands(names: LabNames, commands: string[]): Promise<CommandRun[]> {
  const runs: CommandRun[] = []
  for (const command of commands) {
    const {exitCode, stdout, stderr} = await run(inNamespace(names.hosts.rs1, ['bash', '-c', command]))
    runs.push({command, exitCode, output: (stdout + stderr).trim()})
  }
  return runs
}
