/**
 * rsaudit as a user runs it: the built CLI inside rs1, with --json. The lab reads only the JSON
 * report, like any other consumer, so it declares just the fields it uses.
 */
import {cliPath} from './cli-path.js'
import {inNamespace, LabError, run} from './exec.js'
import {type LabNames, PORT, VIP} from './topology.js'

export interface AuditRemediation {
  shell: string
  commands: string[]
  persistent: boolean
}

export interface AuditResult {
  ruleId: string
  subject: string
  outcome: 'pass' | 'fail' | 'unknown' | 'not-applicable'
  message: string
  remediation: AuditRemediation[]
}

export interface Audit {
  exitCode: number
  results: AuditResult[]
}

export async function auditRealServer(names: LabNames): Promise<Audit> {
  const argv = inNamespace(names.hosts.rs1, ['node', cliPath(), 'audit', '--vip', VIP, '--port', String(PORT), '--json'])
  const {stdout, stderr, exitCode} = await run(argv, 60_000)
  if ((exitCode !== 0 && exitCode !== 1) || stdout.trim() === '') throw new LabError(`rsaudit audit in rs1 exited ${exitCode} with ${stdout.length} bytes of output: ${stderr.trim()}`)
  return {exitCode, results: (JSON.parse(stdout) as {results: AuditResult[]}).results}
}

/** Rule ids with at least one non-passing result (failing or unknown), in report order. */
export function nonPassingRules(audit: Audit): string[] {
  return [...new Set(audit.results.filter((result) => result.outcome === 'fail' || result.outcome === 'unknown').map((result) => result.ruleId))]
}
