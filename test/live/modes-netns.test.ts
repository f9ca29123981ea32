/**
 * The TUN and NAT rules, and rp-filter-multihomed, arp-default and ipv6-proxy-ndp, run with the
 * built CLI against real kernel state in network namespaces. Where the kernel can show the
 * consequence (a neighbour answered by proxy, the values a new interface really gets), the test
 * checks that too, and where a fix is printed it is run and the audit repeated.
 *
 * This kernel has no ipip module (and no dummy, vlan or IPVS): the TUN tests show tun-interface
 * and tun-module-persistent failing for real, and judge tun-rp-filter on conf/default, which is
 * what tunl0 would start from. The passing side of the tunl0 checks is covered by the RuleTester
 * cases (test/rules/cases/tun-*.ts) only.
 */
import {existsSync} from 'node:fs'

import {beforeAll, describe, expect, it} from 'vitest'

import type {Outcome, Report, RuleResult} from '../../src/engine/types.js'
import {cleanupStaleNamespaces, netnsAvailable, type RealServerNamespace, type RealServerSpec, withRealServer} from '../helpers/netns.js'
import {CLI} from '../helpers/run-cli.js'
import {goodServer, VIP} from './scenarios.js'

const available = netnsAvailable()
const LB = '192.0.2.1'
const VIP6 = '2001:db8::10'

async function auditIn(ns: RealServerNamespace, args: string[]): Promise<{report: Report; exitCode: number}> {
  const {stdout, stderr, exitCode} = await ns.exec(['node', CLI, 'audit', '--json', ...args], {timeoutMs: 30_000})
  expect(stderr).toBe('')
  return {report: JSON.parse(stdout) as Report, exitCode}
}

function resultOf(report: Report, ruleId: string, subject?: string): RuleResult | undefined {
  return report.results.find((r) => r.ruleId === ruleId && (subject === undefined || r.subject === subject))
}

function outcomes(report: Report, ruleId: string): Record<string, Outcome> {
  return Object.fromEntries(report.results.filter((r) => r.ruleId === ruleId).map((r) => [r.subject, r.outcome]))
}

/** Runs a result's runtime bash commands in the namespace, as a user pasting them would. */
async function applyFix(ns: RealServerNamespace, result: RuleResult | undefined): Promise<string[]> {
  const commands = result?.remediation.filter((fix) => fix.shell === 'bash' && !fix.persistent).flatMap((fix) => fix.commands) ?? []
  for (const command of commands) {
    const run = await ns.exec(['bash', '-c', command])
    expect(run.exitCode, `${command}: ${run.stderr}`).toBe(0)
  }

  return commands
}

/** A NAT real server: no VIP, the LAN end (192.0.2.1) standing in for the load balancer's floating IP. */
function natServer(overrides: Partial<RealServerSpec> = {}): RealServerSpec {
  return {rip: '192.0.2.10/24', listeners: [{address: '0.0.0.0', port: 8080}], ...overrides}
}

beforeAll(async () => {
  if (process.env.CI && !available.ok) throw new Error(`live tests must run in CI: ${available.reason}`)
  if (available.ok) await cleanupStaleNamespaces()
})

