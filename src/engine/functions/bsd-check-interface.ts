/**
 * FreeBSD and macOS must accept a packet for the VIP on the NIC although the VIP is on lo0. The
 * kernel does unless its strong end-system check is on: net.inet.ip.check_interface (FreeBSD up
 * to 13, macOS) or net.inet.ip.rfc1122_strong_es (FreeBSD 14+). FreeBSD's ip_input.c says it
 * outright: "ip_checkinterface must be disabled if you add IP aliases to the loopback interface
 * instead of the interface where the packets for those addresses are received". The value in
 * /etc/sysctl.conf is what the next boot sets.
 */
import type {JSONSchemaType} from 'ajv'

import type {StrongEsSysctl} from '../../facts/unix-model.js'
import type {Evidence} from '../types.js'
import {defineCheck, unknown} from './define-check.js'

interface Options {
  /** The value under which DR works (0: the check is off). */
  pass: number
}

const optionsSchema: JSONSchemaType<Options> = {
  type: 'object',
  additionalProperties: false,
  required: ['pass'],
  properties: {pass: {type: 'integer'}},
}

export const bsdCheckInterface = defineCheck<Options>({
  name: 'bsd-check-interface',
  subjects: ['host'],
  facts: ['checkInterface'],
  optionsSchema,
  evaluate(_subject, options, {facts}) {
    if (facts.checkInterface?.status !== 'ok') return unknown('the strong end-system sysctl could not be read')
    const entries = facts.checkInterface.value
    if (entries.length === 0) return {outcome: 'not-applicable', evidence: [], data: {}, reason: 'this kernel has neither net.inet.ip.check_interface nor net.inet.ip.rfc1122_strong_es'}
    const source = facts.checkInterface.source
    const evidence: Evidence[] = entries.flatMap((e) => [
      {fact: e.key, value: String(e.value), source},
      ...(e.boot ? [{fact: `${e.key} at boot`, value: String(e.boot.value), source: `${e.boot.file}:${e.boot.line}`}] : []),
    ])
    const liveBad = entries.find((e) => e.value !== options.pass)
    const bootBad = entries.find((e) => e.boot !== undefined && e.boot.value !== options.pass)
    const shown = liveBad ?? bootBad ?? entries[0]
    return {
      outcome: liveBad || bootBad ? 'fail' : 'pass',
      evidence,
      data: {
        key: shown?.key,
        value: shown === undefined ? undefined : describe(shown),
        pass: options.pass,
        runtimeAssignment: liveBad ? `${liveBad.key}=${options.pass}` : undefined,
        bootFile: bootBad?.boot?.file,
        bootSed: bootBad ? `s/^[[:space:]]*${bootBad.key.replaceAll('.', '\\.')}[[:space:]]*=.*/${bootBad.key}=${options.pass}/` : undefined,
      },
    }
  },
})

function describe(entry: StrongEsSysctl): string {
  if (entry.boot === undefined || entry.boot.value === entry.value) return String(entry.value)
  return `${entry.value} now and ${entry.boot.value} after a reboot (${entry.boot.file}:${entry.boot.line})`
}
