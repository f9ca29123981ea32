/**
 * Shared options and verdict for the two sysctl checks (live and boot-time), so the same
 * value is judged the same way wherever it comes from.
 */
import type {JSONSchemaType} from 'ajv'

import type {Ipv4ConfKey} from '../../facts/model.js'

export interface SysctlRequirement {
  key: Ipv4ConfKey
  /** Effective values that pass. */
  pass: number[]
  /** Values that pass only when every VIP on loopback has scope host (arp_ignore 3). */
  passWhenVipsScopeHost?: number[]
  /** The value remediation sets. */
  fixValue: number
  /** What a value means, for messages; `other` covers the rest (reserved values). */
  meanings: Record<string, string>
}

export const sysctlRequirementSchema: JSONSchemaType<SysctlRequirement> = {
  type: 'object',
  additionalProperties: false,
  required: ['key', 'pass', 'fixValue', 'meanings'],
  properties: {
    key: {type: 'string', enum: ['arp_ignore', 'arp_announce', 'arp_filter', 'rp_filter']},
    pass: {type: 'array', minItems: 1, items: {type: 'integer'}},
    passWhenVipsScopeHost: {type: 'array', nullable: true, items: {type: 'integer'}},
    fixValue: {type: 'integer'},
    meanings: {type: 'object', required: ['other'], properties: {other: {type: 'string'}}, additionalProperties: {type: 'string'}},
  },
}

export function passes(requirement: SysctlRequirement, effective: number, vipsScopeHost: boolean): boolean {
  if (requirement.pass.includes(effective)) return true
  return vipsScopeHost && (requirement.passWhenVipsScopeHost ?? []).includes(effective)
}

export function meaningOf(requirement: SysctlRequirement, value: number): string {
  return requirement.meanings[String(value)] ?? requirement.meanings.other ?? ''
}

/**
 * The change that makes max(all, scope) pass. With `prefer: 'scope'` the scope's own value is
 * raised when that is enough, because max() lets it override a failing `all` without touching
 * other interfaces (rp_filter: tunl0=2 beats all=1). With `prefer: 'all'` the fix goes to `all`,
 * where the ARP rules put theirs, so one command fixes every interface; the scope changes too
 * only when its own value would still fail.
 */
export function planFix(requirement: SysctlRequirement, all: number, scopeValue: number, prefer: 'scope' | 'all' = 'scope'): {scope?: number; all?: number} {
  const {fixValue} = requirement
  if (passes(requirement, Math.max(all, scopeValue), false)) return {}
  if (prefer === 'scope' && passes(requirement, Math.max(all, fixValue), false)) return {scope: fixValue}
  if (passes(requirement, Math.max(fixValue, scopeValue), false)) return {all: fixValue}
  // The scope's own value is out of range: it must change, and `all` only if it fails too.
  return passes(requirement, Math.max(all, fixValue), false) ? {scope: fixValue} : {all: fixValue, scope: fixValue}
}
