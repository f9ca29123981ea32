/**
 * The NAT advisories' third outcome. When the server's routes send its own connections through
 * the load balancer, whether they reach the internet depends on Auto-NAT there, which the
 * server cannot see: the result is unknown and says what to check, never pass. Severity info
 * keeps that out of the default exit status (see exit-code.test.ts).
 */
import {describe, expect, it} from 'vitest'

import {loadRules} from '../../src/engine/load-rules.js'
import type {Route} from '../../src/facts/model.js'
import {hostFacts} from '../helpers/host-facts.js'
import {runCase} from '../helpers/rule-tester.js'

const rules = await loadRules('rules')
const outbound = rules.find((rule) => rule.id === 'nat-outbound-internet')
const viaLb: Route = {destination: 'default', family: 'inet', table: 'main', type: 'unicast', gateway: '192.0.2.1', dev: 'eth0'}

describe('nat-outbound-internet', () => {
  it('is unknown through the load balancer, naming Auto-NAT and how to test it', () => {
    if (outbound === undefined) throw new Error('nat-outbound-internet is missing')
    const [result] = runCase(outbound, hostFacts({routes: [viaLb]}), {mode: 'nat', gateway: '192.0.2.1'})
    expect(result).toMatchObject({outcome: 'unknown', severity: 'info'})
    expect(result?.message).toContain('Auto-NAT')
    expect(result?.message).toContain('curl -m5')
  })

  it('is unknown without --gateway too: the default gateway is taken to be the load balancer', () => {
    if (outbound === undefined) throw new Error('nat-outbound-internet is missing')
    const [result] = runCase(outbound, hostFacts({routes: [viaLb]}), {mode: 'nat'})
    expect(result?.outcome).toBe('unknown')
    expect(result?.message).toContain('its default gateway (192.0.2.1)')
  })
})