describe.skipIf(!available.ok)('NAT mode in a network namespace', () => {
  it('passes nat-default-gateway with one default route via the floating IP, and runs no DR rule', async () => {
    await withRealServer(natServer(), async (ns) => {
      const {report} = await auditIn(ns, ['--mode', 'nat', '--gateway', LB, '--port', '8080'])
      expect(outcomes(report, 'nat-default-gateway')).toEqual({host: 'pass'})
      expect(outcomes(report, 'nat-direct-services')).toEqual({host: 'pass'})
      // NAT advisories only: the DR rules (ARP sysctls, VIP on loopback) are not evaluated at all.
      expect(new Set(report.results.map((r) => r.ruleId))).toEqual(new Set(['nat-default-gateway', 'nat-no-vip', 'nat-outbound-internet', 'nat-direct-services']))
      expect(report.inputs).toMatchObject({mode: 'nat', gateway: LB})
    })
  })

  it('fails a default route via another router, and the printed fix makes it pass', async () => {
    await withRealServer(natServer({ipCommands: [['route', 'replace', 'default', 'via', '192.0.2.254', 'dev', 'eth0']]}), async (ns) => {
      const before = await auditIn(ns, ['--mode', 'nat', '--gateway', LB])
      const result = resultOf(before.report, 'nat-default-gateway')
      expect(result?.outcome).toBe('fail')
      expect(result?.message).toContain('default via 192.0.2.254 dev eth0')
      expect(before.exitCode).toBe(1)
      expect(await applyFix(ns, result)).toEqual(['ip -4 route flush exact 0.0.0.0/0', `ip -4 route add default via ${LB} dev eth0`])
      const after = await auditIn(ns, ['--mode', 'nat', '--gateway', LB])
      expect(outcomes(after.report, 'nat-default-gateway')).toEqual({host: 'pass'})
    })
  })

  it('fails two default routes even when the right one has the lower metric', async () => {
    await withRealServer(natServer({ipCommands: [['route', 'add', 'default', 'via', '192.0.2.254', 'dev', 'eth0', 'metric', '100']]}), async (ns) => {
      const {report} = await auditIn(ns, ['--mode', 'nat', '--gateway', LB])
      expect(resultOf(report, 'nat-default-gateway')?.message).toContain('there are 2 default routes')
      // The kernel really has both, the LB's preferred: the rule must not take the first one for all of them.
      const routes = await ns.exec(['ip', '-4', 'route', 'show', 'default'])
      expect(routes.stdout.trim().split('\n')).toHaveLength(2)
    })
  })

  it('fails one multipath default route whose first next hop is the load balancer', async () => {
    const multipath = [['route', 'replace', 'default', 'nexthop', 'via', LB, 'dev', 'eth0', 'nexthop', 'via', '192.0.2.254', 'dev', 'eth0']]
    await withRealServer(natServer({ipCommands: multipath}), async (ns) => {
      const {report} = await auditIn(ns, ['--mode', 'nat', '--gateway', LB])
      expect(resultOf(report, 'nat-default-gateway')).toMatchObject({outcome: 'fail'})
      expect(resultOf(report, 'nat-default-gateway')?.message).toContain('spreads replies over 2 next hops')
    })
  })

  it('is unknown without --gateway, asking for it, even with exactly one default route', async () => {
    await withRealServer(natServer(), async (ns) => {
      const {report, exitCode} = await auditIn(ns, ['--mode', 'nat'])
      expect(resultOf(report, 'nat-default-gateway')).toMatchObject({outcome: 'unknown'})
      expect(resultOf(report, 'nat-default-gateway')?.message).toContain('pass --gateway IP')
      expect(exitCode).toBe(3)
    })
  })

  it('fails nat-no-vip for a DR VIP left on lo, and the printed fix removes it', async () => {
    await withRealServer(natServer({vips: [{cidr: `${VIP}/32`, dev: 'lo'}]}), async (ns) => {
      const before = await auditIn(ns, ['--mode', 'nat', '--gateway', LB])
      expect(outcomes(before.report, 'nat-no-vip')).toEqual({[VIP]: 'fail'})
      expect(await applyFix(ns, resultOf(before.report, 'nat-no-vip'))).toEqual([`ip addr del ${VIP}/32 dev lo`])
      const after = await auditIn(ns, ['--mode', 'nat', '--gateway', LB, '--vip', VIP])
      expect(outcomes(after.report, 'nat-no-vip')).toEqual({[VIP]: 'pass'})
    })
  })

  it('keeps the info advisories out of the default exit status', async () => {
    await withRealServer(natServer({listeners: [{address: '0.0.0.0', port: 8080}, {address: '0.0.0.0', port: 2222}]}), async (ns) => {
      const {report, exitCode} = await auditIn(ns, ['--mode', 'nat', '--gateway', LB, '--port', '8080'])
      expect(resultOf(report, 'nat-direct-services')).toMatchObject({outcome: 'fail', severity: 'info'})
      expect(resultOf(report, 'nat-direct-services')?.message).toContain('TCP 2222 is not load-balanced')
      expect(resultOf(report, 'nat-outbound-internet')).toMatchObject({outcome: 'unknown', severity: 'info'})
      expect(exitCode).toBe(0)
      const strict = await auditIn(ns, ['--mode', 'nat', '--gateway', LB, '--port', '8080', '--fail-on', 'info'])
      expect(strict.exitCode).toBe(1)
    })
  })
})

