/**
 * A VIP must come back after a reboot: some boot-time mechanism that really runs (an
 * executable rc.local, an enabled network service) must put it on a loopback interface.
 */
import {sameAddress} from '../../facts/cidr.js'
import type {Fact, HostFacts, PersistedAddress, VipPersistenceMechanism} from '../../facts/model.js'
import {preferredVipMechanism} from '../../facts/vip-mechanism.js'
import type {Evidence} from '../types.js'
import {defineCheck, NO_OPTIONS, type NoOptions, unknown} from './define-check.js'
import {solarisUsesIpadm, unixPersistenceFix} from './unix-vip-fix.js'
import {vipData} from './vip-data.js'
import {vipPersistenceFix} from './vip-persistence-fix.js'

export const vipPersistent = defineCheck<NoOptions>({
  name: 'vip-persistent',
  subjects: ['vips'],
  // networkStack too on Linux, where it picks the fix (read below, not required elsewhere).
  facts: ['persistedAddresses'],
  optionsSchema: NO_OPTIONS,
  evaluate(subject, _options, {facts, inputs}) {
    const mechanism = fixMechanism(facts)
    if (subject.kind !== 'vip' || facts.persistedAddresses.status !== 'ok' || mechanism.status !== 'ok') {
      return unknown(mechanism.status === 'ok' ? 'boot-time network configuration could not be read' : mechanism.detail)
    }

    const persisted = facts.persistedAddresses.value
    const entries = persistedOnLoopback(persisted, subject.vip.address)
    const working = entries.filter((entry) => entry.effective)
    const missing = inputs.vips.filter((vip) => !persistedOnLoopback(persisted, vip.address).some((e) => e.effective))
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
        ...vipPersistenceFix(mechanism.value, subject.vip, missing),
        ...unixPersistenceFix(mechanism.value, facts, subject.vip, missing),
        mechanism: working[0]?.mechanism ?? mechanism.value,
        where: working[0] ? `${working[0].file}:${working[0].line}` : undefined,
        why: entries.length === 0 ? nothingPersists(mechanism.value) : `it is configured but not applied at boot (${entries.map((e) => e.note ?? e.mechanism).join('; ')})`,
      },
    }
  },
})

/** lo and its labels (lo:0) on Linux; lo0, lo1 and Solaris logical interfaces (lo0:1) elsewhere. */
function persistedOnLoopback(persisted: readonly PersistedAddress[], vip: string): PersistedAddress[] {
  return persisted.filter((entry) => /^lo\d*(:|$)/.test(entry.interface) && sameAddress(entry.address, vip))
}

/** The boot-time mechanism the fix uses: the host's network stack on Linux, the OS's own elsewhere. */
function fixMechanism(facts: HostFacts): Fact<VipPersistenceMechanism> {
  const platform = facts.os.status === 'ok' ? facts.os.value.platform : 'linux'
  const fixed = (value: VipPersistenceMechanism): Fact<VipPersistenceMechanism> => ({status: 'ok', value, source: 'platform'})
  if (platform === 'solaris') return fixed(solarisUsesIpadm(facts) ? 'ipadm' : 'hostname-file')
  if (platform === 'freebsd') return fixed('rc.conf')
  if (platform === 'darwin') return fixed('launchd')
  if (facts.networkStack.status !== 'ok') return facts.networkStack
  return {...facts.networkStack, value: preferredVipMechanism(facts.networkStack.value)}
}

function nothingPersists(mechanism: VipPersistenceMechanism): string {
  if (mechanism === 'launchd') return 'macOS does not keep lo0 aliases across a reboot, and no launchd job in /Library/LaunchDaemons adds it at load'
  return 'no boot-time configuration adds it'
}
