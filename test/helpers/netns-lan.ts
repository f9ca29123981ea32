/**
 * Live-kernel test LAN for the probes: several "hosts" (network namespaces) on one switched
 * segment, so a probe run on one host sees the ARP replies and TCP answers of the others.
 *
 *     rsa-<pid>-<hex>-sw            (the switch: bridge br0, one veth port per host)
 *       br0 ── p-client ──── eth0  rsa-<pid>-<hex>-client   192.0.2.2/24
 *           ── p-lb     ──── eth0  rsa-<pid>-<hex>-lb       192.0.2.5/24 (+ VIP on eth0)
 *           ── p-rs1    ──── eth0  rsa-<pid>-<hex>-rs1      192.0.2.11/24 (+ VIP on lo)
 *
 * Built with the pieces of the real-server harness (netns.ts): the same PID-tagged names (so
 * its stale cleanup covers these too), the same sysctl reset to kernel defaults, the same
 * listeners, and the same `Resources` that release everything in a `finally`, even when setup
 * fails halfway. Nothing is created in the root namespace: each veth is created inside its host
 * namespace with the peer placed straight into the switch. Documentation addresses only.
 */
import {
  addrAddArgs,
  assertDocumentationAddress,
  assertInterfaceName,
  execIn,
  mustRun,
  namespaceBase,
  type NamespaceExec,
  NetnsHarnessError,
  Resources,
  resetSysctls,
  startListener,
  sysctlPath,
  writeSysctls,
} from './netns.js'

export interface LanHostSpec {
  /** Short name, part of the namespace name and of the switch port name: 'client', 'lb', 'rs1'. */
  name: string
  /** CIDR on the host's eth0, e.g. '192.0.2.11/24'. */
  address: string
  /** Extra addresses: the VIP on lo (a correct real server) or on eth0 (the load balancer). */
  vips?: Array<{cidr: string; dev: 'lo' | 'eth0'}>
  /** Applied after the reset to kernel defaults and before the VIPs, e.g. {'net.ipv4.conf.all.arp_ignore': 1}. */
  sysctls?: Record<string, number>
  listeners?: Array<{address: string; port: number}>
}

export interface LanHost {
  /** The namespace name. */
  namespace: string
  /** The address on eth0, without prefix. */
  address: string
  /** eth0's MAC, lower case. */
  mac: string
  exec: NamespaceExec
}

const NIC = 'eth0'
const BRIDGE = 'br0'

/** Builds the LAN, runs `fn` with the hosts by name, and always tears it all down. */
export async function withLan<T>(hosts: LanHostSpec[], fn: (hosts: Record<string, LanHost>) => Promise<T>): Promise<T> {
  for (const host of hosts) {
    assertInterfaceName(`p-${host.name}`)
    assertDocumentationAddress(host.address, `${host.name} address`)
    for (const vip of host.vips ?? []) assertDocumentationAddress(vip.cidr, `${host.name} vip`)
    for (const key of Object.keys(host.sysctls ?? {})) sysctlPath(key)
  }
  if (new Set(hosts.map((h) => h.name)).size !== hosts.length) throw new NetnsHarnessError('host names must be unique')

  const base = namespaceBase()
  const resources = new Resources()
  try {
    const built = await setUp(base, hosts, resources)
    const result = await fn(built)
    await resources.release()
    return result
  } catch (error) {
    await resources.release().catch((cleanupError: unknown) => console.warn(`netns LAN: cleanup after a failure also failed: ${String(cleanupError)}`))
    throw error
  }
}

async function setUp(base: string, hosts: LanHostSpec[], resources: Resources): Promise<Record<string, LanHost>> {
  const sw = `${base}-sw`
  await addNamespace(sw, resources)
  await mustRun('create the bridge', ['ip', '-n', sw, 'link', 'add', BRIDGE, 'type', 'bridge'])
  await mustRun('bring the bridge up', ['ip', '-n', sw, 'link', 'set', BRIDGE, 'up'])

  const built: Record<string, LanHost> = {}
  for (const host of hosts) {
    const ns = `${base}-${host.name}`
    const port = `p-${host.name}`
    const ip = (args: string[]): string[] => ['ip', '-n', ns, ...args]
    await addNamespace(ns, resources)
    await mustRun(`create ${host.name}'s veth`, ip(['link', 'add', NIC, 'type', 'veth', 'peer', 'name', port, 'netns', sw]))
    await mustRun(`plug ${host.name} into the bridge`, ['ip', '-n', sw, 'link', 'set', port, 'master', BRIDGE, 'up'])
    await writeSysctls(ns, resetSysctls(['all', 'default', 'lo', NIC]))
    await mustRun(`address ${host.name}`, ip(addrAddArgs(host.address, NIC)))
    await mustRun(`bring ${host.name}'s ${NIC} up`, ip(['link', 'set', NIC, 'up']))
    if (host.sysctls !== undefined) await writeSysctls(ns, Object.entries(host.sysctls).map(([key, value]) => [sysctlPath(key), String(value)]))
    for (const vip of host.vips ?? []) await mustRun(`add VIP ${vip.cidr} on ${host.name}'s ${vip.dev}`, ip(addrAddArgs(vip.cidr, vip.dev)))
    for (const listener of host.listeners ?? []) await startListener(ns, listener, resources)
    const {stdout} = await mustRun(`read ${host.name}'s MAC`, ip(['-j', 'link', 'show', 'dev', NIC]))
    const mac = (JSON.parse(stdout) as Array<{address?: string}>)[0]?.address ?? ''
    built[host.name] = {namespace: ns, address: host.address.split('/')[0] ?? '', mac, exec: (argv, options) => execIn(ns, argv, options)}
  }
  return built
}

async function addNamespace(name: string, resources: Resources): Promise<void> {
  await mustRun(`create namespace ${name}`, ['ip', 'netns', 'add', name])
  resources.namespaces.push(name)
  await mustRun(`bring lo up in ${name}`, ['ip', '-n', name, 'link', 'set', 'lo', 'up'])
}
