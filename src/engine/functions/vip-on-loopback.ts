/** A VIP must be configured on a loopback interface, where it is accepted but never announced. */
import {prefixContains, prefixToMask} from '../../facts/cidr.js'
import type {HostFacts} from '../../facts/model.js'
import {locateVip} from '../../facts/vip-location.js'
import {isLoopbackAdapter} from '../../facts/windows/vip-adapter.js'
import {defineCheck, NO_OPTIONS, type NoOptions, unknown} from './define-check.js'
import {addressEvidence} from './evidence.js'
import {unixRuntimeFix} from './unix-vip-fix.js'
import {vipData} from './vip-data.js'

export const vipOnLoopback = defineCheck<NoOptions>({
  name: 'vip-on-loopback',
  subjects: ['vips'],
  facts: ['interfaces'],
  optionsSchema: NO_OPTIONS,
  evaluate(subject, _options, {facts, inputs}) {
    if (subject.kind !== 'vip' || facts.interfaces.status !== 'ok') return unknown('interfaces could not be read')
    const placements = locateVip(facts.interfaces.value, subject.vip.address)
    const source = facts.interfaces.source
    const onLoopback = placements.filter((p) => p.nic.loopback)
    const elsewhere = placements.filter((p) => !p.nic.loopback).map((p) => p.nic.name)
    return {
      outcome: onLoopback.length > 0 ? 'pass' : 'fail',
      evidence:
        placements.length > 0
          ? placements.map((p) => addressEvidence(p.nic, p.cidr, p.address.scope, source))
          : [{fact: `interfaces holding ${subject.vip.address}`, value: 'none', source}],
      data: {
        ...vipData(subject.vip),
        device: onLoopback[0]?.nic.name,
        where: elsewhere.length > 0 ? `only on ${elsewhere.join(', ')}` : 'on no interface',
        ...windowsLoopback(facts, subject.vip.address),
        ...unixRuntimeFix(facts, subject.vip, inputs.vips.filter((vip) => !locateVip(facts.interfaces.status === 'ok' ? facts.interfaces.value : [], vip.address).some((p) => p.nic.loopback))),
      },
    }
  },
})

/** On Windows the fix needs an existing loopback adapter; name it, or say to install one. */
function windowsLoopback(facts: HostFacts, vip: string): Record<string, string | number | undefined> {
  if (facts.adapters === undefined) return {installHint: ''}
  const adapter = facts.adapters.status === 'ok' ? facts.adapters.value.find((a) => isLoopbackAdapter(a)) : undefined
  if (adapter) return {loopbackIndex: adapter.index, loopbackAlias: adapter.alias, lanMask: lanMask(facts, vip), installHint: ''}
  return {installHint: '. Install the Microsoft KM-TEST Loopback Adapter first (Device Manager, Add legacy hardware, Network adapters, Microsoft), then add the VIP to it'}
}

/** Windows 2000/2003 put the LAN's own mask on the loopback (vendor manual); a VIP outside every LAN gets /32. */
function lanMask(facts: HostFacts, vip: string): string {
  const interfaces = facts.interfaces.status === 'ok' ? facts.interfaces.value : []
  const lan = interfaces.flatMap((nic) => (nic.loopback ? [] : nic.addresses)).find((a) => a.family === 'inet' && a.prefixLength < 32 && prefixContains(a.address, a.prefixLength, vip))
  return prefixToMask(lan?.prefixLength ?? 32)
}
