/**
 * The Direct Routing method: a VIP on no interface that a REDIRECT rule names is checked as the
 * REDIRECT method, which makes the loopback rules not-applicable (with the reason) and the
 * redirect rules speak; a loopback server's report has no redirect results at all. The facts are
 * the captured rule sets (fixtures/linux/debian12-*).
 */
import {describe, expect, it} from 'vitest'

import {buildReport} from '../../src/engine/audit.js'
import {vipMethod} from '../../src/engine/dr-method.js'
import {evaluateRules} from '../../src/engine/evaluate.js'
import type {HostFacts} from '../../src/facts/model.js'
import {address, conf, ethernet, hostFacts, listenerOn, loopback, unavailable} from '../helpers/host-facts.js'
import {netfilterFacts, scenario} from '../helpers/netfilter-facts.js'
import {type CaseInputs, runCase, toInputs} from '../helpers/rule-tester.js'
import {realRules, ruleById} from './real-rules.js'

const VIP = '198.51.100.10'
const IPT = 'debian12-iptables-1.8.9-nft-backend-redirect'

/** A REDIRECT-method server: no VIP anywhere, the captured iptables rules, a wildcard listener. */
function redirectServer(extra: Partial<Parameters<typeof hostFacts>[0]> = {}): HostFacts {
  return {...hostFacts({listeners: [listenerOn('0.0.0.0', 80)], ...extra}), ...netfilterFacts(scenario(IPT))}
}

function outcomes(facts: HostFacts, inputs: CaseInputs): Record<string, string> {
  const results = evaluateRules(realRules, facts, toInputs(inputs), {os: 'linux', kernel: '6.1.0'})
  return Object.fromEntries(results.map((r) => [`${r.ruleId} ${r.subject}`, r.outcome]))
}

describe('vipMethod', () => {
  it('auto: REDIRECT for a VIP on no interface that a rule names, also through a jump on its /24', () => {
    const facts = redirectServer()
    expect(vipMethod({address: VIP, family: 'inet'}, facts, toInputs()).redirect).toBe(true)
    expect(vipMethod({address: '198.51.100.77', family: 'inet'}, facts, toInputs()).redirect).toBe(true)
    expect(vipMethod({address: '192.0.2.77', family: 'inet'}, facts, toInputs()).redirect).toBe(false)
  })

  it('auto: not for a VIP that an interface holds, nor for a rule that names no destination', () => {
    expect(vipMethod({address: VIP, family: 'inet'}, redirectServer({interfaces: [loopback(address(`${VIP}/32`)), ethernet()]}), toInputs()).redirect).toBe(false)
    const generic = {...hostFacts(), ...netfilterFacts(scenario('centos6-iptables-1.4.7-published-redirect'))}
    expect(vipMethod({address: VIP, family: 'inet'}, generic, toInputs()).redirect).toBe(false)
    expect(vipMethod({address: VIP, family: 'inet'}, generic, toInputs({method: 'redirect'})).redirect).toBe(true)
  })

  it('--method loopback wins over the rules', () => {
    expect(vipMethod({address: VIP, family: 'inet'}, redirectServer(), toInputs({method: 'loopback'})).redirect).toBe(false)
  })
})

