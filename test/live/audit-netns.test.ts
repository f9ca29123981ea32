/**
 * The built CLI, run for real inside network namespaces configured as a DR real server: once
 * correctly, then once per misconfiguration the rules describe. Each scenario checks the
 * outcome of the rule it breaks and that the correct scenario passes everything.
 * In CI (root) these must run; locally they skip only where namespaces cannot be made.
 */
import {fileURLToPath} from 'node:url'

import {beforeAll, describe, expect, it} from 'vitest'

import type {Outcome, Report} from '../../src/engine/types.js'
import {cleanupStaleNamespaces, netnsAvailable, type RealServerSpec, withRealServer} from '../helpers/netns.js'
import {GOOD_SYSCTL_FILE, goodServer, NETWORKD_LO, VIP} from './scenarios.js'

const available = netnsAvailable()
const CLI = fileURLToPath(new URL('../../bin/run.js', import.meta.url))
interface Audit {
  exitCode: number
  report: Report
  stderr: string
}

/** Runs the built CLI in the namespace; `asUser` drops root first (setpriv, from util-linux). */
async function audit(spec: RealServerSpec, args: string[], asUser?: number): Promise<Audit> {
  const drop = asUser === undefined ? [] : ['setpriv', `--reuid=${asUser}`, `--regid=${asUser}`, '--clear-groups']
  return withRealServer(spec, async (ns) => {
    // A dropped user keeps root's HOME otherwise, and oclif would try to read root's data dir.
    const env: Record<string, string> = asUser === undefined ? {} : {HOME: '/tmp'}
    const {stdout, stderr, exitCode} = await ns.exec([...drop, 'node', CLI, 'audit', '--json', ...args], {timeoutMs: 30_000, env})
    expect(stderr).toBe('')
    return {exitCode, report: JSON.parse(stdout) as Report, stderr}
  })
}

function outcomes(report: Report, ruleId: string): Record<string, Outcome> {
  return Object.fromEntries(report.results.filter((r) => r.ruleId === ruleId).map((r) => [r.subject, r.outcome]))
}

beforeAll(async () => {
  if (process.env.CI && !available.ok) throw new Error(`live tests must run in CI: ${available.reason}`)
  if (available.ok) await cleanupStaleNamespaces()
})

