/**
 * The human report: a header, one table row per result (failures first, then unknowns), a
 * summary line, and the commands that fix the failures.
 */
import Table from 'cli-table3'

import {type Outcome, type Report, type RuleResult, SEVERITIES} from '../engine/types.js'
import {howToFix} from './how-to-fix.js'
import {type Style, stylize} from './style.js'
import {wrapText} from './wrap.js'
import type {Reporter} from './types.js'

const OUTCOME_ORDER: Outcome[] = ['fail', 'unknown', 'pass', 'not-applicable']
export const OUTCOME_STYLE: Record<Outcome, Style> = {fail: 'red', unknown: 'yellow', pass: 'green', 'not-applicable': 'gray'}
const SOURCE_LABEL: Record<Report['target']['source'], string> = {live: 'live', bundle: 'from a bundle', paste: 'from pasted text'}
const MAX_SUBJECT_WIDTH = 28
/** cli-table3 pads one space on each side of a cell. */
const CELL_PADDING = 2

export const tableReporter: Reporter = (report, {color, width}) => {
  const sorted = [...report.results].sort(byOutcomeThenSeverity)
  const fixed = [
    columnWidth('Outcome', sorted.map((r) => r.outcome)),
    columnWidth('Severity', sorted.map((r) => r.severity)),
    columnWidth('Rule', sorted.map((r) => r.ruleId)),
    Math.min(MAX_SUBJECT_WIDTH, columnWidth('Subject', sorted.map((r) => r.subject))),
  ]
  const messageWidth = Math.max(30, width - fixed.reduce((a, b) => a + b, 0) - 6)
  const table = new Table({
    head: ['Outcome', 'Severity', 'Rule', 'Subject', 'Message'],
    colWidths: [...fixed, messageWidth],
    // Cells arrive wrapped (see wrap.ts): cli-table3's own wrapping truncates long words.
    wordWrap: false,
    style: {head: color ? ['bold'] : [], border: color ? ['gray'] : []},
  })
  for (const result of sorted) {
    const cells = [result.subject, result.message].map((text, index) => wrapText(text, (index === 0 ? fixed[3]! : messageWidth) - CELL_PADDING))
    table.push([stylize(color, OUTCOME_STYLE[result.outcome], result.outcome), result.severity, result.ruleId, ...cells])
  }

  const fixes = howToFix(report.results, color)
  return [header(report), table.toString(), summaryLine(report, color), fixes].filter(Boolean).join('\n')
}

function columnWidth(title: string, cells: readonly string[]): number {
  return Math.max(title.length, ...cells.map((cell) => cell.length)) + CELL_PADDING
}

function header(report: Report): string {
  const {target, inputs} = report
  const vips = inputs.vips.length > 0 ? `${inputs.vips.join(', ')}${inputs.vipSource === 'loopback' ? ' (found on loopback)' : inputs.vipSource === 'lb-config' ? ' (from --lb-config)' : ''}` : 'none'
  const lines = [
    `rsaudit ${report.tool.version}: ${target.hostname} (${target.osVersion}), ${SOURCE_LABEL[target.source]}`,
    `mode ${inputs.modes?.join(' + ') ?? inputs.mode}; VIPs ${vips}; ports ${inputs.ports.length > 0 ? inputs.ports.join(', ') : 'none'}`,
    ...report.notes.map((note) => `note: ${note}`),
  ]
  return `${lines.join('\n')}\n`
}

function summaryLine(report: Report, color: boolean): string {
  const {fail, unknown, pass, notApplicable} = report.summary
  const parts = [
    stylize(color && fail > 0, 'red', `${fail} failed`),
    stylize(color && unknown > 0, 'yellow', `${unknown} unknown`),
    `${pass} passed`,
    `${notApplicable} not applicable`,
  ]
  return `${parts.join(', ')}\n`
}

function byOutcomeThenSeverity(a: RuleResult, b: RuleResult): number {
  return OUTCOME_ORDER.indexOf(a.outcome) - OUTCOME_ORDER.indexOf(b.outcome) || SEVERITIES.indexOf(a.severity) - SEVERITIES.indexOf(b.severity)
}
