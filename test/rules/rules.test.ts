/**
 * Runs every rule in rules/ against its cases in test/rules/cases/<id>.ts. A rule without a
 * cases file, or without both a valid and an invalid case, fails here.
 */
import {existsSync} from 'node:fs'

import {describe, expect, it} from 'vitest'

import {loadRules} from '../../src/engine/load-rules.js'
import {assertInvalid, assertValid, type RuleCases} from '../helpers/rule-tester.js'

const rules = await loadRules('rules')

describe.each(rules.map((rule) => [rule.id, rule] as const))('rule %s', (id, rule) => {
  const casesPath = new URL(`cases/${id}.ts`, import.meta.url)

  it('has a cases file with valid and invalid cases', async () => {
    expect(existsSync(casesPath), `missing test/rules/cases/${id}.ts`).toBe(true)
    const {cases} = (await import(casesPath.href)) as {cases: RuleCases}
    expect(cases.valid.length).toBeGreaterThan(0)
    expect(cases.invalid.length).toBeGreaterThan(0)
  })

  it.runIf(existsSync(casesPath))('passes its valid cases and fails its invalid ones', async () => {
    const {cases} = (await import(casesPath.href)) as {cases: RuleCases}
    const names = [...cases.valid, ...cases.invalid].map((c) => c.name)
    expect(new Set(names).size, 'case names must be unique').toBe(names.length)
    for (const testCase of cases.valid) assertValid(rule, testCase)
    for (const testCase of cases.invalid) assertInvalid(rule, testCase)
  })
})

it('found the rules', () => {
  expect(rules.length).toBeGreaterThanOrEqual(9)
})
