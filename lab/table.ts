/** The scenario × ground truth × verdict table, as Markdown (docs/lab.md keeps a copy). */
import {nonPassingRules} from './audit.js'
import {type GroundTruth, isHealthy} from './ground-truth.js'
import type {ScenarioOutcome} from './run-scenario.js'

const HEADER = [
  '| scenario | HTTP client→VIP | ARP answers for VIP | client neighbour for VIP | health check LB→RIP | rsaudit audit: rules not passing | probe arp | probe vip-path | agrees | after rsaudit\'s fixes |',
  '|---|---|---|---|---|---|---|---|---|---|',
]

export function renderTable(outcomes: ScenarioOutcome[]): string {
  return [...HEADER, ...outcomes.map(renderRow)].join('\n') + '\n'
}

function renderRow(outcome: ScenarioOutcome): string {
  const {truth, audit, probes, disagreements} = outcome.before
  const cells = [
    `${outcome.scenario.name}: ${outcome.scenario.description}`,
    truth.httpViaVip === null ? 'fails' : `ok (${truth.httpViaVip})`,
    truth.arpResponders.join(', ') || 'none',
    truth.clientNeighbourForVip ?? 'none',
    truth.healthCheck ? 'ok' : 'fails',
    code(nonPassingRules(audit)) || 'none',
    probes.arpProblem ? `problem: ${probes.arpNamesRealServers.join(', ') || 'no real server named'}` : 'only lb',
    probes.vipPathConnected ? 'connects' : 'fails',
    disagreements.length === 0 ? 'yes' : `NO: ${disagreements.join('; ')}`,
    afterCell(outcome),
  ]
  return `| ${cells.map((cell) => cell.replaceAll('|', '\\|')).join(' | ')} |`
}

function afterCell(outcome: ScenarioOutcome): string {
  if (!outcome.after) return 'nothing to fix'
  const {fixes, serviceFixed, truth, audit} = outcome.after
  const failed = fixes.filter((fix) => fix.exitCode !== 0).length
  const ran = `${fixes.length} command${fixes.length === 1 ? '' : 's'} run${failed > 0 ? ` (${failed} failed)` : ''}${serviceFixed ? ' + service rebound to 0.0.0.0' : ''}`
  const rules = nonPassingRules(audit)
  return `${ran}; network ${describeHealth(truth)}; rules not passing: ${code(rules) || 'none'}`
}

function describeHealth(truth: GroundTruth): string {
  return isHealthy(truth) ? 'healthy' : 'still broken'
}

function code(items: string[]): string {
  return items.map((item) => `\`${item}\``).join(', ')
}
