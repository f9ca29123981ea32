/**
 * The packaged rules (rules/*.yaml), loaded once per test file, for tests that drive the
 * engine and reporters with the real rule set rather than hand-made rules.
 */
import {loadRules} from '../../src/engine/load-rules.js'
import type {Rule} from '../../src/engine/types.js'

export const allRules: readonly Rule[] = await loadRules('rules')

/** The rules that apply to Linux: these tests drive the engine with Linux host facts. Windows rules have their own cases. */
export const realRules: readonly Rule[] = allRules.filter((rule) => rule.platforms.some((platform) => platform.os === 'linux'))

/** @throws {Error} when rules/<id>.yaml did not load, so a renamed rule fails loudly. */
export function ruleById(id: string): Rule {
  const rule = allRules.find((candidate) => candidate.id === id)
  if (rule === undefined) throw new Error(`rules/${id}.yaml did not load`)
  return rule
}