describe.skipIf(!available.ok)('Direct Routing extras in a network namespace', () => {
  const twoNics = (sysctls: Record<string, number>): RealServerSpec =>
    goodServer({extraLinks: [{name: 'eth1', kind: 'veth', cidr: '203.0.113.10/24'}], sysctls: {...goodServer().sysctls, ...sysctls}})

  it('fails rp-filter-multihomed on the second NIC under strict all=1, and the fix loosens that NIC alone', async () => {
    await withRealServer(twoNics({'net.ipv4.conf.all.rp_filter': 1}), async (ns) => {
      const before = await auditIn(ns, [])
      expect(outcomes(before.report, 'rp-filter-multihomed')).toEqual({eth0: 'pass', eth1: 'fail'})
      expect(await applyFix(ns, resultOf(before.report, 'rp-filter-multihomed', 'eth1'))).toEqual(['sysctl -w net.ipv4.conf.eth1.rp_filter=2'])
      const after = await auditIn(ns, [])
      expect(outcomes(after.report, 'rp-filter-multihomed')).toEqual({eth0: 'pass', eth1: 'pass'})
      // all stayed strict: only eth1 was loosened, through max(all=1, eth1=2).
      expect((await ns.exec(['cat', '/proc/sys/net/ipv4/conf/all/rp_filter'])).stdout.trim()).toBe('1')
    })
  })

  it('passes rp-filter-multihomed with loose all=2', async () => {
    await withRealServer(twoNics({'net.ipv4.conf.all.rp_filter': 2}), async (ns) => {
      expect(outcomes((await auditIn(ns, [])).report, 'rp-filter-multihomed')).toEqual({eth0: 'pass', eth1: 'pass'})
    })
  })

  it('fails arp-default when only eth0 is set, and the kernel shows a new interface really starts unprotected', async () => {
    const sysctls = {'net.ipv4.conf.eth0.arp_ignore': 1, 'net.ipv4.conf.eth0.arp_announce': 2}
    await withRealServer(goodServer({sysctls}), async (ns) => {
      const {report} = await auditIn(ns, [])
      expect(outcomes(report, 'arp-ignore')).toEqual({eth0: 'pass'})
      expect(outcomes(report, 'arp-default')).toEqual({host: 'fail'})
      expect(resultOf(report, 'arp-default')?.message).toContain('arp_ignore is 0 = max(all=0, default=0)')
      const created = await ns.exec(['ip', 'link', 'add', 'eth2', 'type', 'veth', 'peer', 'name', 'eth2p'])
      expect(created.exitCode, created.stderr).toBe(0)
      const read = async (scope: string, key: string) => Number((await ns.exec(['cat', `/proc/sys/net/ipv4/conf/${scope}/${key}`])).stdout.trim())
      expect(Math.max(await read('all', 'arp_ignore'), await read('eth2', 'arp_ignore'))).toBe(0)
    })
  })

  it('passes arp-default with all set, and a new interface is then protected through max()', async () => {
    await withRealServer(goodServer(), async (ns) => {
      expect(outcomes((await auditIn(ns, [])).report, 'arp-default')).toEqual({host: 'pass'})
      await ns.exec(['ip', 'link', 'add', 'eth2', 'type', 'veth', 'peer', 'name', 'eth2p'])
      const read = async (scope: string) => Number((await ns.exec(['cat', `/proc/sys/net/ipv4/conf/${scope}/arp_ignore`])).stdout.trim())
      expect(Math.max(await read('all'), await read('eth2'))).toBe(1)
    })
  })

  describe('ipv6-proxy-ndp with a real proxy entry', () => {
    const spec = (proxyNdp: number): RealServerSpec =>
      goodServer({
        vips: [{cidr: `${VIP6}/128`, dev: 'lo'}],
        sysctls: {...goodServer().sysctls, 'net.ipv6.conf.eth0.forwarding': 1, 'net.ipv6.conf.eth0.proxy_ndp': proxyNdp},
        ipCommands: [
          ['-6', 'addr', 'add', '2001:db8::2/64', 'dev', 'eth0', 'nodad'],
          ['-6', 'neigh', 'add', 'proxy', VIP6, 'dev', 'eth0'],
        ],
      })

    /** Whether the LAN side, asking for the VIP by neighbour discovery, learns the server's MAC. */
    async function lanLearnsVipFromServer(ns: RealServerNamespace): Promise<boolean> {
      await ns.peer.exec(['ip', '-6', 'addr', 'add', '2001:db8::1/64', 'dev', ns.peer.nic, 'nodad'])
      await ns.peer.exec(['ping', '-6', '-c', '1', '-W', '3', VIP6])
      const neigh = await ns.peer.exec(['ip', '-j', '-6', 'neigh', 'show', VIP6, 'dev', ns.peer.nic])
      const mac = (JSON.parse((await ns.exec(['ip', '-j', 'link', 'show', 'dev', 'eth0'])).stdout) as Array<{address: string}>)[0]?.address
      const entries = JSON.parse(neigh.stdout || '[]') as Array<{lladdr?: string}>
      return entries.some((entry) => entry.lladdr !== undefined && entry.lladdr === mac)
    }

    it('fails when the entry is active, and the LAN really resolves the VIP to the server', async () => {
      await withRealServer(spec(1), async (ns) => {
        const {report} = await auditIn(ns, ['--vip', VIP6])
        expect(outcomes(report, 'ipv6-proxy-ndp')).toEqual({host: 'fail'})
        expect(resultOf(report, 'ipv6-proxy-ndp')?.remediation.flatMap((fix) => fix.commands)).toContain(`ip -6 neigh del proxy ${VIP6} dev eth0`)
        expect(await lanLearnsVipFromServer(ns)).toBe(true)
      })
    })

    it('passes a dormant entry (proxy_ndp off), and the LAN really gets no answer', async () => {
      await withRealServer(spec(0), async (ns) => {
        const {report} = await auditIn(ns, ['--vip', VIP6])
        expect(outcomes(report, 'ipv6-proxy-ndp')).toEqual({host: 'pass'})
        expect(resultOf(report, 'ipv6-proxy-ndp')?.message).toContain('only dormant entries')
        expect(await lanLearnsVipFromServer(ns)).toBe(false)
      })
    })
  })
})

