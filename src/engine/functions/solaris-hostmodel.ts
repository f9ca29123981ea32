/**
 * Solaris 11 / illumos `hostmodel` must let a packet for the VIP in through the NIC although the
 * VIP is on lo0. `weak` (the default) does; `src-priority` does too (it only prefers the source
 * address's interface for OUTgoing packets); `strong` drops it (Oracle Solaris tunable parameters
 * manual, "hostmodel"). Both the value now and the one persisted for the next boot count, and
 * only the protocols of the VIPs being checked (IPv4 when none are given).
 */
import type {JSONSchemaType} from 'ajv'

import type {HostModelSetting} from '../../facts/unix-model.js'
import type {Evidence} from '../types.js'
import {defineCheck, unknown} from './define-check.js'

interface Options {
  /** Values under which DR works. */
  pass: string[]
}

const optionsSchema: JSONSchemaType<Options> = {
  type: 'object',
  additionalProperties: false,
  required: ['pass'],
  properties: {pass: {type: 'array', items: {type: 'string'}, minItems: 1}},
}

export const solarisHostmodel = defineCheck<Options>({
  name: 'solaris-hostmodel',
  subjects: ['host'],
  facts: ['hostModel'],
  optionsSchema,
  evaluate(_subject, options, {facts, inputs}) {
    if (facts.hostModel?.status !== 'ok') return unknown('the IP host model could not be read')
    const protocols = new Set(inputs.vips.length === 0 ? ['ipv4'] : inputs.vips.map((vip) => (vip.family === 'inet' ? 'ipv4' : 'ipv6')))
    const rows = facts.hostModel.value.filter((row) => protocols.has(row.protocol))
    if (rows.length === 0) return unknown(`ipadm printed no hostmodel for ${[...protocols].join(' or ')}`)
    const bad = (value: string | undefined) => value !== undefined && !options.pass.includes(value)
    const failing = rows.filter((row) => bad(row.current) || bad(row.persistent))
    const source = facts.hostModel.source
    const evidence: Evidence[] = rows.map((row) => ({fact: `hostmodel (${row.protocol})`, value: describe(row), source}))
    return {
      outcome: failing.length === 0 ? 'pass' : 'fail',
      evidence,
      data: {
        settings: rows.map((row) => `${row.protocol} ${describe(row)}`).join(', '),
        failing: failing.map((row) => `${row.protocol} ${describe(row)}`).join(', '),
        failingIpv4: failing.some((row) => row.protocol === 'ipv4') ? 'ipv4' : undefined,
        failingIpv6: failing.some((row) => row.protocol === 'ipv6') ? 'ipv6' : undefined,
      },
    }
  },
})

function describe(row: HostModelSetting): string {
  return row.persistent === undefined || row.persistent === row.current ? row.current : `${row.current} now, ${row.persistent} after a reboot`
}
