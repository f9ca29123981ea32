/**
 * The REDIRECT method, for real: the built CLI audits a network namespace whose server holds no
 * VIP and takes VIP traffic through an iptables or nft REDIRECT rule, and the LAN namespace sends
 * real traffic to the VIP the way a Direct Routing load balancer does (a route to the VIP via the
 * server's address, so frames carry the server's MAC and the VIP as destination). The verdicts
 * must agree with what the traffic does: the connection works where redirect-rule and
 * redirect-conntrack pass, and fails where NOTRACK breaks the REDIRECT.
 * In CI (root) these must run; locally they skip only where namespaces cannot be made.
 */
import {spawnSync} from 'node:child_process'
import {fileURLToPath} from 'node:url'

import {beforeAll, describe, expect, it} from 'vitest'

import type {Outcome, Report} from '../../src/engine/types.js'
import {cleanupStaleNamespaces, netnsAvailable, type RealServerNamespace, type RealServerSpec, withRealServer} from '../helpers/netns.js'
import {VIP} from './scenarios.js'

const namespaces = netnsAvailable()
// The rules are made with iptables and nft inside the namespace (Debian packages iptables, nftables).
const missing = ['iptables', 'nft'].filter((tool) => spawnSync(tool, ['--version'], {stdio: 'ignore'}).status !== 0)
const available = !namespaces.ok ? namespaces : missing.length > 0 ? {ok: false as const, reason: `${missing.join(' and ')} not installed (apt-get install iptables nftables)`} : namespaces
const CLI = fileURLToPath(new URL('../../bin/run.js', import.meta.url))
const PORT = 8080

const IPTABLES_REDIRECT = ['iptables', '-t', 'nat', '-A', 'PREROUTING', '-d', `${VIP}/32`, '-p', 'tcp', '--dport', String(PORT), '-j', 'REDIRECT']
const NFT_REDIRECT = [
  ['nft', 'add', 'table', 'inet', 'lb'],
  ['nft', 'add', 'chain', 'inet', 'lb', 'prerouting', '{ type nat hook prerouting priority -100 ; }'],
  ['nft', 'add', 'rule', 'inet', 'lb', 'prerouting', 'ip', 'daddr', VIP, 'tcp', 'dport', String(PORT), 'redirect'],
]

/** A REDIRECT-method server: RIP only, ARP sysctls at kernel defaults (they do not matter here), a wildcard listener. */
function redirectServer(setup: string[][]): RealServerSpec {
  return {rip: '192.0.2.10/24', vips: [], listeners: [{address: '0.0.0.0', port: PORT}], setup}
}

interface Run {
  exitCode: number
  report: Report
  /** Did a TCP connection from the LAN to VIP:PORT get the listener's greeting? */
  connected: boolean
}

/** Audits inside the namespace (as `asUser` when given), then connects to the VIP from the LAN side. */
async function auditAndConnect(spec: RealServerSpec, args: string[], asUser?: number): Promise<Run> {
  const drop = asUser === undefined ? [] : ['setpriv', `--reuid=${asUser}`, `--regid=${asUser}`, '--clear-groups']
  return withRealServer(spec, async (ns) => {
    const env: Record<string, string> = asUser === undefined ? {} : {HOME: '/tmp'}
    const {stdout, stderr, exitCode} = await ns.exec([...drop, 'node', CLI, 'audit', '--json', '--vip', VIP, '--port', String(PORT), ...args], {timeoutMs: 30_000, env})
    expect(stderr).toBe('')
    return {exitCode, report: JSON.parse(stdout) as Report, connected: await connectToVip(ns)}
  })
}

