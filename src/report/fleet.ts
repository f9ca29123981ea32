/**
 * Several hosts at once (`audit --from` with many bundles): each host's own report, then a
 * rules × hosts matrix with the worst outcome per cell, so the odd server out stands out.
 */
import Table from 'cli-table3'

import type {Outcome, Report} from '../engine/types.js'
import {stylize} from './style.js'
import {OUTCOME_STYLE, tableReporter} from './table.js'
import type {ReporterContext} from './types.js'

const WORST_FIRST: Outcome[] = ['fail', 'unknown', 'pass', 'not-applicable']
const LABEL: Record<Outcome, string> = {fail: 'FAIL', unknown: 'unknown', pass: 'pass', 'not-applicable': 'n/a'}

export function fleetTable(reports: readonly Report[], context: ReporterContext): string {
  const perHost = reports.map((report) => tableReporter(report, context))
  const rules = [...new Set(reports.flatMap((report) => report.results.map((r) => r.ruleId)))]
  const table = new Table({head: ['Rule', ...reports.map((r) => r.target.hostname)], style: {head: context.color ? ['bold'] : [], border: context.color ? ['gray'] : []}})
  for (const rule of rules) table.push([rule, ...reports.map((report) => cell(report, rule, context.color))])
  const failing = reports.filter((r) => r.summary.fail > 0).length
  const summary = `Fleet: ${reports.length} hosts, ${failing} with failures`
  return [...perHost.map((text, i) => `=== ${reports[i]?.target.hostname ?? ''} ===\n${text}`), `${summary}\n${table.toString()}\n`].join('\n')
}

function cell(report: Report, ruleId: string, color: boolean): string {
  const outcomes = report.results.filter((r) => r.ruleId === ruleId).map((r) => r.outcome)
  const worst = WORST_FIRST.find((outcome) => outcomes.includes(outcome))
  if (worst === undefined) return '-'
  const count = outcomes.filter((o) => o === worst).length
  const text = worst === 'fail' && count > 1 ? `${LABEL[worst]} (${count})` : LABEL[worst]
  return stylize(color, OUTCOME_STYLE[worst], text)
}

export function fleetJson(reports: readonly Report[]): string {
  return `${JSON.stringify(reports, null, 2)}\n`
}
