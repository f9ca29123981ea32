/**
 * Inbound traffic to the service port must be allowed in the Public profile, because Windows
 * always files the loopback adapter (an "unidentified network") under Public, and DR traffic
 * arrives addressed to the VIP on it. Block rules win over allow rules in Windows Firewall.
 * On 2003 (no advanced firewall) the legacy exception list decides.
 */
import {sameAddress} from '../../facts/cidr.js'
import type {WinFirewallRule} from '../../facts/windows-model.js'
import type {Evidence} from '../types.js'
import {defineCheck, NO_OPTIONS, type NoOptions, unknown} from './define-check.js'

export const winFirewallAllows = defineCheck<NoOptions>({
  name: 'win-firewall-allows',
  subjects: ['ports'],
  facts: ['interfaces'],
  optionsSchema: NO_OPTIONS,
  evaluate(subject, _options, {facts, inputs}) {
    if (subject.kind !== 'port') return unknown(`firewall checks need a port subject, not ${subject.kind}`)
    const {port} = subject
    const data = {port, ruleName: `rsaudit-LB-port-${port}`}
    const publicProfile = facts.firewallProfiles?.status === 'ok' ? facts.firewallProfiles.value.find((p) => p.name === 'Public') : undefined
    // A Public profile that is off decides on its own; the rules matter only while it is on.
    if (publicProfile && !publicProfile.enabled && facts.firewallProfiles?.status === 'ok') {
      return {outcome: 'pass', evidence: [{fact: 'Public firewall profile', value: 'off', source: facts.firewallProfiles.source}], data: {...data, how: 'the Public firewall is off'}}
    }

    if (facts.firewallProfiles?.status === 'ok' && facts.firewallRules?.status === 'ok') {
      const source = facts.firewallRules.source
      if (publicProfile === undefined) return unknown('the Public firewall profile is not in the collected output')
      const profileEvidence: Evidence = {fact: 'Public firewall profile', value: 'on', source: facts.firewallProfiles.source}
      const vips = inputs.vips.map((v) => v.address)
      const covering = facts.firewallRules.value.filter((rule) => coversPublicInbound(rule, port, vips))
      const allow = covering.find((rule) => rule.action === 'Allow')
      const block = covering.find((rule) => rule.action === 'Block')
      const evidence = [profileEvidence, ...covering.map((rule) => ({fact: `inbound rule covering TCP ${port}`, value: `${rule.name ?? rule.displayName}: ${rule.action}, profiles ${describeProfiles(rule)}`, source}))]
      const ok = allow !== undefined && block === undefined
      const how = block ? `the block rule "${block.displayName}" wins` : allow ? `allowed by "${allow.displayName}"` : `no enabled inbound allow rule for TCP ${port} includes the Public profile`
      return {outcome: ok ? 'pass' : 'fail', evidence, data: {...data, how}}
    }

    if (facts.legacyFirewall?.status === 'ok') {
      const legacy = facts.legacyFirewall.value
      const open = legacy.openPorts.find((p) => p.port === port && p.protocol === 'TCP' && p.enabled)
      const evidence = [{fact: 'Windows Firewall (2003)', value: legacy.enabled ? `on; open ports ${legacy.openPorts.map((p) => `${p.protocol} ${p.port}`).join(', ') || 'none'}` : 'off', source: facts.legacyFirewall.source}]
      const how = !legacy.enabled ? 'the firewall is off' : open ? `TCP ${port} is an enabled exception${open.name ? ` ("${open.name}")` : ''}` : `TCP ${port} is not an enabled exception`
      return {outcome: !legacy.enabled || open ? 'pass' : 'fail', evidence, data: {...data, how}}
    }

    const detail = [facts.firewallProfiles, facts.firewallRules, facts.legacyFirewall].find((f) => f?.status === 'unavailable')
    return unknown(detail?.status === 'unavailable' ? detail.detail : 'no firewall state was collected')
  },
})

function coversPublicInbound(rule: WinFirewallRule, port: number, vips: readonly string[]): boolean {
  if (!rule.enabled || rule.direction !== 'Inbound') return false
  if (rule.profiles !== 'Any' && !rule.profiles.includes('Public')) return false
  if (rule.protocol !== undefined && !/^(tcp|6|any)$/i.test(rule.protocol)) return false
  const addressOk = rule.localAddresses.length === 0 || rule.localAddresses.some((a) => /^(any|\*)$/i.test(a) || vips.some((vip) => sameAddress(vip, a)))
  return addressOk && portListCovers(rule.localPorts, port)
}

/** "Any", "80", "80,443", "8000-8080" (netsh and the cmdlets write ranges and lists this way). */
function portListCovers(ports: readonly string[], port: number): boolean {
  if (ports.length === 0) return true
  return ports.flatMap((p) => p.split(',')).some((item) => {
    const text = item.trim()
    if (/^any$/i.test(text)) return true
    const [low, high] = text.split('-').map(Number)
    return low !== undefined && !Number.isNaN(low) && port >= low && port <= (high ?? low)
  })
}

function describeProfiles(rule: WinFirewallRule): string {
  return rule.profiles === 'Any' ? 'Any' : rule.profiles.join(', ')
}
