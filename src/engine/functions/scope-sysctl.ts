/**
 * Judges max(all, SCOPE) for one named /proc/sys/net/ipv4/conf scope that is not an ARP
 * interface: `default`, which every interface created later starts from (arp-default), or a
 * device such as tunl0 (tun-rp-filter). A device that does not exist yet will start from
 * `default` when it is created, so `default` is judged in its place, and the fix still names
 * the device, to be run once it exists.
 */
import type {JSONSchemaType} from 'ajv'

import {effectiveValue, sysctlKey} from '../../facts/effective-sysctl.js'
import {sysctlDropInPath} from '../../facts/sysctl-drop-in.js'
import type {Evidence} from '../types.js'
import {defineCheck, unknown} from './define-check.js'
import {confEvidence, readHint} from './evidence.js'
import {meaningOf, planFix, type SysctlRequirement, sysctlRequirementSchema} from './sysctl-judgement.js'

interface Options {
  scope: string
  /** Where the fix goes first: the scope itself, or `all` (see planFix). */
  prefer: 'scope' | 'all'
  requirements: SysctlRequirement[]
}

const optionsSchema: JSONSchemaType<Options> = {
  type: 'object',
  additionalProperties: false,
  required: ['scope', 'prefer', 'requirements'],
  properties: {
    scope: {type: 'string', minLength: 1},
    prefer: {type: 'string', enum: ['scope', 'all']},
    requirements: {type: 'array', minItems: 1, items: sysctlRequirementSchema},
  },
}

export const scopeSysctl = defineCheck<Options>({
  name: 'scope-sysctl',
  subjects: ['host'],
  facts: ['interfaces', 'ipv4Conf'],
  optionsSchema,
  evaluate(_subject, {scope, prefer, requirements}, {facts}) {
    if (facts.ipv4Conf.status !== 'ok' || facts.interfaces.status !== 'ok') return unknown('interface or sysctl facts are missing')
    const conf = facts.ipv4Conf.value
    const exists = scope === 'default' || facts.interfaces.value.some((nic) => nic.name === scope)
    const judged = exists ? scope : 'default'
    const evidence: Evidence[] = []
    const failing: string[] = []
    const data: Record<string, string | number | undefined> = {scope, judged: exists ? scope : `default (${scope} does not exist yet and will start from it)`}
    for (const requirement of requirements) {
      const {key} = requirement
      evidence.push(confEvidence(facts.ipv4Conf.source, 'all', key, conf.all?.[key]), confEvidence(facts.ipv4Conf.source, judged, key, conf[judged]?.[key]))
      const value = effectiveValue(conf, judged, key)
      if (value === undefined) return unknown(`could not read ${sysctlKey('all', key)} and ${sysctlKey(judged, key)}${readHint(facts.privileged)}`, evidence)
      evidence.push({fact: `effective ${key} on ${judged}`, value: String(value.effective), source: `max(all, ${judged})`})
      const fix = planFix(requirement, value.all, value.ifaceValue, prefer)
      if (fix.all !== undefined || fix.scope !== undefined) failing.push(`${key} is ${value.effective} = max(all=${value.all}, ${judged}=${value.ifaceValue}), which ${meaningOf(requirement, value.effective)}`)
      data[`${key}_effective`] = value.effective
      data[`${key}_meaning`] = meaningOf(requirement, value.effective)
      data[`${key}_allAssignment`] = fix.all === undefined ? undefined : `${sysctlKey('all', key)}=${fix.all}`
      data[`${key}_scopeAssignment`] = fix.scope === undefined ? undefined : `${sysctlKey(scope, key)}=${fix.scope}`
      data[`${key}_allLine`] = fix.all === undefined ? undefined : `${sysctlKey('all', key)} = ${fix.all}`
      data[`${key}_scopeLine`] = fix.scope === undefined ? undefined : `${sysctlKey(scope, key)} = ${fix.scope}`
    }

    data.failing = failing.join('; ')
    data.dropInFile = sysctlDropInPath(facts.bootSysctl.status === 'ok' ? facts.bootSysctl.value : undefined, requirements.map((r) => r.key))
    return {outcome: failing.length === 0 ? 'pass' : 'fail', evidence, data}
  },
})
