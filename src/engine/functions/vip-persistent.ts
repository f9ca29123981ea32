/**
 * A VIP must come back after a reboot: some boot-time mechanism that really runs (an
 * executable rc.local, an enabled network service) must put it on a loopback interface.
 */
import {sameAddress} from '../../facts/cidr.js'
import type {PersistedAddress} from '../../facts/model.js'
import {preferredVipMechanism} from '../../facts/vip-mechanism.js'
import type {Evidence} from '../types.js'
import {defineCheck, NO_OPTIONS, type NoOptions, unknown} from './define-check.js'
import {vipData} from './vip-data.js'
import {vipPersistenceFix} from './vip-persistence-fix.js'

export const vipPersistent = defineCheck<NoOptions>({
  name: 'vip-persistent',
  subjects: ['vips'],
  facts: ['persistedAddresses', 'networkStack'],
  optionsSchema: NO_OPTIONS,
  evaluate(subject, _options, {facts, inputs}) {
    if (subject.kind !== 'vip' || facts.persistedAddresses.status !== 'ok' || facts.networkStack.status !== 'ok') {
      return unknown('boot-time network configuration could not be read')
    }

    const persisted = facts.persistedAddresses.value
    const entries = persistedOnLoopback(persisted, subject.vip.address)
    const working = entries.filter((entry) => entry.effective)
    const missing = inputs.vips.filter((vip) => !persistedOnLoopback(persisted, vip.address).some((e) => e.effective))
    const mechanism = preferredVipMechanism(facts.networkStack.value)
    const evidence: Evidence[] = entries.map((entry) => ({
      fact: `${entry.mechanism} address on ${entry.interface}`,
      value: `${entry.address}${entry.prefixLength === undefined ? '' : `/${entry.prefixLength}`}${entry.effective ? '' : ` (not applied at boot: ${entry.note ?? 'inactive'})`}`,
      source: `${entry.file}:${entry.line}`,
    }))
    if (entries.length === 0) evidence.push({fact: `boot-time configuration for ${subject.vip.address}`, value: 'none found', source: facts.persistedAddresses.source})
    return {
      outcome: working.length > 0 ? 'pass' : 'fail',
      evidence,
      data: {
        ...vipData(subject.vip),
        ...vipPersistenceFix(mechanism, subject.vip, missing),
        mechanism: working[0]?.mechanism ?? mechanism,
        where: working[0] ? `${working[0].file}:${working[0].line}` : undefined,
        why: entries.length === 0 ? 'no boot-time configuration adds it' : `it is configured but not applied at boot (${entries.map((e) => e.note ?? e.mechanism).join('; ')})`,
      },
    }
  },
})

function persistedOnLoopback(persisted: readonly PersistedAddress[], vip: string): PersistedAddress[] {
  return persisted.filter((entry) => /^lo(:|$)/.test(entry.interface) && sameAddress(entry.address, vip))
}
