/**
 * One scenario end to end, from a clean lab: break rs1, measure the network, audit rs1, then run the
 * runtime fixes rsaudit printed and measure and audit again.
 */
import {disagreements, probeDisagreements} from './agreement.js'
import {type Audit, auditRealServer} from './audit.js'
import {type GroundTruth, measureGroundTruth} from './ground-truth.js'
import {labUp} from './lifecycle.js'
import {type ProbeVerdicts, runProbes} from './probes.js'
import {type CommandRun, printedRuntimeCommands, runPrintedCommands} from './remediate.js'
import type {Scenario} from './scenarios.js'
import type {LabNames} from './topology.js'

export interface ScenarioOutcome {
  scenario: Scenario
  before: {truth: GroundTruth; audit: Audit; probes: ProbeVerdicts; disagreements: string[]}
  /** Absent for the correct configuration, which has nothing to fix. */
  after?: {fixes: CommandRun[]; serviceFixed: boolean; truth: GroundTruth; audit: Audit}
}

export async function runScenario(names: LabNames, scenario: Scenario): Promise<ScenarioOutcome> {
  await labUp(names)
  await scenario.apply(names)
  const truth = await measureGroundTruth(names)
  const audit = await auditRealServer(names)
  const probes = await runProbes(names)
  const before = {truth, audit, probes, disagreements: [...disagreements(scenario, truth, audit), ...probeDisagreements(truth, probes)]}
  if (scenario.causes.length === 0) return {scenario, before}

  const fixes = await runPrintedCommands(names, printedRuntimeCommands(audit))
  if (scenario.serviceFix) await scenario.serviceFix(names)
  return {scenario, before, after: {fixes, serviceFixed: scenario.serviceFix !== undefined, truth: await measureGroundTruth(names), audit: await auditRealServer(names)}}
}
