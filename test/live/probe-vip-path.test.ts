/**
 * `rsaudit probe vip-path`, run for real from a load balancer namespace on a switched test LAN
 * against three real servers: one correct (VIP on lo/32, service on 0.0.0.0), one without the
 * VIP, one whose service listens on its RIP only. A health check against each RIP succeeds on
 * all three; only the first accepts traffic for the VIP. Also: the probe leaves the host's
 * routes and addresses as they were and removes its namespace, even on SIGINT.
 */
import {spawn} from 'node:child_process'

import {beforeAll, describe, expect, it} from 'vitest'

import type {VipPathResult} from '../../src/probe/vip-path-verdict.js'
import {type LanHost, type LanHostSpec, withLan} from '../helpers/netns-lan.js'
import {cleanupStaleNamespaces, listNamespaces, netnsAvailable} from '../helpers/netns.js'
import {CLI} from '../helpers/run-cli.js'
import {probeJson, probeRefused} from './probe-cli.js'

const available = netnsAvailable()
const VIP = '192.0.2.100'
const PORT = '8080'
const DR_SYSCTLS = {'net.ipv4.conf.all.arp_ignore': 1, 'net.ipv4.conf.all.arp_announce': 2}

const LAN: LanHostSpec[] = [
  {name: 'lb', address: '192.0.2.5/24', vips: [{cidr: `${VIP}/32`, dev: 'eth0'}]},
  {name: 'good', address: '192.0.2.11/24', sysctls: DR_SYSCTLS, vips: [{cidr: `${VIP}/32`, dev: 'lo'}], listeners: [{address: '0.0.0.0', port: 8080}]},
  {name: 'novip', address: '192.0.2.12/24', sysctls: DR_SYSCTLS, listeners: [{address: '0.0.0.0', port: 8080}]},
  {name: 'riponly', address: '192.0.2.13/24', sysctls: DR_SYSCTLS, vips: [{cidr: `${VIP}/32`, dev: 'lo'}], listeners: [{address: '192.0.2.13', port: 8080}]},
]

/**
 * IPv4 routes, addresses and rules of a host, to show the probe changed none of them. IPv4 only:
 * the kernel's own IPv6 link-local set-up (duplicate address detection clearing "tentative" and
 * adding the fe80 local route) may finish during the test, and the probe never touches IPv6.
 */
async function hostState(host: LanHost): Promise<string> {
  const parts = await Promise.all([['-4', '-j', 'route', 'show', 'table', 'all'], ['-4', '-j', 'addr'], ['-4', '-j', 'rule']].map((args) => host.exec(['ip', ...args])))
  return parts.map((p) => p.stdout).join('\n')
}

/**
 * Probe namespaces (`rsaudit-probe-<pid>-<hex>`) whose probe process is gone: leaked ones. A probe
 * still running elsewhere (the lab test runs probes in parallel) has a live PID and is not counted.
 */
const leakedProbeNamespaces = async (): Promise<string[]> => (await listNamespaces()).filter((name) => name.startsWith('rsaudit-probe-') && !alive(Number(name.split('-')[2])))

/** The namespaces of one probe process. */
const probeNamespacesOf = async (pid: number | undefined): Promise<string[]> => (await listNamespaces()).filter((name) => name.startsWith(`rsaudit-probe-${pid}-`))

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

beforeAll(async () => {
  if (process.env.CI && !available.ok) throw new Error(`live tests must run in CI: ${available.reason}`)
  if (available.ok) await cleanupStaleNamespaces()
})