describe('a REDIRECT-method server', () => {
  const inputs = {vips: [VIP], ports: [80]}

  it('passes the REDIRECT rule and the listener on its own address; the loopback rules do not apply', () => {
    expect(outcomes(redirectServer(), inputs)).toEqual({
      'arp-announce eth0': 'not-applicable',
      'arp-default host': 'not-applicable',
      'arp-ignore eth0': 'not-applicable',
      // The IPv6 proxy facts are not in this synthetic host; an ARP-free server still needs them judged.
      'ipv6-proxy-ndp host': 'unknown',
      'sysctl-persistent eth0': 'not-applicable',
      'vip-on-loopback 198.51.100.10': 'not-applicable',
      'vip-host-prefix 198.51.100.10': 'not-applicable',
      'vip-persistent 198.51.100.10': 'not-applicable',
      'vip-not-on-arp-interface 198.51.100.10': 'pass',
      'service-listens-on-vip 198.51.100.10:80': 'not-applicable',
      'service-listens-on-rip port 80': 'pass',
      'redirect-rule 198.51.100.10:80': 'pass',
      'rp-filter-multihomed eth0': 'pass',
      'redirect-conntrack 198.51.100.10:80': 'fail',
    })
  })

  it('says why a loopback rule does not apply, with the REDIRECT rule as evidence', () => {
    const [result] = runCase(ruleById('vip-on-loopback'), redirectServer(), inputs)
    expect(result).toMatchObject({outcome: 'not-applicable', remediation: []})
    expect(result?.message).toBe('198.51.100.10 uses the REDIRECT method (a REDIRECT rule names it) and is configured on no interface, so this loopback check does not apply')
    expect(result?.evidence[0]).toEqual({fact: 'REDIRECT rule for 198.51.100.10', value: '-A PREROUTING -d 198.51.100.10/32 -p tcp -m tcp --dport 80 -j REDIRECT', source: 'iptables -t nat, chain PREROUTING'})
    const [listener] = runCase(ruleById('service-listens-on-vip'), redirectServer(), inputs)
    expect(listener?.message).toContain('service-listens-on-rip checks')
    const [arp] = runCase(ruleById('arp-ignore'), redirectServer(), inputs)
    expect(arp?.message).toContain('no VIP is configured on this server')
  })

  it('keeps the ARP rules when one VIP still sits on lo (REDIRECT with an ARP-able VIP is LNX-DR2-04)', () => {
    const facts = redirectServer({interfaces: [loopback(address('203.0.113.50/32')), ethernet()], ipv4Conf: conf(['lo', 'eth0'], {all: {arp_ignore: 1, arp_announce: 2}})})
    const result = outcomes(facts, {vips: [VIP, '203.0.113.50'], ports: [80]})
    expect(result['arp-ignore eth0']).toBe('pass')
    expect(result['vip-on-loopback 198.51.100.10']).toBe('not-applicable')
    expect(result['vip-on-loopback 203.0.113.50']).toBe('pass')
    expect(result['redirect-rule 203.0.113.50:80']).toBeUndefined()
  })

  it('is judged as the loopback method with --method loopback: the VIP is missing', () => {
    const result = outcomes(redirectServer(), {...inputs, method: 'loopback'})
    expect(result['vip-on-loopback 198.51.100.10']).toBe('fail')
    expect(Object.keys(result).some((key) => key.startsWith('redirect-'))).toBe(false)
  })

  it('does not use the method in --mode tun', () => {
    const result = outcomes(redirectServer(), {...inputs, mode: 'tun'})
    // Judged as TUN (the VIP is on neither tunl0 nor lo), not waved through as REDIRECT.
    expect(result['tun-vip 198.51.100.10']).toBe('fail')
    expect(Object.keys(result).some((key) => key.startsWith('redirect-'))).toBe(false)
  })

  it('tells the user in a note which VIPs were checked as the REDIRECT method', () => {
    const report = buildReport(redirectServer(), realRules, {vips: [{address: VIP, family: 'inet'}], ports: [80], mode: 'dr'}, 'live')
    expect(report.notes).toContain('198.51.100.10 is on no interface and a REDIRECT rule names it: checked as the REDIRECT method (give --method loopback to check the loopback method instead).')
  })
})

describe('a loopback-method server', () => {
  const facts = hostFacts({interfaces: [loopback(address(`${VIP}/32`)), ethernet()]})

  it('reports no REDIRECT rule at all, with or without --port', () => {
    for (const ports of [[], [80]]) {
      const ids = evaluateRules(realRules, facts, toInputs({vips: [VIP], ports}), {os: 'linux', kernel: '6.1.0'}).map((r) => r.ruleId)
      expect(ids.filter((id) => id.startsWith('redirect-'))).toEqual([])
      expect(ids).toContain('vip-on-loopback')
    }
  })

  it('notes that a missing VIP might use REDIRECT when the rules could not be read', () => {
    const unreadable = {...hostFacts(), redirects: unavailable('iptables-save needs root to read the netfilter rules (run as root)')}
    const report = buildReport(unreadable, realRules, {vips: [{address: VIP, family: 'inet'}], ports: [], mode: 'dr'}, 'live')
    expect(report.notes.join(' ')).toContain('the netfilter rules could not be read (iptables-save needs root to read the netfilter rules (run as root)): if this server uses the REDIRECT method, give --method redirect')
    expect(report.results.find((r) => r.ruleId === 'vip-on-loopback')?.outcome).toBe('fail')
  })
})
