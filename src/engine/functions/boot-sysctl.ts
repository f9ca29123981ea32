/**
 * Judges the values systemd-sysctl will leave at boot, for each ARP interface. An interface
 * takes its own key if a file sets it, else `default` (the kernel copies it to interfaces
 * never written explicitly), else the kernel default 0; `all` falls back to 0. Then the same
 * max() as live applies. Live values that differ are named, with the file:line that wins.
 * In TUN mode only interfaces whose subnet holds a VIP are judged (see tun-off-link.ts).
 */
import type {JSONSchemaType} from 'ajv'

import {sysctlKey} from '../../facts/effective-sysctl.js'
import type {BootSysctl, BootSysctlReport} from '../../facts/model.js'
import {sysctlDropInPath} from '../../facts/sysctl-drop-in.js'
import type {Evidence} from '../types.js'
import {defineCheck, unknown} from './define-check.js'
import {passes, type SysctlRequirement, sysctlRequirementSchema} from './sysctl-judgement.js'
import {offLinkInTun} from './tun-off-link.js'

interface Options {
  requirements: SysctlRequirement[]
}

const optionsSchema: JSONSchemaType<Options> = {
  type: 'object',
  additionalProperties: false,
  required: ['requirements'],
  properties: {requirements: {type: 'array', minItems: 1, items: sysctlRequirementSchema}},
}

const KERNEL_DEFAULT = 0

export const bootSysctl = defineCheck<Options>({
  name: 'boot-sysctl',
  subjects: ['arp-interfaces'],
  facts: ['interfaces', 'bootSysctl'],
  optionsSchema,
  evaluate(subject, {requirements}, {facts, inputs}) {
    if (subject.kind !== 'interface' || facts.bootSysctl.status !== 'ok') return unknown('boot-time sysctl files could not be read')
    const offLink = offLinkInTun(subject.nic, inputs)
    if (offLink) return offLink
    const boot = facts.bootSysctl.value
    const iface = subject.nic.name
    const live = facts.ipv4Conf.status === 'ok' ? facts.ipv4Conf.value : undefined
    const evidence: Evidence[] = []
    const failing: string[] = []
    const drift: string[] = []
    const data: Record<string, string | number | undefined> = {interface: iface}

    for (const requirement of requirements) {
      const {key, fixValue} = requirement
      const all = lookup(boot, sysctlKey('all', key))
      const own = lookup(boot, sysctlKey(iface, key)) ?? lookup(boot, sysctlKey('default', key))
      const allValue = numeric(all)
      const ownValue = numeric(own)
      const effective = Math.max(allValue, ownValue)
      evidence.push(bootEvidence(sysctlKey('all', key), all), bootEvidence(sysctlKey(iface, key), own))
      if (!passes(requirement, effective, false)) failing.push(`${key} would be ${effective}`)
      const liveAll = live?.all?.[key]
      const liveOwn = live?.[iface]?.[key]
      if (liveAll !== undefined && liveOwn !== undefined && Math.max(liveAll, liveOwn) !== effective) {
        drift.push(`${key} is ${Math.max(liveAll, liveOwn)} now but ${effective} after a reboot (${origin(all)}; ${origin(own)})`)
      }

      data[`${key}_allLine`] = `${sysctlKey('all', key)} = ${fixValue}`
      data[`${key}_ifaceLine`] = ownValue > fixValue && !passes(requirement, ownValue, false) ? `${sysctlKey(iface, key)} = ${fixValue}` : undefined
    }

    for (const dead of boot.deadKeys) {
      evidence.push({fact: dead.key, value: `${dead.value} (no such interface here: harmless)`, source: `${dead.file}:${dead.line}`})
    }

    data.failing = failing.join(', ')
    data.drift = drift.length > 0 ? ` Drift: ${drift.join('; ')}.` : ''
    data.dropInFile = sysctlDropInPath(boot, requirements.map((r) => r.key))
    return {outcome: failing.length === 0 ? 'pass' : 'fail', evidence, data}
  },
})

function lookup(boot: BootSysctlReport, key: string): BootSysctl | undefined {
  return boot.values.find((value) => value.key === key)
}

function numeric(value: BootSysctl | undefined): number {
  const parsed = value === undefined ? Number.NaN : Number.parseInt(value.value, 10)
  return Number.isNaN(parsed) ? KERNEL_DEFAULT : parsed
}

function origin(value: BootSysctl | undefined): string {
  return value === undefined ? 'no file sets it' : `${value.key} = ${value.value} at ${value.file}:${value.line}`
}

function bootEvidence(key: string, value: BootSysctl | undefined): Evidence {
  return value === undefined
    ? {fact: `boot ${key}`, value: `${KERNEL_DEFAULT} (kernel default)`, source: 'no sysctl.d file sets it'}
    : {fact: `boot ${key}`, value: value.value, source: `${value.file}:${value.line}`}
}
