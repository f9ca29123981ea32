/**
 * Self-tests of the live namespace harness (test/helpers/netns.ts). They run for real as root and
 * check the two things later live tests rely on: the namespace looks like a freshly booted real
 * server configured exactly as the spec says, and nothing is left behind on the host afterwards,
 * including when the test body throws or setup fails halfway.
 */
import {execFileSync} from 'node:child_process'
import {randomBytes} from 'node:crypto'
import {existsSync, mkdirSync, readdirSync, rmdirSync, rmSync} from 'node:fs'

import {beforeAll, describe, expect, it} from 'vitest'

import {cleanupStaleNamespaces, listNamespaces, netnsAvailable, sysctlPath, withRealServer, type RealServerNamespace} from './netns.js'

const available = netnsAvailable()

/** Harness namespaces created by this test process (other files may run in parallel). */
async function ownNamespaces(): Promise<string[]> {
  return (await listNamespaces()).filter((name) => name.startsWith(`rsa-${process.pid}-`))
}

async function readSysctl(ns: RealServerNamespace, path: string): Promise<string> {
  const {stdout, exitCode, stderr} = await ns.exec(['cat', `/proc/sys/${path}`])
  expect(exitCode, stderr).toBe(0)
  return stdout.trim()
}

interface IpAddrJson {
  ifname: string
  addr_info: Array<{family: string; local: string; prefixlen: number; scope: string}>
}

async function addresses(ns: RealServerNamespace, dev: string): Promise<IpAddrJson['addr_info']> {
  const {stdout} = await ns.exec(['ip', '-j', 'addr', 'show', 'dev', dev])
  return (JSON.parse(stdout) as IpAddrJson[])[0]?.addr_info ?? []
}

describe('sysctlPath', () => {
  it('follows the sysctl(8) convention: dots separate, a slash stands for a dot in a name', () => {
    expect(sysctlPath('net.ipv4.conf.all.arp_ignore')).toBe('net/ipv4/conf/all/arp_ignore')
    expect(sysctlPath('net.ipv4.conf.eth0/100.arp_ignore')).toBe('net/ipv4/conf/eth0.100/arp_ignore')
  })

  it('refuses keys that could escape /proc/sys', () => {
    expect(() => sysctlPath('net..ipv4')).toThrow(/invalid sysctl key/)
  })
})

describe('netnsAvailable', () => {
  it('answers with ok or a reason', () => {
    expect(available.ok || ('reason' in available && available.reason.length > 0)).toBe(true)
  })
})

