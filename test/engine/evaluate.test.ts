/**
 * The engine's decisions around the checks, with the real rules: a fact that could not be
 * collected gives `unknown` (never `pass`) and says why; a rule missing a user input or
 * having nothing to judge is `not-applicable` with a message that says what to pass; and
 * rules for another mode, another OS or an older kernel are not evaluated at all.
 */
import {describe, expect, it} from 'vitest'

import {compareVersions, ruleApplies} from '../../src/engine/applicability.js'
import {evaluateRule, evaluateRules} from '../../src/engine/evaluate.js'
import type {Mode, Rule} from '../../src/engine/types.js'
import type {FactName, HostFacts} from '../../src/facts/model.js'
import {address, conf, ethernet, hostFacts, listenerOn, loopback, ok, persisted, unavailable} from '../helpers/host-facts.js'
import {type CaseInputs, runCase, toInputs} from '../helpers/rule-tester.js'
import {allRules, realRules, ruleById} from './real-rules.js'

const VIP = '198.51.100.10'
const FULL_INPUTS: CaseInputs = {vips: [VIP], ports: [80]}
const DENIED = 'permission denied reading /proc/sys/net/ipv4/conf (run as root)'

/** A well-configured DR real server: every DR rule passes on it. */
function goodServer(): HostFacts {
  const facts = hostFacts({
    interfaces: [loopback(address(`${VIP}/32`)), ethernet()],
    ipv4Conf: conf(['lo', 'eth0'], {all: {arp_ignore: 1, arp_announce: 2}}),
    boot: [
      {key: 'net.ipv4.conf.all.arp_ignore', value: '1', file: '/etc/sysctl.d/90-lb.conf', line: 1},
      {key: 'net.ipv4.conf.all.arp_announce', value: '2', file: '/etc/sysctl.d/90-lb.conf', line: 2},
    ],
    listeners: [listenerOn('0.0.0.0', 80)],
    persisted: [persisted(VIP)],
    stack: {systemdNetworkd: true},
  })
  return {
    ...facts,
    ipipModule: ok({state: 'absent'}),
    modulesLoad: ok({entries: [], filesApplied: [], filesShadowed: []}),
    ipv6Conf: ok({all: {proxy_ndp: 0, forwarding: 0}}),
    proxyNeighbours: ok([]),
  }
}

const drRules = realRules.filter((rule) => rule.modes.includes('dr'))

function ids(rules: readonly Rule[]): string[] {
  return rules.map((rule) => rule.id).sort()
}

/**
 * Rules with a result. `--method redirect` so that the REDIRECT-method rules, which say nothing on
 * a server not using that method, are evaluated too; the VIP sits on lo, so every loopback rule still is.
 */
function evaluatedIds(mode: Mode, platform: {os: string; kernel?: string; release?: string}): string[] {
  return [...new Set(evaluateRules(realRules, goodServer(), toInputs({...FULL_INPUTS, mode, method: 'redirect'}), platform).map((r) => r.ruleId))].sort()
}

/** The REDIRECT-method rules give a result only when that method is in use (test/engine/dr-method.test.ts). */
function inputsFor(rule: Rule): CaseInputs {
  return rule.method === 'redirect' ? {...FULL_INPUTS, method: 'redirect'} : FULL_INPUTS
}

describe('evaluateRule: unavailable facts', () => {
  it('passes every rule on the well-configured server (the baseline for the cases below)', () => {
    const outcomes = drRules.flatMap((rule) => runCase(rule, goodServer(), FULL_INPUTS).map((r) => `${r.ruleId}:${r.outcome}`))
    expect(outcomes.filter((outcome) => !outcome.endsWith(':pass'))).toEqual([])
  })

  const cases = realRules.flatMap((rule) => rule.facts.map((fact) => [rule.id, fact] as [string, FactName]))
  it.each(cases)('%s with %s unavailable is unknown, with the collector’s detail', (id, fact) => {
    const facts = {...goodServer(), [fact]: unavailable(DENIED)}
    const results = runCase(ruleById(id), facts, inputsFor(ruleById(id)))
    expect(results).toEqual([expect.objectContaining({outcome: 'unknown', subject: 'host', remediation: []})])
    expect(results[0]?.message).toBe(`could not be checked: ${DENIED}`)
    expect(results[0]?.evidence).toEqual([{fact: 'test', value: 'permission-denied', source: 'test'}])
  })

  it('names every unavailable fact when several are missing', () => {
    const facts = {...goodServer(), interfaces: unavailable('ip is not installed'), ipv4Conf: unavailable(DENIED)}
    const [result] = runCase(ruleById('arp-ignore'), facts)
    expect(result?.message).toBe(`could not be checked: ip is not installed; ${DENIED}`)
    expect(result?.evidence).toHaveLength(2)
  })

  it('ignores an unavailable fact the rule does not list', () => {
    const facts = {...goodServer(), persistedAddresses: unavailable(), routes: unavailable()}
    expect(runCase(ruleById('arp-ignore'), facts).map((r) => r.outcome)).toEqual(['pass'])
  })
})

