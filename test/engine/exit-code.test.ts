/**
 * The exit status is the contract scripts and CI depend on: 0 nothing failed at or above
 * --fail-on, 1 something did, 3 nothing failed (at the threshold) but an applicable rule at
 * or above the threshold could not be decided. Every --fail-on level is checked against a failure of every severity.
 */
import {describe, expect, it} from 'vitest'

import {EXIT, exitCodeFor} from '../../src/engine/exit-code.js'
import {type Outcome, type RuleResult, SEVERITIES, type Severity} from '../../src/engine/types.js'

function result(outcome: Outcome, severity: Severity = 'critical'): RuleResult {
  return {ruleId: `rule-${outcome}-${severity}`, title: 't', severity, outcome, subject: 'eth0', message: 'm', evidence: [], remediation: []}
}

const exitFor = (failOn: Severity, ...results: RuleResult[]) => exitCodeFor({results}, failOn)

describe('exitCodeFor', () => {
  it('keeps the documented numbers', () => {
    expect(EXIT).toEqual({ok: 0, failed: 1, usage: 2, unknown: 3})
  })

  it('is 0 when nothing failed or was unknown', () => {
    expect(exitFor('info')).toBe(0)
    expect(exitFor('info', result('pass'), result('not-applicable'))).toBe(0)
  })

  it('is 1 for a failure at the threshold and for one above it', () => {
    expect(exitFor('high', result('fail', 'high'))).toBe(1)
    expect(exitFor('high', result('fail', 'critical'))).toBe(1)
  })

  it('is 0 for a failure below the threshold only', () => {
    expect(exitFor('high', result('fail', 'medium'), result('fail', 'info'), result('pass'))).toBe(0)
  })

  it('is 3 for an unknown result without failures', () => {
    expect(exitFor('info', result('pass'), result('unknown'))).toBe(3)
  })

  it('is 3 for an unknown result at the threshold next to a failure below it', () => {
    expect(exitFor('high', result('fail', 'low'), result('unknown', 'high'))).toBe(3)
  })

  it('is 1 for a failure plus an unknown: the failure wins', () => {
    expect(exitFor('info', result('unknown'), result('fail', 'low'))).toBe(1)
  })

  // An undecided rule below --fail-on could not have made the status 1, so the verdict is
  // complete without it: NAT's info advisories stay unknown without turning a default run into 3.
  it('counts an unknown result only at or above --fail-on', () => {
    const table = Object.fromEntries(SEVERITIES.map((failOn) => [failOn, SEVERITIES.map((severity) => exitFor(failOn, result('unknown', severity)))]))
    expect(table).toEqual({
      critical: [3, 0, 0, 0, 0],
      high: [3, 3, 0, 0, 0],
      medium: [3, 3, 3, 0, 0],
      low: [3, 3, 3, 3, 0],
      info: [3, 3, 3, 3, 3],
    })
  })

  // Rows: --fail-on; columns: the severity of the only (failing) result, most severe first.
  it('fails exactly at and above every --fail-on level', () => {
    const table = Object.fromEntries(SEVERITIES.map((failOn) => [failOn, SEVERITIES.map((severity) => exitFor(failOn, result('fail', severity)))]))
    expect(table).toEqual({
      critical: [1, 0, 0, 0, 0],
      high: [1, 1, 0, 0, 0],
      medium: [1, 1, 1, 0, 0],
      low: [1, 1, 1, 1, 0],
      info: [1, 1, 1, 1, 1],
    })
  })

  it('orders severities from most to least severe', () => {
    expect(SEVERITIES).toEqual(['critical', 'high', 'medium', 'low', 'info'])
  })
})
