/**
 * The JSON report is a public contract described by schemas/report.schema.json. Reports
 * built from real rules (failures with remediation, unknowns, not-applicables, a host with
 * no VIP) must validate, and the schema must be strict: a field it does not describe, at any
 * level, must fail validation, or the contract would drift unnoticed.
 */
import {readFileSync} from 'node:fs'

import {Ajv} from 'ajv'
import {describe, expect, it} from 'vitest'

import type {Report} from '../../src/engine/types.js'
import {jsonReporter} from '../../src/report/json.js'
import {hostFacts} from '../helpers/host-facts.js'
import {halfConfiguredServer, reportFor, unconfiguredTwoNicServer, unprivilegedServer} from './reports.js'

const schema = JSON.parse(readFileSync('schemas/report.schema.json', 'utf8')) as object
const validate = new Ajv({allErrors: true, strict: false}).compile(schema)

function rendered(report: Report): unknown {
  return JSON.parse(jsonReporter(report, {color: false, width: 80}))
}

/** ajv's errors as `path message` lines, so a failing test shows what broke. */
function schemaErrors(document: unknown): string[] {
  return validate(document) ? [] : (validate.errors ?? []).map((error) => `${error.instancePath || '/'} ${error.message ?? ''}`)
}

describe('jsonReporter', () => {
  it('prints the report itself as indented JSON with a final newline', () => {
    const report = reportFor(halfConfiguredServer())
    const text = jsonReporter(report, {color: true, width: 80})
    expect(text.endsWith('}\n')).toBe(true)
    expect(text).toContain('\n  "schemaVersion": 1,')
    expect(JSON.parse(text)).toEqual(report)
  })
})

describe('report.schema.json accepts real reports', () => {
  it('validates a report with failures and remediation', () => {
    const report = reportFor(halfConfiguredServer())
    expect(report.results.some((r) => r.outcome === 'fail' && r.remediation.length > 0)).toBe(true)
    expect(schemaErrors(rendered(report))).toEqual([])
  })

  it('validates a report with unknown and not-applicable results', () => {
    const report = reportFor(unprivilegedServer(), {ports: []})
    expect(new Set(report.results.map((r) => r.outcome))).toEqual(new Set(['unknown', 'not-applicable', 'pass', 'fail']))
    expect(schemaErrors(rendered(report))).toEqual([])
  })

  it('validates a report with no VIP at all and every sysctl failing on two interfaces', () => {
    const report = reportFor(unconfiguredTwoNicServer(), {vips: [], ports: [], mode: 'tun'})
    expect(report.inputs).toEqual({vips: [], vipSource: 'none', ports: [], mode: 'tun'})
    expect(schemaErrors(rendered(report))).toEqual([])
  })

  it('validates a report whose OS identity was unavailable', () => {
    const facts = {...hostFacts(), os: {status: 'unavailable', reason: 'nonzero-exit', detail: 'no os-release', source: 'test'} as const}
    const report = reportFor(facts)
    expect(report.target).toEqual({hostname: 'unknown', platform: 'unknown', osVersion: 'unknown', source: 'bundle'})
    expect(schemaErrors(rendered(report))).toEqual([])
  })

  it('counts each outcome in the summary', () => {
    const {summary, results} = reportFor(unprivilegedServer(), {ports: []})
    const count = (outcome: string) => results.filter((r) => r.outcome === outcome).length
    expect(summary).toEqual({pass: count('pass'), fail: count('fail'), unknown: count('unknown'), notApplicable: count('not-applicable')})
  })
})

type ResultDocument = Record<string, unknown> & {evidence: object[]; remediation: object[]}
type ReportDocument = Record<string, unknown> & {summary: object; results: ResultDocument[]}

describe('report.schema.json is strict', () => {
  const base = () => rendered(reportFor(halfConfiguredServer())) as ReportDocument

  it.each([
    ['the top level', (doc: ReportDocument) => Object.assign(doc, {extra: true})],
    ['a result', (doc: ReportDocument) => Object.assign(doc.results[0] ?? {}, {extra: true})],
    ['an evidence item', (doc: ReportDocument) => Object.assign(doc.results.find((r) => r.evidence.length > 0)?.evidence[0] ?? {}, {extra: true})],
    ['a remediation item', (doc: ReportDocument) => Object.assign(doc.results.find((r) => r.remediation.length > 0)?.remediation[0] ?? {}, {extra: true})],
    ['the summary', (doc: ReportDocument) => Object.assign(doc.summary, {skipped: 0})],
  ])('rejects an extra field in %s', (_where, addField) => {
    const document = base()
    addField(document)
    expect(schemaErrors(document)).toContainEqual(expect.stringContaining('must NOT have additional properties'))
  })

  it('rejects an unknown outcome and a missing field', () => {
    const document = base()
    const [first] = document.results
    if (first === undefined) throw new Error('the report has no results')
    first.outcome = 'skipped'
    delete document.notes
    expect(schemaErrors(document)).toEqual(expect.arrayContaining([expect.stringContaining('/results/0/outcome'), expect.stringContaining("required property 'notes'")]))
  })
})
