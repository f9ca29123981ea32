/**
 * `rsaudit probe arp`, run for real on a switched test LAN (network namespaces): a client, a
 * load balancer holding the VIP on eth0, and a real server with the VIP on lo. The real server
 * answers ARP for the VIP at kernel defaults and stays silent with arp_ignore=1/arp_announce=2.
 * CI runs as root, so these run there; elsewhere they skip only where namespaces cannot be made.
 */
import {chmodSync, copyFileSync, existsSync, mkdtempSync, rmSync, symlinkSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'

import {afterAll, beforeAll, describe, expect, it} from 'vitest'

import type {ArpProbeResult} from '../../src/probe/arp-verdict.js'
import {type LanHostSpec, withLan} from '../helpers/netns-lan.js'
import {cleanupStaleNamespaces, netnsAvailable} from '../helpers/netns.js'
import {CLI} from '../helpers/run-cli.js'
import {probeJson, probeRefused} from './probe-cli.js'

const available = netnsAvailable()
const VIP = '192.0.2.100'
const RIP = '192.0.2.11'
/** Where a program lives in the usual Debian/RHEL places (the tests below build PATHs without the rest). */
const which = (program: string): string => ['/usr/sbin', '/sbin', '/usr/bin', '/bin'].map((dir) => join(dir, program)).find((path) => existsSync(path)) ?? program
const DR_SYSCTLS = {'net.ipv4.conf.all.arp_ignore': 1, 'net.ipv4.conf.all.arp_announce': 2}

function lan(realServerSysctls: Record<string, number>): LanHostSpec[] {
  return [
    {name: 'client', address: '192.0.2.2/24'},
    {name: 'lb', address: '192.0.2.5/24', vips: [{cidr: `${VIP}/32`, dev: 'eth0'}]},
    {name: 'rs1', address: `${RIP}/24`, sysctls: realServerSysctls, vips: [{cidr: `${VIP}/32`, dev: 'lo'}]},
  ]
}

beforeAll(async () => {
  if (process.env.CI && !available.ok) throw new Error(`live tests must run in CI: ${available.reason}`)
  if (available.ok) await cleanupStaleNamespaces()
})

describe.skipIf(!available.ok)('rsaudit probe arp on a test LAN', {timeout: 45_000}, () => {
  it('finds the real server answering for the VIP at arp_ignore=0 and names it', async () => {
    await withLan(lan({}), async ({client, lb, rs1}) => {
      const {exitCode, result} = await probeJson<ArpProbeResult>(client!, 'arp', ['--vip', VIP, '--count', '2', '--real-server', RIP, '--expect-mac', lb!.mac])
      expect(result.responders).toHaveLength(2)
      expect(result.responders).toEqual(expect.arrayContaining([{mac: rs1!.mac, realServer: RIP}, {mac: lb!.mac, realServer: null}]))
      expect(result).toMatchObject({vip: VIP, interface: 'eth0', heldLocally: null, problem: true})
      expect(exitCode).toBe(1)
    })
  })

  it("hears only the load balancer's MAC when the real server has arp_ignore=1/arp_announce=2", async () => {
    await withLan(lan(DR_SYSCTLS), async ({client, lb}) => {
      const {exitCode, result} = await probeJson<ArpProbeResult>(client!, 'arp', ['--vip', VIP, '--count', '2', '--real-server', RIP, '--expect-mac', lb!.mac])
      expect(result.responders).toEqual([{mac: lb!.mac, realServer: null}])
      expect(result.problem).toBe(false)
      expect(exitCode).toBe(0)
    })
  })

  it('flags the right single MAC as wrong when --expect-mac names another', async () => {
    await withLan(lan(DR_SYSCTLS), async ({client, rs1}) => {
      const {exitCode, result} = await probeJson<ArpProbeResult>(client!, 'arp', ['--vip', VIP, '--count', '1', '--expect-mac', rs1!.mac])
      expect(result.problem).toBe(true)
      expect(exitCode).toBe(1)
    })
  })

  it('run on the load balancer itself: sends from its own address, so a real server at arp_ignore=0 still shows', async () => {
    // iputils would otherwise send from the VIP, and the real server ignores a sender claiming its own address.
    await withLan(lan({}), async ({lb, rs1}) => {
      const {exitCode, result} = await probeJson<ArpProbeResult>(lb!, 'arp', ['--vip', VIP, '--count', '2', '--real-server', RIP])
      expect(result).toMatchObject({interface: 'eth0', heldLocally: {mac: lb!.mac}, responders: [{mac: rs1!.mac, realServer: RIP}], problem: true})
      expect(exitCode).toBe(1)
    })
  })

  it('run on the load balancer of a correct setup: nobody else answers, exit 0', async () => {
    await withLan(lan(DR_SYSCTLS), async ({lb}) => {
      const {exitCode, result} = await probeJson<ArpProbeResult>(lb!, 'arp', ['--vip', VIP, '--count', '2', '--expect-mac', lb!.mac])
      expect(result).toMatchObject({heldLocally: {mac: lb!.mac}, responders: [], problem: false})
      expect(exitCode).toBe(0)
    })
  })

  it('flags a VIP nobody holds', async () => {
    await withLan(lan(DR_SYSCTLS), async ({client}) => {
      const {exitCode, result} = await probeJson<ArpProbeResult>(client!, 'arp', ['--vip', '192.0.2.200', '--count', '1'])
      expect(result).toMatchObject({responders: [], heldLocally: null, problem: true})
      expect(result.message).toMatch(/^No host answered ARP for 192\.0\.2\.200/)
      expect(exitCode).toBe(1)
    })
  })

  describe('exit 2 with one line when arping cannot run', () => {
    let bin = ''
    beforeAll(() => {
      bin = mkdtempSync(join(tmpdir(), 'rsaudit-arping-'))
      chmodSync(bin, 0o755) // the unprivileged run below must reach ip through it
      symlinkSync(which('ip'), join(bin, 'ip'))
    })
    afterAll(() => rmSync(bin, {recursive: true, force: true}))

    it('arping missing', async () => {
      await withLan(lan(DR_SYSCTLS), async ({client}) => {
        const {stderr} = await probeRefused(client!, ['env', `PATH=${bin}`, process.execPath, CLI, 'probe', 'arp', '--vip', VIP])
        expect(stderr).toMatch(/^rsaudit: arping is not installed \(install iputils-arping/)
      })
    })

    it('arping without CAP_NET_RAW, run by an unprivileged user', async () => {
      // A copy loses the file capability (cap_net_raw=ep) that lets the packaged arping run unprivileged.
      const copy = mkdtempSync(join(tmpdir(), 'rsaudit-arping-nocap-'))
      chmodSync(copy, 0o755)
      copyFileSync(which('arping'), join(copy, 'arping'))
      try {
        await withLan(lan(DR_SYSCTLS), async ({client}) => {
          const drop = ['setpriv', '--reuid=65534', '--regid=65534', '--clear-groups']
          const {stderr} = await probeRefused(client!, [...drop, 'env', `PATH=${copy}:${bin}`, 'HOME=/tmp', process.execPath, CLI, 'probe', 'arp', '--vip', VIP, '--count', '1'])
          expect(stderr).toMatch(/^rsaudit: arping needs root or CAP_NET_RAW: ./)
        })
      } finally {
        rmSync(copy, {recursive: true, force: true})
      }
    })
  })
})