/** What the load balancer does in DR: send the VIP's packets to the server's MAC, here by routing the VIP via the RIP. */
async function connectToVip(ns: RealServerNamespace): Promise<boolean> {
  const route = await ns.peer.exec(['ip', 'route', 'replace', `${VIP}/32`, 'via', ns.rip])
  expect(route.exitCode, route.stderr).toBe(0)
  const script = `const s = require('node:net').connect({host: process.argv[1], port: Number(process.argv[2]), timeout: 2000})
    let got = ''
    s.on('data', (d) => { got += d })
    s.on('end', () => process.exit(got.startsWith('rsaudit-test') ? 0 : 3))
    s.on('timeout', () => process.exit(2))
    s.on('error', () => process.exit(1))`
  const {exitCode} = await ns.peer.exec([process.execPath, '-e', script, VIP, String(PORT)], {timeoutMs: 10_000, env: {NODE_OPTIONS: ''}})
  return exitCode === 0
}

function outcomes(report: Report, ruleId: string): Record<string, Outcome> {
  return Object.fromEntries(report.results.filter((r) => r.ruleId === ruleId).map((r) => [r.subject, r.outcome]))
}

function result(report: Report, ruleId: string) {
  return report.results.find((r) => r.ruleId === ruleId)
}

const TARGET = `${VIP}:${PORT}`
const LOOPBACK_RULES = ['vip-on-loopback', 'vip-host-prefix', 'vip-persistent', 'service-listens-on-vip']

beforeAll(async () => {
  if (process.env.CI && !available.ok) throw new Error(`live tests must run in CI: ${available.reason}`)
  if (available.ok) await cleanupStaleNamespaces()
})