describe.skipIf(!available.ok)('rsaudit probe vip-path on a test LAN', () => {
  it('tells the correct real server from one without the VIP and one listening on its RIP only', async () => {
    await withLan(LAN, async ({lb, good, novip, riponly}) => {
      const before = await hostState(lb!)
      const leakedBefore = await leakedProbeNamespaces()

      const ok = await probeJson<VipPathResult>(lb!, 'vip-path', ['--vip', VIP, '--real-server', good!.address, '--port', PORT])
      expect(ok.result).toMatchObject({connected: true, error: null, problem: false, interface: 'eth0', realServerMac: good!.mac})
      // Found by duplicate address detection: the top of the subnet, not this host's address.
      expect(ok.result.source).toBe('192.0.2.254')
      expect(ok.exitCode).toBe(0)

      const dropped = await probeJson<VipPathResult>(lb!, 'vip-path', ['--vip', VIP, '--real-server', novip!.address, '--port', PORT])
      expect(dropped.result).toMatchObject({connected: false, error: 'ETIMEDOUT', problem: true, realServerMac: novip!.mac})
      expect(dropped.exitCode).toBe(1)

      const refused = await probeJson<VipPathResult>(lb!, 'vip-path', ['--vip', VIP, '--real-server', riponly!.address, '--port', PORT])
      expect(refused.result).toMatchObject({connected: false, error: 'ECONNREFUSED', problem: true})
      expect(refused.exitCode).toBe(1)

      // What a health check sees: all three RIPs accept the port.
      for (const rs of [good!, novip!, riponly!]) {
        const check = await lb!.exec([process.execPath, '-e', CONNECT, rs.address, PORT], {env: {NODE_OPTIONS: ''}})
        expect(check.stdout, rs.address).toBe('connected\n')
      }

      expect(await hostState(lb!)).toBe(before)
      expect(await leakedProbeNamespaces()).toEqual(leakedBefore)
    })
  }, 90_000) // three probes (DAD about 2 s, a 3 s connect limit) plus three health checks

  it('uses --source when given, and says when the real server is not on the segment', async () => {
    await withLan(LAN, async ({lb}) => {
      const {exitCode, result} = await probeJson<VipPathResult>(lb!, 'vip-path', ['--vip', VIP, '--real-server', '192.0.2.44', '--port', PORT, '--source', '192.0.2.200'])
      expect(result).toMatchObject({source: '192.0.2.200', realServerMac: null, connected: false, problem: true})
      expect(result.message).toMatch(/did not answer ARP on eth0/)
      expect(exitCode).toBe(1)
    })
  }, 45_000)

  it('refuses bad input, a taken --source and an unprivileged user with exit 2 and one line', async () => {
    await withLan(LAN, async ({lb}) => {
      const cli = [process.execPath, CLI, 'probe', 'vip-path']
      expect((await probeRefused(lb!, [...cli, '--vip', '2001:db8::1', '--real-server', '192.0.2.11'])).stderr).toMatch(/is not an IPv4 address/)
      expect((await probeRefused(lb!, [...cli, '--vip', VIP, '--real-server', '192.0.2.11', '--port', '70000'])).stderr).toMatch(/is not a TCP port/)
      expect((await probeRefused(lb!, [...cli, '--vip', VIP, '--real-server', '192.0.2.11', '--source', '192.0.2.5'])).stderr).toMatch(/--source 192\.0\.2\.5 must be a free address in 192\.0\.2\.5\/24/)
      const drop = ['setpriv', '--reuid=65534', '--regid=65534', '--clear-groups', 'env', 'HOME=/tmp']
      expect((await probeRefused(lb!, [...drop, ...cli, '--vip', VIP, '--real-server', '192.0.2.11'])).stderr).toMatch(/must run as root/)
    })
  }, 45_000)

  it('deletes its namespace when interrupted (SIGINT) and exits 130', async () => {
    await withLan(LAN, async ({lb, novip}) => {
      // nsenter execs the CLI itself, so the signal goes to rsaudit (ip netns exec would stand in between).
      const child = spawn('nsenter', [`--net=/run/netns/${lb!.namespace}`, process.execPath, CLI, 'probe', 'vip-path', '--vip', VIP, '--real-server', novip!.address, '--port', PORT, '--source', '192.0.2.200'], {stdio: 'ignore'})
      const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)))
      // Wait until the probe namespace exists (the connect attempt then takes its 3 s timeout).
      let seen: string[] = []
      for (let attempt = 0; attempt < 100 && seen.length === 0; attempt++) {
        await new Promise((resolve) => setTimeout(resolve, 50))
        seen = await probeNamespacesOf(child.pid)
      }
      expect(seen).toHaveLength(1)
      child.kill('SIGINT')
      expect(await exited).toBe(130)
      expect(await probeNamespacesOf(child.pid)).toEqual([])
    })
  }, 45_000)
})

/** A plain TCP connect with a 2 s limit: what a load balancer's health check does. */
const CONNECT = `
  const s = require('node:net').connect({host: process.argv[1], port: Number(process.argv[2])})
  s.setTimeout(2000, () => { console.log('timeout'); process.exit(1) })
  s.on('connect', () => { console.log('connected'); process.exit(0) }).on('error', (e) => { console.log(e.code); process.exit(1) })`