describe.skipIf(!available.ok)('withRealServer (live)', () => {
  beforeAll(async () => {
    await cleanupStaleNamespaces()
  })

  it('creates the server and LAN namespaces and removes them afterwards', async () => {
    const seen = await withRealServer({rip: '192.0.2.10/24'}, async (ns) => {
      const names = await ownNamespaces()
      expect(names).toContain(ns.name)
      expect(names).toContain(ns.peer.name)
      expect(ns.name).toMatch(/^rsa-\d+-[0-9a-f]{8}-rs$/)
      return [ns.name, ns.peer.name]
    })
    const after = await listNamespaces()
    for (const name of seen) expect(after).not.toContain(name)
  })

  it('wires the RIP on the veth named eth0, the .1 on the LAN side and a default route', async () => {
    await withRealServer({rip: '192.0.2.10/24'}, async (ns) => {
      expect(ns.nic).toBe('eth0')
      expect(ns.rip).toBe('192.0.2.10')
      expect(ns.peer.address).toBe('192.0.2.1')
      expect(await addresses(ns, 'eth0')).toContainEqual(expect.objectContaining({family: 'inet', local: '192.0.2.10', prefixlen: 24}))
      const route = await ns.exec(['ip', '-j', 'route', 'show', 'default'])
      expect(JSON.parse(route.stdout)).toEqual([expect.objectContaining({dst: 'default', gateway: '192.0.2.1', dev: 'eth0'})])
      // lo is up (a new namespace starts with it down); the LAN side holds the .1.
      const lo = await ns.exec(['ip', '-j', 'link', 'show', 'dev', 'lo'])
      expect((JSON.parse(lo.stdout) as Array<{flags: string[]}>)[0]?.flags).toContain('UP')
      const peer = await ns.peer.exec(['ip', '-j', 'addr', 'show', 'dev', ns.peer.nic])
      expect(JSON.parse(peer.stdout)).toEqual([expect.objectContaining({addr_info: expect.arrayContaining([expect.objectContaining({local: '192.0.2.1'})])})])
      // Nothing in the root namespace: the veth ends exist only inside the pair of namespaces.
      expect(execFileSync('ip', ['-o', 'link', 'show', 'type', 'veth'], {encoding: 'utf8'})).not.toContain(ns.name)
    })
  })

  it('honours a custom NIC name', async () => {
    await withRealServer({rip: '192.0.2.20/24', nic: 'ens192'}, async (ns) => {
      expect(ns.nic).toBe('ens192')
      expect(await addresses(ns, 'ens192')).toContainEqual(expect.objectContaining({local: '192.0.2.20'}))
    })
  })

  it('resets ARP/rp_filter sysctls to kernel defaults and then applies the spec', async () => {
    await withRealServer(
      {rip: '192.0.2.10/24', sysctls: {'net.ipv4.conf.all.arp_ignore': 1, 'net.ipv4.conf.all.arp_announce': 2, 'net.ipv4.conf.eth0.rp_filter': 2}},
      async (ns) => {
        for (const scope of ['default', 'eth0', 'lo']) {
          for (const key of ['arp_ignore', 'arp_announce', 'arp_filter']) {
            expect(await readSysctl(ns, `net/ipv4/conf/${scope}/${key}`), `${scope}.${key}`).toBe('0')
          }
        }
        expect(await readSysctl(ns, 'net/ipv4/conf/all/rp_filter')).toBe('0')
        expect(await readSysctl(ns, 'net/ipv4/conf/all/arp_filter')).toBe('0')
        expect(await readSysctl(ns, 'net/ipv4/conf/all/arp_ignore')).toBe('1')
        expect(await readSysctl(ns, 'net/ipv4/conf/all/arp_announce')).toBe('2')
        expect(await readSysctl(ns, 'net/ipv4/conf/eth0/rp_filter')).toBe('2')
      },
    )
  })

  it('resets the NIC explicitly, so a later conf/default write does not reach it (set the interface key instead)', async () => {
    // The kernel copies conf/default into lo/eth0 only where a key was never written; the reset writes them all.
    await withRealServer({rip: '192.0.2.10/24', sysctls: {'net.ipv4.conf.default.arp_announce': 2}}, async (ns) => {
      expect(await readSysctl(ns, 'net/ipv4/conf/default/arp_announce')).toBe('2')
      expect(await readSysctl(ns, 'net/ipv4/conf/eth0/arp_announce')).toBe('0')
    })
  })

  it('adds the VIP on lo as /32 (and scope host when asked), after the sysctls', async () => {
    await withRealServer(
      {
        rip: '192.0.2.10/24',
        vips: [
          {cidr: '198.51.100.10/32', dev: 'lo'},
          {cidr: '198.51.100.11/32', dev: 'lo', scope: 'host'},
          {cidr: '2001:db8::10/128', dev: 'lo'},
        ],
      },
      async (ns) => {
        const lo = await addresses(ns, 'lo')
        expect(lo).toContainEqual(expect.objectContaining({family: 'inet', local: '198.51.100.10', prefixlen: 32, scope: 'global'}))
        expect(lo).toContainEqual(expect.objectContaining({family: 'inet', local: '198.51.100.11', prefixlen: 32, scope: 'host'}))
        expect(lo).toContainEqual(expect.objectContaining({family: 'inet6', local: '2001:db8::10', prefixlen: 128}))
      },
    )
  })

  it("puts a 'veth' VIP on the NIC (the misconfigured case) and creates extra links before the sysctls", async () => {
    await withRealServer(
      {
        rip: '192.0.2.10/24',
        extraLinks: [{name: 'br0', kind: 'bridge', cidr: '203.0.113.5/32'}],
        vips: [{cidr: '198.51.100.10/24', dev: 'veth'}],
        sysctls: {'net.ipv4.conf.br0.arp_ignore': 1},
      },
      async (ns) => {
        expect(await addresses(ns, 'eth0')).toContainEqual(expect.objectContaining({local: '198.51.100.10', prefixlen: 24}))
        expect(await addresses(ns, 'br0')).toContainEqual(expect.objectContaining({local: '203.0.113.5', prefixlen: 32}))
        expect(await readSysctl(ns, 'net/ipv4/conf/br0/arp_ignore')).toBe('1')
      },
    )
  })

  it('creates a veth second NIC with its peer in the same namespace, and runs ipCommands after the VIPs', async () => {
    await withRealServer(
      {
        rip: '192.0.2.10/24',
        extraLinks: [{name: 'eth1', kind: 'veth', cidr: '203.0.113.10/24'}],
        ipCommands: [['route', 'add', '198.51.100.0/24', 'via', '203.0.113.1', 'dev', 'eth1']],
      },
      async (ns) => {
        expect(await addresses(ns, 'eth1')).toContainEqual(expect.objectContaining({local: '203.0.113.10', prefixlen: 24}))
        const peer = JSON.parse((await ns.exec(['ip', '-j', 'link', 'show', 'dev', 'eth1p'])).stdout) as Array<{flags: string[]}>
        expect(peer[0]?.flags).toContain('UP')
        expect((await ns.exec(['ip', 'route', 'show', '198.51.100.0/24'])).stdout).toContain('via 203.0.113.1 dev eth1')
      },
    )
  })

  it('creates a dummy link (skipped where the kernel has no dummy driver)', async (context) => {
    try {
      await withRealServer({rip: '192.0.2.10/24', extraLinks: [{name: 'dummy0', kind: 'dummy', up: false}]}, async (ns) => {
        const link = await ns.exec(['ip', '-j', 'link', 'show', 'dev', 'dummy0'])
        expect((JSON.parse(link.stdout) as Array<{flags: string[]}>)[0]?.flags).not.toContain('UP')
      })
    } catch (error) {
      if (error instanceof Error && /create dummy dummy0.*Unknown device type/.test(error.message)) context.skip('kernel lacks the dummy driver')
      throw error
    }
  })

  it('shows /etc files inside the namespace only, and removes them afterwards', async () => {
    const file = 'sysctl.d/90-rsaudit-selftest.conf'
    const content = 'net.ipv4.conf.all.arp_ignore = 1\n'
    let etcDir = ''
    await withRealServer({rip: '192.0.2.10/24', etc: {[file]: {content, mode: 0o600}}}, async (ns) => {
      etcDir = `/etc/netns/${ns.name}`
      const cat = await ns.exec(['cat', `/etc/${file}`])
      expect(cat).toEqual({stdout: content, stderr: '', exitCode: 0})
      const stat = await ns.exec(['stat', '-c', '%a', `/etc/${file}`])
      expect(stat.stdout.trim()).toBe('600')
      expect(existsSync(`/etc/${file}`)).toBe(false)
    })
    expect(existsSync(etcDir)).toBe(false)
  })

  it('refuses /etc entries that ip netns exec could not bind-mount', async () => {
    await expect(withRealServer({rip: '192.0.2.10/24', etc: {'rsaudit-no-such-dir/x.conf': ''}}, async () => undefined)).rejects.toThrow(
      /does not exist on the host/,
    )
    await expect(withRealServer({rip: '192.0.2.10/24', etc: {'../x': ''}}, async () => undefined)).rejects.toThrow(/stay inside/)
  })

  it('starts listeners visible to ss inside the namespace and stops them afterwards', async () => {
    await withRealServer(
      {
        rip: '192.0.2.10/24',
        vips: [{cidr: '198.51.100.10/32', dev: 'lo'}],
        listeners: [
          {address: '0.0.0.0', port: 8080},
          {address: '198.51.100.10', port: 8081},
          {address: '::', port: 8082},
        ],
      },
      async (ns) => {
        const {stdout} = await ns.exec(['ss', '-Hltn'])
        expect(stdout).toMatch(/\s0\.0\.0\.0:8080\s/)
        expect(stdout).toMatch(/\s198\.51\.100\.10:8081\s/)
        expect(stdout).toMatch(/\s\*:8082\s/)
        // The LAN side reaches the RIP listener over the veth pair.
        const probe = await ns.peer.exec([process.execPath, '-e', connectScript, '192.0.2.10', '8080'], {env: {NODE_OPTIONS: ''}})
        expect(probe.stdout).toBe('rsaudit-test\n')
      },
    )
  })

  it('rejects with the server error when a listener cannot bind, and cleans up', async () => {
    const before = await ownNamespaces()
    await expect(withRealServer({rip: '192.0.2.10/24', listeners: [{address: '198.51.100.99', port: 8080}]}, async () => undefined)).rejects.toThrow(
      /listener 198\.51\.100\.99:8080: exited with 1: .*EADDRNOTAVAIL/,
    )
    expect(await ownNamespaces()).toEqual(before)
  })

  it('cleans up when fn throws and passes the error through', async () => {
    let names: string[] = []
    await expect(
      withRealServer({rip: '192.0.2.10/24', etc: {'sysctl.d/90-rsaudit-selftest.conf': 'x\n'}}, async (ns) => {
        names = [ns.name, ns.peer.name]
        throw new Error('boom from the test body')
      }),
    ).rejects.toThrow('boom from the test body')
    const after = await listNamespaces()
    for (const name of names) expect(after).not.toContain(name)
    expect(existsSync(`/etc/netns/${names[0]}`)).toBe(false)
  })

  it('cleans up when setup fails halfway (invalid VIP prefix makes ip addr add fail)', async () => {
    const before = await ownNamespaces()
    const attempt = withRealServer(
      {rip: '192.0.2.10/24', etc: {'sysctl.d/90-rsaudit-selftest.conf': 'x\n'}, vips: [{cidr: '198.51.100.10/33', dev: 'lo'}]},
      async () => 'not reached',
    )
    await expect(attempt).rejects.toThrow(/netns setup step "add VIP 198\.51\.100\.10\/33 on lo" failed: `ip -n rsa-\d+-[0-9a-f]+-rs addr add 198\.51\.100\.10\/33 dev lo` exited \d+: .+/)
    expect(await ownNamespaces()).toEqual(before)
    const leftovers = existsSync('/etc/netns') ? readdirSync('/etc/netns').filter((d) => d.startsWith(`rsa-${process.pid}-`)) : []
    expect(leftovers).toEqual([])
  })

  it('cleans up when setup fails on a missing device', async () => {
    const before = await ownNamespaces()
    await expect(withRealServer({rip: '192.0.2.10/24', vips: [{cidr: '198.51.100.10/32', dev: 'nosuch0'}]}, async () => undefined)).rejects.toThrow(
      /add VIP 198\.51\.100\.10\/32 on nosuch0.*Cannot find device/,
    )
    expect(await ownNamespaces()).toEqual(before)
  })

  it('runs setup commands inside the server namespace, after the VIPs', async () => {
    const setup = [['ip', 'route', 'add', 'local', '203.0.113.0/24', 'dev', 'lo'], ['ip', 'addr', 'show', 'dev', 'lo']]
    const routes = await withRealServer({rip: '192.0.2.10/24', vips: [{cidr: '198.51.100.10/32', dev: 'lo'}], setup}, async (ns) => (await ns.exec(['ip', 'route', 'show', 'table', 'local', 'dev', 'lo'])).stdout)
    expect(routes).toContain('local 203.0.113.0/24')
    expect(routes).toContain('local 198.51.100.10')
  })

  it('rejects a failing setup command, naming it, and cleans up', async () => {
    const before = await ownNamespaces()
    await expect(withRealServer({rip: '192.0.2.10/24', setup: [['ip', 'link', 'set', 'nosuch0', 'up']]}, async () => undefined)).rejects.toThrow(/setup: ip link set nosuch0 up/)
    expect(await ownNamespaces()).toEqual(before)
  })

  it('rejects a sysctl the kernel refuses, naming the key, and cleans up', async () => {
    const before = await ownNamespaces()
    await expect(withRealServer({rip: '192.0.2.10/24', sysctls: {'net.ipv4.conf.eth9.arp_ignore': 1}}, async () => undefined)).rejects.toThrow(
      /net\.ipv4\.conf\.eth9\.arp_ignore = 1: ENOENT/,
    )
    expect(await ownNamespaces()).toEqual(before)
  })

  it('refuses addresses outside the documentation ranges before creating anything', async () => {
    const before = await ownNamespaces()
    await expect(withRealServer({rip: '10.0.0.2/24'}, async () => undefined)).rejects.toThrow(/192\.0\.2\.0\/24/)
    await expect(withRealServer({rip: '192.0.2.1/24'}, async () => undefined)).rejects.toThrow(/collides with the LAN end/)
    await expect(withRealServer({rip: '192.0.2.10/24', vips: [{cidr: '10.1.2.3/32', dev: 'lo'}]}, async () => undefined)).rejects.toThrow(
      /outside the documentation ranges/,
    )
    expect(await ownNamespaces()).toEqual(before)
  })

  it('removes stale namespaces and /etc/netns dirs of dead processes, but not live ones', async () => {
    // PID 2^22+1 is above the kernel's pid_max ceiling, so it can never belong to a live process.
    const stale = `rsa-4194305-${randomBytes(4).toString('hex')}-rs`
    execFileSync('ip', ['netns', 'add', stale], {timeout: 5000})
    mkdirSync(`/etc/netns/${stale}/sysctl.d`, {recursive: true})
    try {
      await withRealServer({rip: '192.0.2.10/24'}, async (ns) => {
        await cleanupStaleNamespaces()
        // Asserted on state, not on the returned list: a parallel run may have removed it first, which is fine.
        const names = await listNamespaces()
        expect(names).not.toContain(stale)
        expect(names).toContain(ns.name)
        expect(names).toContain(ns.peer.name)
        expect(existsSync(`/etc/netns/${stale}`)).toBe(false)
      })
    } finally {
      if ((await listNamespaces()).includes(stale)) execFileSync('ip', ['netns', 'del', stale], {timeout: 5000})
      rmSync(`/etc/netns/${stale}`, {recursive: true, force: true})
      if (existsSync('/etc/netns') && readdirSync('/etc/netns').length === 0) rmdirSync('/etc/netns')
    }
  })
})

/** Connects, prints what the listener sends, exits; bounded so a broken path cannot hang the test. */
const connectScript = `
  const socket = require('node:net').connect({host: process.argv[1], port: Number(process.argv[2])})
  socket.setTimeout(2000, () => process.exit(2))
  socket.on('data', (d) => process.stdout.write(d)).on('error', (e) => { console.error(e.message); process.exit(1) })`
