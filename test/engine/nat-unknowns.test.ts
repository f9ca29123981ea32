/**
 * The NAT rules' third outcome, which RuleTester cases (pass or fail) cannot hold. When the
 * server's routes send its own connections through the load balancer, whether they reach the
 * internet depends on Auto-NAT there, which the server cannot see: the advisory is unknown and
 * says what to check, never pass (severity info keeps that out of the default exit status, see
 * exit-code.test.ts). A single default route without --gateway is unknown too, while none or
 * several fail, since they are wrong whatever the floating IP is.
 */
import {describe, expect, it} from 'vitest'

import {loadRules} from '../../src/engine/load-rules.js'
import type {Route} from '../../src/facts/model.js'
import {hostFacts} from '../helpers/host-facts.js'
import {runCase} from '../helpers/rule-tester.js'

const rules = await loadRules('rules')
const outbound = rules.find((rule) => rule.id === 'nat-outbound-internet')
const gatewayRule = rules.find((rule) => rule.id === 'nat-default-gateway')
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

describe('nat-default-gateway without --gateway', () => {
  it('does not pass a single default route blindly: unknown, asking for --gateway', () => {
    if (gatewayRule === undefined) throw new Error('nat-default-gateway is missing')
    const [result] = runCase(gatewayRule, hostFacts({routes: [viaLb]}), {mode: 'nat'})
    expect(result).toMatchObject({outcome: 'unknown', remediation: []})
    expect(result?.message).toContain('there is one default route, default via 192.0.2.1 dev eth0, but the load balancer')
    expect(result?.message).toContain('pass --gateway IP (or --lb-config)')
  })

  it('fails two default routes all the same, printing no commands without the floating IP', () => {
    if (gatewayRule === undefined) throw new Error('nat-default-gateway is missing')
    const routes = [viaLb, {...viaLb, gateway: '192.0.2.254', metric: 100}]
    const [result] = runCase(gatewayRule, hostFacts({routes}), {mode: 'nat'})
    expect(result).toMatchObject({outcome: 'fail', remediation: []})
    expect(result?.message).toContain('there are 2 default routes')
    expect(result?.message).toContain('pass --gateway IP (the floating IP) for the commands that fix it')
  })
})