describe.skipIf(!available.ok)('TUN mode in a network namespace (this kernel has no ipip)', () => {
  it('has no ipip here: no /sys/module/ipip, and the kernel refuses an ipip link', async () => {
    expect(existsSync('/sys/module/ipip')).toBe(false)
    await withRealServer({rip: '192.0.2.10/24'}, async (ns) => {
      const added = await ns.exec(['ip', 'link', 'add', 'tun9', 'type', 'ipip'])
      expect(added.exitCode).not.toBe(0)
    })
  })

  it('fails tun-interface, tun-vip and tun-module-persistent for real, and judges tunl0 rp_filter on conf/default', async () => {
    const spec = goodServer({sysctls: {...goodServer().sysctls, 'net.ipv4.conf.default.rp_filter': 1}})
    await withRealServer(spec, async (ns) => {
      const {report} = await auditIn(ns, ['--mode', 'tun'])
      expect(resultOf(report, 'tun-interface')).toMatchObject({outcome: 'fail'})
      expect(resultOf(report, 'tun-interface')?.message).toContain('the ipip module is not loaded')
      expect(resultOf(report, 'tun-interface')?.remediation.flatMap((fix) => fix.commands)).toEqual(['modprobe ipip', 'ip link set tunl0 up'])
      expect(outcomes(report, 'tun-vip')).toEqual({[VIP]: 'fail'})
      expect(outcomes(report, 'tun-module-persistent')).toEqual({host: 'fail'})
      // tunl0 would be created with default's rp_filter 1: strict, so unwrapped packets would be dropped.
      expect(resultOf(report, 'tun-rp-filter')?.message).toContain('tunl0 does not exist yet')
      expect(outcomes(report, 'tun-rp-filter')).toEqual({host: 'fail'})
    })
  })

  it('judges the ARP rules in TUN mode only on an interface whose subnet holds the VIP', async () => {
    // Kernel defaults (arp_ignore 0): off-link the rule does not apply, on-link it fails.
    const offLink = goodServer({sysctls: {}})
    await withRealServer(offLink, async (ns) => {
      const {report} = await auditIn(ns, ['--mode', 'tun'])
      for (const id of ['arp-ignore', 'arp-announce', 'sysctl-persistent']) expect(outcomes(report, id), id).toEqual({eth0: 'not-applicable'})
    })
    const onLink = goodServer({sysctls: {}, vips: [{cidr: '192.0.2.100/32', dev: 'lo'}]})
    await withRealServer(onLink, async (ns) => {
      expect(outcomes((await auditIn(ns, ['--mode', 'tun'])).report, 'arp-ignore')).toEqual({eth0: 'fail'})
    })
  })
})
