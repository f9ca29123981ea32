/** Whether a rule applies to this audit at all: the mode and the platform (with version range). */
import type {Mode, Rule} from './types.js'

export interface TargetPlatform {
  os: string
  kernel?: string
  release?: string
}

export function ruleApplies(rule: Rule, mode: Mode, platform: TargetPlatform): boolean {
  if (!rule.modes.includes(mode)) return false
  return rule.platforms.some((selector) => {
    if (selector.os !== platform.os) return false
    if (selector.version === undefined) return true
    const actual = selector.version.of === 'kernel' ? platform.kernel : platform.release
    // An unknown version ('unknown' from a paste, or none) does not exclude the rule: the
    // checks themselves judge the facts, and dropping the rule would hide it from the report.
    if (actual === undefined || !/^\d/.test(actual)) return true
    const {min, max} = selector.version
    // A maximum of "5.2" covers 5.2.3790: compare only as many parts as the bound names.
    return (min === undefined || compareVersions(actual, min) >= 0) && (max === undefined || compareVersions(truncate(actual, max), max) <= 0)
  })
}

function truncate(version: string, bound: string): string {
  return version.split('.').slice(0, bound.split('.').length).join('.')
}

/** Compares the leading dotted numbers (`5.15.0-91-generic` reads as 5.15.0). */
export function compareVersions(a: string, b: string): number {
  const parts = (v: string) => (/^\d+(\.\d+)*/.exec(v)?.[0] ?? '0').split('.').map(Number)
  const left = parts(a)
  const right = parts(b)
  for (let i = 0; i < Math.max(left.length, right.length); i++) {
    const diff = (left[i] ?? 0) - (right[i] ?? 0)
    if (diff !== 0) return Math.sign(diff)
  }

  return 0
}