describe.skipIf(!available.ok)('rsaudit audit in a network namespace', () => {
  it('passes every rule on a correctly configured server', async () => {
    const {report, exitCode} = await audit(goodServer(), ['--port', '8080'])
    const notPassing = report.results.filter((r) => r.outcome !== 'pass')
    expect(notPassing, JSON.stringify(notPassing, null, 2)).toEqual([])
    expect(report.inputs).toMatchObject({vips: [VIP], vipSource: 'loopback', ports: [8080]})
    expect(report.results.map((r) => r.ruleId)).toEqual(expect.arrayContaining(['arp-ignore', 'arp-announce', 'vip-persistent', 'service-listens-on-rip']))
    expect(exitCode).toBe(0)
  })

  it('fails arp-ignore and arp-announce at kernel defaults, with fixes naming the real interface', async () => {
    const {report, exitCode} = await audit(goodServer({sysctls: {}}), [])
    expect(outcomes(report, 'arp-ignore')).toEqual({eth0: 'fail'})
    expect(outcomes(report, 'arp-announce')).toEqual({eth0: 'fail'})
    const fix = report.results.find((r) => r.ruleId === 'arp-ignore')?.remediation.find((r) => !r.persistent)
    expect(fix?.commands).toContain('sysctl -w net.ipv4.conf.all.arp_ignore=1')
    expect(exitCode).toBe(1)
  })

  it('fails arp-ignore when only lo is set', async () => {
    const {report} = await audit(goodServer({sysctls: {'net.ipv4.conf.lo.arp_ignore': 1, 'net.ipv4.conf.all.arp_announce': 2}}), [])
    expect(outcomes(report, 'arp-ignore')).toEqual({eth0: 'fail'})
  })

  it('fails arp-ignore when a reserved value in all overrides eth0=1', async () => {
    const {report} = await audit(goodServer({sysctls: {'net.ipv4.conf.all.arp_ignore': 5, 'net.ipv4.conf.eth0.arp_ignore': 1, 'net.ipv4.conf.all.arp_announce': 2}}), [])
    expect(outcomes(report, 'arp-ignore')).toEqual({eth0: 'fail'})
    expect(report.results.find((r) => r.ruleId === 'arp-ignore')?.message).toContain('reserved')
  })

  it('fails arp-ignore at 8 (no ARP at all) and arp-announce at 1', async () => {
    const {report} = await audit(goodServer({sysctls: {'net.ipv4.conf.all.arp_ignore': 8, 'net.ipv4.conf.all.arp_announce': 1}}), [])
    expect(outcomes(report, 'arp-ignore')).toEqual({eth0: 'fail'})
    expect(outcomes(report, 'arp-announce')).toEqual({eth0: 'fail'})
  })

  it('fails vip-host-prefix for a /24 VIP on lo', async () => {
    const {report} = await audit(goodServer({vips: [{cidr: `${VIP}/24`, dev: 'lo'}]}), ['--vip', VIP])
    expect(outcomes(report, 'vip-host-prefix')).toEqual({[VIP]: 'fail'})
    expect(outcomes(report, 'vip-on-loopback')).toEqual({[VIP]: 'pass'})
  })

  it('fails vip-not-on-arp-interface and vip-on-loopback for a VIP on eth0', async () => {
    const {report} = await audit(goodServer({vips: [{cidr: `${VIP}/32`, dev: 'veth'}]}), ['--vip', VIP])
    expect(outcomes(report, 'vip-not-on-arp-interface')).toEqual({[VIP]: 'fail'})
    expect(outcomes(report, 'vip-on-loopback')).toEqual({[VIP]: 'fail'})
  })

  it('fails sysctl-persistent when the values are set live only', async () => {
    const {report} = await audit(goodServer({etc: {...goodServer().etc, 'sysctl.d/90-lb.conf': '# nothing persisted\n'}}), [])
    expect(outcomes(report, 'arp-ignore')).toEqual({eth0: 'pass'})
    expect(outcomes(report, 'sysctl-persistent')).toEqual({eth0: 'fail'})
  })

  it('fails sysctl-persistent when a later-sorting file resets arp_ignore, and names that file', async () => {
    const etc = {...goodServer().etc, 'sysctl.d/99-zz-hardening.conf': 'net.ipv4.conf.all.arp_ignore = 0\n'}
    const {report} = await audit(goodServer({etc}), [])
    const result = report.results.find((r) => r.ruleId === 'sysctl-persistent')
    expect(result?.outcome).toBe('fail')
    expect(result?.message).toContain('/etc/sysctl.d/99-zz-hardening.conf:1')
  })

  it('fails vip-persistent when nothing configures the VIP at boot', async () => {
    const etc = {'sysctl.d/90-lb.conf': GOOD_SYSCTL_FILE, 'systemd/network/README': 'no .network files here\n'}
    const {report} = await audit(goodServer({etc}), ['--vip', VIP])
    expect(outcomes(report, 'vip-persistent')).toEqual({[VIP]: 'fail'})
  })

  it('fails service-listens-on-vip for a service bound to the RIP only', async () => {
    const {report} = await audit(goodServer({listeners: [{address: '192.0.2.10', port: 8080}]}), ['--port', '8080'])
    expect(outcomes(report, 'service-listens-on-vip')).toEqual({[`${VIP}:8080`]: 'fail'})
    expect(outcomes(report, 'service-listens-on-rip')).toEqual({'port 8080': 'pass'})
  })

  it('fails service-listens-on-rip for a service bound to the VIP only', async () => {
    const {report} = await audit(goodServer({listeners: [{address: VIP, port: 8080}]}), ['--port', '8080'])
    expect(outcomes(report, 'service-listens-on-vip')).toEqual({[`${VIP}:8080`]: 'pass'})
    expect(outcomes(report, 'service-listens-on-rip')).toEqual({'port 8080': 'fail'})
  })

  it('reports what it cannot read as unknown, with "run as root", when not root', async () => {
    const etc = {...goodServer().etc, 'systemd/network/10-lo.network': {content: NETWORKD_LO, mode: 0o600}}
    const nobody = 65_534
    const {report, exitCode} = await audit(goodServer({etc}), ['--port', '8080'], nobody)
    const persistent = report.results.find((r) => r.ruleId === 'vip-persistent')
    expect(persistent?.outcome).toBe('unknown')
    expect(persistent?.message).toContain('run as root')
    expect(outcomes(report, 'arp-ignore')).toEqual({eth0: 'pass'})
    expect(report.notes.join(' ')).toContain('Not running as root')
    expect(exitCode).toBe(3)
  })
})
