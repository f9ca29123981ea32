import {describe, expect, it} from 'vitest'

import {planFromLbConfig} from '../../src/engine/lb-plan.js'
import {UserError} from '../../src/errors.js'
import type {LbConfig} from '../../src/facts/lb-config.js'
import {parseKeepalivedConf} from '../../src/parse/lb/keepalived-conf.js'
import {hostFacts, unavailable} from '../helpers/host-facts.js'

// Synthetic configuration: the real ones are exercised in test/facts/lb-expectations.test.ts.
const MIXED: LbConfig = {
  format: 'keepalived',
  services: [
    {vip: '198.51.100.10', port: 80, protocol: 'tcp', realServers: [{address: '192.0.2.10', port: 80, method: 'dr', weight: 1, fallback: false}]},
    {vip: '198.51.100.20', port: 443, protocol: 'tcp', realServers: [{address: '192.0.2.10', port: 8443, method: 'nat', weight: 1, fallback: false}]},
    {vip: '198.51.100.30', port: 25, protocol: 'tcp', realServers: [{address: '192.0.2.99', port: 25, method: 'dr', weight: 1, fallback: false}]},
  ],
  notes: [{message: 'include "/etc/keepalived/extra.conf" not followed', line: 7}],
}
const lb = (config: LbConfig) => ({file: 'keepalived.conf', config})
const none = {vips: [], ports: [], mode: 'dr' as const, modeGiven: false}

describe('planFromLbConfig', () => {
  it('gives one run per method this host is listed under, with that method’s VIPs and ports', () => {
    const plan = planFromLbConfig(lb(MIXED), hostFacts(), none)
    expect(plan.runs).toEqual([
      {vips: [{address: '198.51.100.10', family: 'inet'}], ports: [80], mode: 'dr', vipsFromConfig: true},
      // NAT rewrites the destination port: the server receives its own port.
      {vips: [{address: '198.51.100.20', family: 'inet'}], ports: [8443], mode: 'nat', vipsFromConfig: true},
    ])
    expect(plan.notes[0]).toBe('VIPs, ports and forwarding method from keepalived.conf: 198.51.100.10:80/tcp dr, 198.51.100.20:443/tcp nat.')
    expect(plan.notes).toContain('keepalived.conf:7: include "/etc/keepalived/extra.conf" not followed')
  })

  it('lets --mode, --vip and --port win, and says so', () => {
    const plan = planFromLbConfig(lb(MIXED), hostFacts(), {vips: [{address: '198.51.100.99', family: 'inet'}], ports: [8080], mode: 'nat', modeGiven: true})
    expect(plan.runs).toEqual([{vips: [{address: '198.51.100.99', family: 'inet'}], ports: [8080], mode: 'nat', vipsFromConfig: false}])
    expect(plan.notes.join('\n')).toMatch(/--mode nat given[^]*--vip given[^]*--port given/)
  })

  it('leaves a firewall-mark service’s VIPs to --vip or the loopback, with a note', () => {
    const fwmark: LbConfig = {format: 'keepalived', services: [{fwmark: 1, port: 0, realServers: [{address: '192.0.2.10', port: 0, method: 'dr', weight: 1, fallback: false}]}], notes: []}
    const plan = planFromLbConfig(lb(fwmark), hostFacts(), none)
    expect(plan.runs).toEqual([{vips: [], ports: [], mode: 'dr', vipsFromConfig: false}])
    expect(plan.notes.join('\n')).toContain('does not say which VIPs it covers')
  })

  it('refuses a host the configuration does not list, naming its addresses', () => {
    const other: LbConfig = {...MIXED, services: [MIXED.services[2]!]}
    expect(() => planFromLbConfig(lb(other), hostFacts(), none)).toThrow("keepalived.conf lists none of this host's addresses (192.0.2.10) as a real server")
  })

  it('refuses to guess when the host’s addresses could not be read', () => {
    expect(() => planFromLbConfig(lb(MIXED), hostFacts({interfaces: unavailable()}), none)).toThrow(UserError)
  })

  it('takes the NAT gateway from the floating address on this server’s subnet, and lets --gateway win', () => {
    const nat: LbConfig = {...MIXED, floatingAddresses: ['203.0.113.1', '192.0.2.254']}
    const plan = planFromLbConfig(lb(nat), hostFacts(), none)
    expect(plan.runs.find((run) => run.mode === 'nat')?.gateway).toBe('192.0.2.254')
    expect(plan.runs.find((run) => run.mode === 'dr')?.gateway).toBeUndefined()
    expect(plan.notes).toContain("NAT gateway 192.0.2.254: the floating address in keepalived.conf on this server's subnet.")
    expect(planFromLbConfig(lb(nat), hostFacts(), {...none, gateway: '192.0.2.1'}).runs.every((run) => run.gateway === undefined)).toBe(true)
  })

  it('names no NAT gateway when no floating address is on this server’s subnets, and says to pass --gateway', () => {
    const plan = planFromLbConfig(lb({...MIXED, floatingAddresses: ['203.0.113.1']}), hostFacts(), none)
    expect(plan.runs.find((run) => run.mode === 'nat')?.gateway).toBeUndefined()
    expect(plan.notes.join('\n')).toContain('none of its floating addresses (203.0.113.1) is on this server')
  })

  it('goes from keepalived.conf text to runs', () => {
    const config = parseKeepalivedConf(KEEPALIVED_DR)
    const plan = planFromLbConfig(lb(config), hostFacts(), none)
    expect(plan.runs).toEqual([{vips: [{address: '198.51.100.10', family: 'inet'}], ports: [8080], mode: 'dr', vipsFromConfig: true}])
  })
})

// Synthetic, in keepalived's own syntax, so the whole path from text to runs is covered.
const KEEPALIVED_DR = `virtual_server 198.51.100.10 8080 {
    delay_loop 6
    lb_algo rr
    lb_kind DR
    protocol TCP
    real_server 192.0.2.10 8080 {
        weight 1
        TCP_CHECK { connect_timeout 3 }
    }
}
`
