/**
 * A RuleTester in the spirit of ESLint's: each rule gets valid cases (every result passes)
 * and invalid cases (the named subjects fail). Facts are deep-frozen so a check that mutates
 * its input throws, and messages or commands with unfilled {{placeholders}} fail the case.
 */
import {expect} from 'vitest'

import {evaluateRule} from '../../src/engine/evaluate.js'
import type {AuditInputs, Mode, Rule, RuleResult} from '../../src/engine/types.js'
import type {HostFacts} from '../../src/facts/model.js'
import {familyOf} from '../../src/facts/cidr.js'

export interface CaseInputs {
  vips?: string[]
  ports?: number[]
  mode?: Mode
  method?: AuditInputs['method']
  gateway?: string
}

export interface ValidCase {
  name: string
  facts: HostFacts
  inputs?: CaseInputs
}

export interface InvalidCase extends ValidCase {
  /** Subjects expected to fail; other subjects may pass. */
  failing: string[]
  /** Text every failing message must contain. */
  messageIncludes?: string
  /** Commands that must appear in the remediation (any shell). */
  fixIncludes?: string[]
}

export interface RuleCases {
  valid: ValidCase[]
  invalid: InvalidCase[]
}

export function toInputs(inputs: CaseInputs = {}): AuditInputs {
  const vips = (inputs.vips ?? []).map((address) => ({address, family: familyOf(address) ?? 'inet'}))
  return {
    vips,
    vipSource: vips.length > 0 ? 'flag' : 'none',
    ports: inputs.ports ?? [],
    mode: inputs.mode ?? 'dr',
    ...(inputs.method ? {method: inputs.method} : {}),
    ...(inputs.gateway === undefined ? {} : {gateway: inputs.gateway}),
  }
}

export function runCase(rule: Rule, facts: HostFacts, inputs?: CaseInputs): RuleResult[] {
  const results = evaluateRule(rule, {facts: deepFreeze(structuredClone(facts)), inputs: toInputs(inputs)})
  // Fixes must be for the host's own shells: no ip/sysctl on Windows, no netsh on Linux.
  const platform = facts.os.status === 'ok' ? facts.os.value.platform : undefined
  const foreign = platform === 'windows' ? ['bash'] : ['powershell', 'cmd']
  for (const result of results) {
    expect(result.remediation.filter((fix) => foreign.includes(fix.shell)), `${rule.id} prints another platform's commands`).toEqual([])
    expect(result.message, `unfilled placeholder in ${rule.id} message`).not.toMatch(/{{/)
    for (const fix of result.remediation) for (const command of fix.commands) expect(command).not.toMatch(/{{/)
  }

  return results
}

export function assertValid(rule: Rule, testCase: ValidCase): void {
  const results = runCase(rule, testCase.facts, testCase.inputs)
  expect(results.length, 'a valid case must produce at least one result').toBeGreaterThan(0)
  for (const result of results) expect(result, result.message).toMatchObject({outcome: 'pass'})
}

export function assertInvalid(rule: Rule, testCase: InvalidCase): void {
  const results = runCase(rule, testCase.facts, testCase.inputs)
  const failing = results.filter((r) => r.outcome === 'fail')
  expect(failing.map((r) => r.subject).sort()).toEqual([...testCase.failing].sort())
  for (const result of failing) {
    if (testCase.messageIncludes) expect(result.message).toContain(testCase.messageIncludes)
    expect(result.evidence.length, 'a failure must carry evidence').toBeGreaterThan(0)
  }

  const commands = failing.flatMap((r) => r.remediation.flatMap((fix) => fix.commands))
  for (const command of testCase.fixIncludes ?? []) expect(commands).toContain(command)
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const inner of Object.values(value)) deepFreeze(inner)
    Object.freeze(value)
  }

  return value
}
