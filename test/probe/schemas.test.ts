/**
 * The probes' --json output is a public contract described by schemas/probe-*.schema.json. Every
 * shape the verdicts produce must validate, and the schemas must be strict (an undescribed field
 * or a wrong type fails).
 */
import {describe, expect, it} from 'vitest'

import {arpVerdict} from '../../src/probe/arp-verdict.js'
import {pingVerdict} from '../../src/probe/ping-verdict.js'
import {vipPathVerdict} from '../../src/probe/vip-path-verdict.js'
import {schemaErrors} from '../helpers/probe-schemas.js'

const LB = '3e:2e:09:91:f5:f2'
const RS1 = '8e:b8:ca:eb:db:60'
const arp = (overrides: Partial<Parameters<typeof arpVerdict>[0]>) =>
  arpVerdict({vip: '192.0.2.100', interface: 'eth0', macs: [], realServerMacs: new Map(), localMac: null, expectMac: null, announcement: null, ...overrides})
const vipPath = (outcome: Parameters<typeof vipPathVerdict>[0]['outcome'], realServerMac: string | null) =>
  vipPathVerdict({vip: '192.0.2.100', port: 8080, realServer: '192.0.2.11', interface: 'eth0', source: '192.0.2.254', realServerMac, outcome, timeoutMs: 3000})

describe('probe JSON schemas accept every result shape', () => {
  it.each([
    ['one responder', arp({macs: [LB]})],
    ['two responders, one a real server', arp({macs: [RS1, LB], realServerMacs: new Map([[RS1, ['192.0.2.11']]])})],
    ['no responder', arp({})],
    ['held locally', arp({localMac: LB})],
    ['announced by a real server', arp({macs: [LB], realServerMacs: new Map([[RS1, ['192.0.2.11']]]), announcement: {port: 80, mac: RS1}})],
    ['announcement checked, no entry', arp({macs: [LB], announcement: {port: 80, mac: null}})],
  ])('probe-arp: %s', (_name, result) => {
    expect(schemaErrors('probe-arp', result)).toEqual([])
  })

  it.each([
    ['connected', vipPath({connected: true}, RS1)],
    ['refused', vipPath({connected: false, code: 'ECONNREFUSED', detail: 'x'}, RS1)],
    ['unresolved', vipPath({connected: false, code: 'EHOSTUNREACH', detail: 'x'}, null)],
  ])('probe-vip-path: %s', (_name, result) => {
    expect(schemaErrors('probe-vip-path', result)).toEqual([])
  })

  it('probe-ping: reachable, silent and failed targets', () => {
    const result = pingVerdict([
      {target: '192.0.2.11', reachable: true, packetLoss: 0, rttMs: {min: 0.047, avg: 0.049, max: 0.051, stddev: 0.002}, error: null},
      {target: '2001:db8::1', reachable: false, packetLoss: 100, rttMs: null, error: null},
      {target: '203.0.113.5', reachable: false, packetLoss: null, rttMs: null, error: 'ping: connect: Network is unreachable'},
    ])
    expect(schemaErrors('probe-ping', result)).toEqual([])
  })
})

describe('probe JSON schemas are strict', () => {
  it('refuse an undescribed field, a bad MAC and a wrong type', () => {
    expect(schemaErrors('probe-arp', {...arp({macs: [LB]}), extra: 1})).toContain(' must NOT have additional properties')
    expect(schemaErrors('probe-arp', {...arp({}), responders: [{mac: '3E:2E:09:91:F5:F2', realServer: null}]}).join()).toMatch(/must match pattern/)
    expect(schemaErrors('probe-vip-path', {...vipPath({connected: true}, RS1), port: '8080'}).join()).toMatch(/must be integer/)
    expect(schemaErrors('probe-ping', {targets: [], problem: false, message: 'x'}).join()).toMatch(/must NOT have fewer than 1 items/)
  })
})