describe('evaluateRule: not applicable', () => {
  it('gives one not-applicable result naming --port when a rule requires ports and none were given', () => {
    const results = runCase(ruleById('service-listens-on-rip'), goodServer(), {vips: [VIP]})
    expect(results).toEqual([expect.objectContaining({outcome: 'not-applicable', subject: '-', evidence: [], remediation: []})])
    expect(results[0]?.message).toContain('--port')
  })

  it('says "needs --port" or "needs --vip" for a rule without its own notApplicable message', () => {
    const {notApplicable: _dropped, ...messages} = ruleById('service-listens-on-vip').messages
    const rule: Rule = {...ruleById('service-listens-on-vip'), messages}
    expect(runCase(rule, goodServer(), {vips: [VIP]})[0]?.message).toBe('needs --port')
    expect(runCase(rule, goodServer(), {ports: [80]})[0]?.message).toBe('needs --vip')
  })

  it('asks for the missing input before looking at facts', () => {
    const facts = {...goodServer(), listeners: unavailable()}
    expect(runCase(ruleById('service-listens-on-rip'), facts, {}).map((r) => r.outcome)).toEqual(['not-applicable'])
  })

  it.each(['vip-on-loopback', 'vip-not-on-arp-interface', 'vip-host-prefix', 'vip-persistent'])('%s is not applicable without a VIP', (id) => {
    const results = runCase(ruleById(id), goodServer(), {ports: [80]})
    expect(results.map((r) => r.outcome)).toEqual(['not-applicable'])
    expect(results[0]?.message).toContain('--vip')
  })

  it.each(['arp-ignore', 'arp-announce', 'sysctl-persistent'])('%s is not applicable on a host without ARP interfaces', (id) => {
    const down = {...ethernet(), up: false}
    const results = runCase(ruleById(id), hostFacts({interfaces: [loopback(), down, {...ethernet('tunl0'), noArp: true}]}))
    expect(results).toEqual([expect.objectContaining({outcome: 'not-applicable', subject: '-', message: ruleById(id).messages.notApplicable})])
  })

  it('falls back to "no ARP interfaces to check" for a rule without its own message', () => {
    const {notApplicable: _dropped, ...messages} = ruleById('arp-ignore').messages
    const results = runCase({...ruleById('arp-ignore'), messages}, hostFacts({interfaces: [loopback()]}))
    expect(results.map((r) => r.message)).toEqual(['no ARP interfaces to check'])
  })
})

describe('evaluateRule: results', () => {
  it('gives one result per ARP interface, with remediation only on failures', () => {
    const facts = hostFacts({interfaces: [loopback(), ethernet(), ethernet('eth1', address('203.0.113.5/24'))], ipv4Conf: conf(['lo', 'eth0', 'eth1'], {eth1: {arp_ignore: 1}})})
    const results = runCase(ruleById('arp-ignore'), facts)
    expect(results.map((r) => [r.subject, r.outcome, r.remediation.length > 0])).toEqual([
      ['eth0', 'fail', true],
      ['eth1', 'pass', false],
    ])
  })

  it('throws for a rule naming an unknown check function (loadRules refuses such rules)', () => {
    const rule: Rule = {...ruleById('arp-ignore'), check: {function: 'no-such-check'}}
    expect(() => evaluateRule(rule, {facts: goodServer(), inputs: toInputs()})).toThrow('unknown function no-such-check')
  })
})

