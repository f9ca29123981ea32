/**
 * The packaged rules (rules/*.yaml), loaded once per test file, for tests that drive the
 * engine and reporters with the real rule set rather than hand-made rules.
 */
import {loadRules} from '../../src/engine/load-rules.js'
import type {Rule} from '../../src/engine/types.js'

export const realRules: readonly Rule[] = await loadRules('rules')

/** @throws {Error} when rules/<id>.yaml did not load, so a renamed rule fails loudly. */
export function ruleById(id: string): Rule {
  const rule = realRules.find((candidate) => candidate.id === id)
  if (rule === undefined) throw new Error(`rules/${id}.yaml did not load`)
  return rule
}
