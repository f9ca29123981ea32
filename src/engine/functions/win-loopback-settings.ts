/**
 * Settings of the loopback adapter holding a VIP that keep it quiet on the network: only
 * TCP/IP bound (no client, server or NetBIOS chatter), and no DNS registration of its
 * addresses (otherwise the VIP is registered under the server's own name, KB975808).
 */
import type {JSONSchemaType} from 'ajv'

import {loopbackHolders, sameAlias} from '../../facts/windows/vip-adapter.js'
import type {Evidence} from '../types.js'
import {defineCheck, type CheckOutcome, unknown} from './define-check.js'
import {vipData} from './vip-data.js'

interface Options {
  setting: 'bindings' | 'dns-registration'
}

const optionsSchema: JSONSchemaType<Options> = {
  type: 'object',
  additionalProperties: false,
  required: ['setting'],
  properties: {setting: {type: 'string', enum: ['bindings', 'dns-registration']}},
}

/** IPv4 always; IPv6 only while some VIP is IPv6 (ms_tcpip6 may stay bound then). */
const TCPIP = 'ms_tcpip'
const TCPIP6 = 'ms_tcpip6'

export const winLoopbackSettings = defineCheck<Options>({
  name: 'win-loopback-settings',
  subjects: ['vips'],
  facts: ['winAddresses', 'adapters'],
  optionsSchema,
  evaluate(subject, {setting}, {facts, inputs}) {
    if (subject.kind !== 'vip' || facts.winAddresses?.status !== 'ok' || facts.adapters?.status !== 'ok') return unknown('addresses or adapters could not be read')
    // A VIP on a NIC is win-loopback-adapter's failure; changing that NIC's settings would be wrong.
    const holder = loopbackHolders(facts.winAddresses.value, facts.adapters.value, subject.vip.address)[0]
    if (holder === undefined) return {outcome: 'not-applicable', evidence: [], data: vipData(subject.vip), reason: `${subject.vip.address} is on no loopback adapter (see vip-on-loopback and win-loopback-adapter)`}
    const base = {...vipData(subject.vip), alias: holder.alias, index: holder.index}
    if (setting === 'bindings') {
      if (facts.bindings?.status !== 'ok') return unknown(facts.bindings?.status === 'unavailable' ? facts.bindings.detail : 'adapter bindings were not collected (Get-NetAdapterBinding, or the registry\'s Linkage keys before 2012)')
      const allowed = new Set([TCPIP, ...(inputs.vips.some((v) => v.family === 'inet6') ? [TCPIP6] : [])])
      const bound = facts.bindings.value.filter((b) => sameAlias(b.alias, holder.alias) && b.enabled)
      const extra = bound.filter((b) => !allowed.has(b.componentId.toLowerCase()))
      const evidence: Evidence[] = bound.map((b) => ({fact: `bound to ${holder.alias}`, value: `${b.componentId}${b.displayName ? ` (${b.displayName})` : ''}`, source: facts.bindings?.status === 'ok' ? facts.bindings.source : ''}))
      return outcome(extra.length === 0, evidence, {...base, extra: extra.map((b) => b.displayName ?? b.componentId).join(', '), componentId: extra[0]?.componentId})
    }

    if (facts.dnsClients?.status !== 'ok') return unknown(facts.dnsClients?.status === 'unavailable' ? facts.dnsClients.detail : 'DNS client settings were not collected (Get-DnsClient, or wmic nicconfig before 2012)')
    const client = facts.dnsClients.value.find((c) => sameAlias(c.alias, holder.alias) || (holder.index !== undefined && c.index === holder.index))
    if (client === undefined) return unknown(`no DNS client settings for ${holder.alias}`)
    const evidence = [{fact: `${client.setting ?? 'RegisterThisConnectionsAddress'} on ${holder.alias}`, value: String(client.registerThisConnectionsAddress), source: facts.dnsClients.source}]
    return outcome(!client.registerThisConnectionsAddress, evidence, {...base, index: client.index ?? holder.index})
  },
})

function outcome(ok: boolean, evidence: Evidence[], data: CheckOutcome['data']): CheckOutcome {
  return {outcome: ok ? 'pass' : 'fail', evidence, data}
}