describe('evaluateRules: which rules apply', () => {
  it('evaluates every DR rule for DR on Linux, and no TUN- or NAT-only rule', () => {
    expect(evaluatedIds('dr', {os: 'linux', kernel: '6.1.0'})).toEqual(ids(drRules))
    expect(ids(drRules).filter((id) => id.startsWith('tun-') || id.startsWith('nat-'))).toEqual([])
  })

  it('evaluates only the NAT rules for --mode nat: every DR and TUN rule is left out', () => {
    expect(evaluatedIds('nat', {os: 'linux', kernel: '6.1.0'})).toEqual(['nat-default-gateway', 'nat-direct-services', 'nat-no-vip', 'nat-outbound-internet'])
  })

  it('leaves out the DR-only rules for --mode tun, and runs the TUN ones', () => {
    const drOnly = drRules.filter((rule) => !rule.modes.includes('tun'))
    expect(ids(drOnly)).toEqual(['arp-default', 'redirect-conntrack', 'redirect-rule', 'rp-filter-multihomed', 'vip-not-on-arp-interface', 'vip-on-loopback', 'vip-persistent'])
    const tunRules = ids(realRules.filter((rule) => rule.modes.includes('tun')))
    expect(tunRules).toEqual(expect.arrayContaining(['tun-interface', 'tun-vip', 'tun-rp-filter', 'tun-module-persistent', 'arp-ignore', 'arp-announce']))
    expect(evaluatedIds('tun', {os: 'linux', kernel: '6.1.0'})).toEqual(tunRules)
  })

  it('evaluates only the rules that list the platform (no Linux-only rule on Windows, Solaris or the BSDs)', () => {
    const linuxOnly = ids(realRules.filter((rule) => rule.platforms.every((p) => p.os === 'linux')))
    const onWindows = evaluatedIds('dr', {os: 'windows', kernel: '10.0.20348'})
    expect(onWindows.some((id) => linuxOnly.includes(id))).toBe(false)
    expect(onWindows).toEqual(expect.arrayContaining(['vip-on-loopback', 'vip-host-prefix']))
    // Of the rules that apply to Linux, only the VIP rules apply to the other Unixes too.
    const shared = ['vip-host-prefix', 'vip-on-loopback', 'vip-persistent']
    for (const os of ['solaris', 'freebsd', 'darwin']) expect(evaluatedIds('dr', {os, kernel: '5.11', release: '5.11'}), os).toEqual(shared)
    const onlyFor = (os: string) => ids(allRules.filter((rule) => rule.platforms.some((p) => p.os === os) && !rule.platforms.some((p) => p.os === 'linux')))
    expect(onlyFor('solaris')).toEqual(['solaris-hostmodel'])
    expect(onlyFor('freebsd')).toEqual(['bsd-check-interface'])
    expect(onlyFor('darwin')).toEqual(['bsd-check-interface'])
  })

  it('leaves out rules whose kernel minimum (2.6.4) is not met, and keeps them at exactly 2.6.4', () => {
    const withMinimum = ids(realRules.filter((rule) => rule.platforms.some((p) => p.version?.min === '2.6.4')))
    expect(withMinimum).toEqual(['arp-announce', 'arp-default', 'arp-ignore', 'sysctl-persistent'])
    expect(evaluatedIds('dr', {os: 'linux', kernel: '2.6.3'})).toEqual(ids(drRules).filter((id) => !withMinimum.includes(id)))
    expect(evaluatedIds('dr', {os: 'linux', kernel: '2.6.4'})).toEqual(ids(drRules))
  })

  it('keeps version-limited rules when the kernel version is unknown', () => {
    expect(evaluatedIds('dr', {os: 'linux'})).toEqual(ids(drRules))
  })
})

describe('ruleApplies with a version range', () => {
  const rule = (version: {of: 'kernel' | 'release'; min?: string; max?: string}): Rule => ({...ruleById('arp-ignore'), platforms: [{os: 'linux', version}]})

  it('includes both ends of a min..max kernel range (a max covers its whole line: 5.4 covers 5.4.1) and nothing outside it', () => {
    const ranged = rule({of: 'kernel', min: '3.10', max: '5.4'})
    const applies = (kernel: string) => ruleApplies(ranged, 'dr', {os: 'linux', kernel})
    expect(['3.9.255', '3.10', '3.10.0-1160.el7.x86_64', '5.4.0-150-generic', '5.4.1', '5.5'].map(applies)).toEqual([false, true, true, true, true, false])
  })

  it('compares the release, not the kernel, when the selector says so', () => {
    const ranged = rule({of: 'release', min: '12'})
    expect(ruleApplies(ranged, 'dr', {os: 'linux', kernel: '4.19', release: '12'})).toBe(true)
    expect(ruleApplies(ranged, 'dr', {os: 'linux', kernel: '6.1', release: '11'})).toBe(false)
  })
})

describe('compareVersions', () => {
  it.each([
    ['5.15.0-91-generic', '2.6.4', 1],
    ['2.6.4', '2.6.4', 0],
    ['2.6.3', '2.6.4', -1],
    ['2.6.10', '2.6.9', 1],
    ['2.6', '2.6.0', 0],
    ['3', '2.6.32', 1],
    ['6.1.0-28-amd64', '6.1', 0],
    ['4.18.0-553.el8_10.x86_64', '4.18.0', 0],
    ['not-a-version', '0', 0],
  ])('compares %s with %s as %i', (a, b, expected) => {
    expect(compareVersions(a, b)).toBe(expected)
    expect(compareVersions(b, a)).toBe(-expected || 0)
  })
})

describe('a kernel version that is not known', () => {
  it('keeps version-gated rules (a paste has no kernel version)', () => {
    const results = evaluateRules(realRules, hostFacts(), toInputs({}), {os: 'linux', kernel: 'unknown'})
    expect(results.map((r) => r.ruleId)).toEqual(expect.arrayContaining(['arp-ignore', 'arp-announce']))
  })
})
