/**
 * Per-interface IP settings that Windows DR needs (Get-NetIPInterface / netsh show interface):
 * weak host receive and send on the loopback holding a VIP, weak host receive on the NIC that
 * receives the load balancer's traffic, and metric 254 on a 2000/2003 loopback. Checked for
 * the address family of the VIP: IPv4 and IPv6 settings are separate.
 */
import type {JSONSchemaType} from 'ajv'

import type {AddressFamily} from '../../facts/model.js'
import {loopbackHolders, ripInterfaces, sameAlias} from '../../facts/windows/vip-adapter.js'
import type {WinAddress, WinIpInterface} from '../../facts/windows-model.js'
import type {Evidence} from '../types.js'
import {defineCheck, unknown} from './define-check.js'
import {vipData} from './vip-data.js'

interface Options {
  setting: 'weakHostReceive' | 'weakHostSend' | 'interfaceMetric'
  /** true for the weak host switches, a number for the metric. */
  expect: boolean | number
  /** The adapter holding the VIP, or the interfaces holding the server's own addresses. */
  where: 'vip-adapter' | 'rip-interfaces'
}

const optionsSchema: JSONSchemaType<Options> = {
  type: 'object',
  additionalProperties: false,
  required: ['setting', 'expect', 'where'],
  properties: {
    setting: {type: 'string', enum: ['weakHostReceive', 'weakHostSend', 'interfaceMetric']},
    expect: {type: ['boolean', 'integer']} as never,
    where: {type: 'string', enum: ['vip-adapter', 'rip-interfaces']},
  },
}

export const winIpInterface = defineCheck<Options>({
  name: 'win-ip-interface',
  subjects: ['vips'],
  facts: ['ipInterfaces', 'winAddresses', 'adapters'],
  optionsSchema,
  evaluate(subject, {setting, expect, where}, {facts, inputs}) {
    if (subject.kind !== 'vip' || facts.ipInterfaces?.status !== 'ok' || facts.winAddresses?.status !== 'ok' || facts.adapters?.status !== 'ok') {
      return unknown('IP interface settings could not be read')
    }

    const family = subject.vip.family
    const targets =
      where === 'vip-adapter'
        ? loopbackHolders(facts.winAddresses.value, facts.adapters.value, subject.vip.address)
        : ripInterfaces(facts.winAddresses.value, facts.adapters.value, inputs.vips.map((v) => v.address), family)
    const aliases = unique(targets)
    if (aliases.length === 0) {
      const reason = where === 'vip-adapter' ? `${subject.vip.address} is on no loopback adapter (see vip-on-loopback and win-loopback-adapter)` : `no interface holds a ${familyName(family)} address of this server`
      return {outcome: 'not-applicable', evidence: [], data: vipData(subject.vip), reason}
    }

    const source = facts.ipInterfaces.source
    const evidence: Evidence[] = []
    const failing: Array<{alias: string; index?: number}> = []
    for (const target of aliases) {
      const settings = facts.ipInterfaces.value.find((i) => i.family === family && (sameAlias(i.alias, target.alias) || (target.index !== undefined && i.index === target.index)))
      const value = settings?.[setting]
      evidence.push({fact: `${setting} on ${target.alias} (${familyName(family)})`, value: value === undefined ? 'not shown' : String(value), source})
      if (value === undefined) return unknown(`${setting} of ${target.alias} (${familyName(family)}) is not in the collected output`, evidence)
      if (value !== expect) failing.push({alias: target.alias, index: settings?.index ?? target.index})
    }

    const first = failing[0]
    return {
      outcome: first === undefined ? 'pass' : 'fail',
      evidence,
      data: {
        ...vipData(subject.vip),
        aliases: (failing.length > 0 ? failing : aliases).map((a) => a.alias).join(', '),
        alias: first?.alias ?? aliases[0]?.alias,
        index: first?.index,
        netshFamily: family === 'inet' ? 'ipv4' : 'ipv6',
        psFamily: family === 'inet' ? 'IPv4' : 'IPv6',
        family: familyName(family),
      },
    }
  },
})

function unique(addresses: readonly WinAddress[]): Array<Pick<WinIpInterface, 'alias' | 'index'>> {
  const seen = new Map<string, Pick<WinIpInterface, 'alias' | 'index'>>()
  for (const a of addresses) if (![...seen.keys()].some((alias) => sameAlias(alias, a.alias))) seen.set(a.alias, {alias: a.alias, index: a.index})
  return [...seen.values()]
}

function familyName(family: AddressFamily): string {
  return family === 'inet' ? 'IPv4' : 'IPv6'
}