describe.skipIf(!available.ok)('rsaudit audit on a REDIRECT-method server in a network namespace', () => {
  it('iptables REDIRECT: the traffic works, the redirect rules pass and the loopback rules do not apply', async () => {
    const {report, connected, exitCode} = await auditAndConnect(redirectServer([IPTABLES_REDIRECT]), [])
    expect(connected).toBe(true)
    expect(outcomes(report, 'redirect-rule')).toEqual({[TARGET]: 'pass'})
    expect(outcomes(report, 'redirect-conntrack')).toEqual({[TARGET]: 'pass'})
    expect(result(report, 'redirect-rule')?.evidence[0]).toEqual({fact: 'REDIRECT rule', value: `-A PREROUTING -d ${VIP}/32 -p tcp -m tcp --dport ${PORT} -j REDIRECT`, source: 'iptables -t nat, chain PREROUTING'})
    for (const id of LOOPBACK_RULES) expect(result(report, id)?.outcome, id).toBe('not-applicable')
    // Kernel-default ARP sysctls would fail the loopback method; with no VIP on the server they do not matter.
    expect(outcomes(report, 'arp-ignore')).toEqual({eth0: 'not-applicable'})
    expect(outcomes(report, 'service-listens-on-rip')).toEqual({[`port ${PORT}`]: 'pass'})
    expect(report.notes.join(' ')).toContain('checked as the REDIRECT method')
    expect(report.results.filter((r) => r.outcome === 'fail' || r.outcome === 'unknown'), JSON.stringify(report.results, null, 2)).toEqual([])
    expect(exitCode).toBe(0)
  })

  it('nft redirect: the same verdicts, read from nft -j list ruleset', async () => {
    const {report, connected} = await auditAndConnect(redirectServer(NFT_REDIRECT), [])
    expect(connected).toBe(true)
    expect(outcomes(report, 'redirect-rule')).toEqual({[TARGET]: 'pass'})
    expect(result(report, 'redirect-rule')?.evidence[0]).toMatchObject({value: `ip daddr ${VIP} tcp dport ${PORT} redirect`, source: 'nft table inet lb, chain prerouting'})
    expect(outcomes(report, 'redirect-conntrack')).toEqual({[TARGET]: 'pass'})
    expect(outcomes(report, 'vip-on-loopback')).toEqual({[VIP]: 'not-applicable'})
  })

  it('iptables NOTRACK on the VIP traffic: the traffic fails, and redirect-conntrack fails with a fix that works', async () => {
    const notrack = ['iptables', '-t', 'raw', '-A', 'PREROUTING', '-d', `${VIP}/32`, '-p', 'tcp', '--dport', String(PORT), '-j', 'NOTRACK']
    const broken = await auditAndConnect(redirectServer([IPTABLES_REDIRECT, notrack]), [])
    expect(broken.connected).toBe(false)
    expect(outcomes(broken.report, 'redirect-rule')).toEqual({[TARGET]: 'pass'})
    expect(outcomes(broken.report, 'redirect-conntrack')).toEqual({[TARGET]: 'fail'})
    const fix = result(broken.report, 'redirect-conntrack')?.remediation.find((r) => r.shell === 'bash')?.commands ?? []
    expect(fix).toEqual([`iptables -t raw -I PREROUTING 1 -d ${VIP} -p tcp --dport ${PORT} -j ACCEPT`])
    expect(broken.exitCode).toBe(1)

    // The printed fix, applied as printed (split on blanks: it holds no quoted words), makes the traffic work and the rule pass.
    const fixed = await auditAndConnect(redirectServer([IPTABLES_REDIRECT, notrack, (fix[0] ?? '').split(' ')]), [])
    expect(fixed.connected).toBe(true)
    expect(outcomes(fixed.report, 'redirect-conntrack')).toEqual({[TARGET]: 'pass'})
  })

  it('nft notrack at priority raw: redirect-conntrack fails and names the nft chain', async () => {
    const notrack = [
      ['nft', 'add', 'chain', 'inet', 'lb', 'raw', '{ type filter hook prerouting priority -300 ; }'],
      ['nft', 'add', 'rule', 'inet', 'lb', 'raw', 'ip', 'daddr', VIP, 'tcp', 'dport', String(PORT), 'notrack'],
    ]
    const {report, connected} = await auditAndConnect(redirectServer([...NFT_REDIRECT, ...notrack]), [])
    expect(connected).toBe(false)
    expect(outcomes(report, 'redirect-conntrack')).toEqual({[TARGET]: 'fail'})
    expect(result(report, 'redirect-conntrack')?.message).toContain('(nft table inet lb, chain raw)')
    expect(result(report, 'redirect-conntrack')?.remediation.flatMap((r) => r.commands)).toEqual([`nft insert rule inet lb raw ip daddr ${VIP} tcp dport ${PORT} accept`])
  })

  it('a port without a REDIRECT fails redirect-rule, and its printed fix works', async () => {
    const other = ['iptables', '-t', 'nat', '-A', 'PREROUTING', '-d', `${VIP}/32`, '-p', 'tcp', '--dport', '443', '-j', 'REDIRECT']
    const broken = await auditAndConnect(redirectServer([other]), [])
    expect(broken.connected).toBe(false)
    expect(outcomes(broken.report, 'redirect-rule')).toEqual({[TARGET]: 'fail'})
    const fix = result(broken.report, 'redirect-rule')?.remediation.flatMap((r) => r.commands) ?? []
    expect(fix).toEqual([`iptables -t nat -I PREROUTING 1 -d ${VIP} -p tcp --dport ${PORT} -j REDIRECT`])
    const fixed = await auditAndConnect(redirectServer([other, (fix[0] ?? '').split(' ')]), [])
    expect(fixed.connected).toBe(true)
    expect(outcomes(fixed.report, 'redirect-rule')).toEqual({[TARGET]: 'pass'})
  })

  it('without root the rules cannot be read: the loopback rules judge the VIP, and a note says why', async () => {
    const nobody = 65_534
    const {report} = await auditAndConnect(redirectServer([IPTABLES_REDIRECT]), [], nobody)
    expect(outcomes(report, 'vip-on-loopback')).toEqual({[VIP]: 'fail'})
    expect(report.results.some((r) => r.ruleId.startsWith('redirect-'))).toBe(false)
    expect(report.notes.join(' ')).toContain('needs root to read the netfilter rules (run as root)): if this server uses the REDIRECT method, give --method redirect')
  })
})
