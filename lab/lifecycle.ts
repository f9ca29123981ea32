/**
 * Bringing the lab up and down. `up` always starts from nothing (it tears down first), so every
 * scenario begins from the same clean lab; `down` removes every namespace, process and /etc/netns
 * directory the lab made, and is safe to run when nothing is there.
 */
import {must, run} from './exec.js'
import {stopProcesses} from './http-service.js'
import {configureRealServer, removeEtcFiles} from './real-server.js'
import {ADDRESSES, allNamespaces, HOSTS, type LabNames, labNames, LAN_PREFIX, NIC, PORT, VIP} from './topology.js'

const BRIDGE = 'br0'

/**
 * IPv4 conf keys reset to the kernel default (0) for all/default/eth0/lo. A new namespace copies
 * conf/all and conf/default from the initial namespace, and on a CI host those are the host's values.
 */
const RESET_KEYS = ['arp_ignore', 'arp_announce', 'arp_filter', 'rp_filter', 'arp_accept', 'arp_notify', 'proxy_arp']

export async function labDown(names: LabNames): Promise<void> {
  const existing = new Set(await listNamespaces())
  for (const ns of allNamespaces(names)) {
    if (existing.has(ns)) {
      await stopProcesses(ns)
      await run(['ip', 'netns', 'del', ns])
    }
    await removeEtcFiles(ns)
  }
}

export async function labUp(names: LabNames): Promise<void> {
  await labDown(names)
  try {
    await buildNetwork(names)
    await configureLoadBalancer(names.hosts.lb)
    await configureRealServer(names.hosts.rs1, 'rs1')
    await configureRealServer(names.hosts.rs2, 'rs2')
  } catch (error) {
    await labDown(names)
    throw error
  }
}

/**
 * Removes labs whose prefix ends in the PID of a process that is gone (`<base><pid>`, as the tests
 * name theirs), so a test run killed halfway does not leave namespaces and servers behind.
 */
export async function removeStaleLabs(base: string): Promise<string[]> {
  const pattern = new RegExp(`^(${base}(\\d+))-switch$`)
  const removed: string[] = []
  for (const ns of await listNamespaces()) {
    const match = pattern.exec(ns)
    if (!match || processAlive(Number(match[2]))) continue
    await labDown(labNames(match[1]))
    removed.push(match[1]!)
  }
  return removed
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

export async function listNamespaces(): Promise<string[]> {
  const {stdout} = await run(['ip', 'netns', 'list'])
  return stdout
    .split('\n')
    .map((line) => line.trim().split(/\s+/)[0] ?? '')
    .filter((name) => name !== '')
}

async function buildNetwork(names: LabNames): Promise<void> {
  const sw = names.switch
  await must('create the switch namespace', ['ip', 'netns', 'add', sw])
  await must('create the bridge', ['ip', '-n', sw, 'link', 'add', BRIDGE, 'type', 'bridge'])
  await must('bring the bridge up', ['ip', '-n', sw, 'link', 'set', BRIDGE, 'up'])
  for (const host of HOSTS) {
    const ns = names.hosts[host]
    const port = `p-${host}`
    await must(`create ${ns}`, ['ip', 'netns', 'add', ns])
    // Made inside the switch namespace with the peer moved straight into the host: nothing in the root namespace.
    await must(`cable ${host}`, ['ip', '-n', sw, 'link', 'add', port, 'type', 'veth', 'peer', 'name', NIC, 'netns', ns])
    await must(`plug ${host} into the bridge`, ['ip', '-n', sw, 'link', 'set', port, 'master', BRIDGE, 'up'])
    await resetSysctls(ns)
    await must(`address ${host}`, ['ip', '-n', ns, 'addr', 'add', `${ADDRESSES[host]}/${LAN_PREFIX}`, 'dev', NIC])
    await must(`bring up ${host}'s ${NIC}`, ['ip', '-n', ns, 'link', 'set', NIC, 'up'])
    await must(`bring up ${host}'s lo`, ['ip', '-n', ns, 'link', 'set', 'lo', 'up'])
  }
}

async function resetSysctls(ns: string): Promise<void> {
  const assignments = ['all', 'default', 'lo', NIC].flatMap((scope) => RESET_KEYS.map((key) => `net.ipv4.conf.${scope}.${key}=0`))
  await must(`reset sysctls in ${ns}`, ['ip', 'netns', 'exec', ns, 'sysctl', '-qw', ...assignments])
}

/**
 * The director: it owns the VIP on its LAN interface (so it, and only it, should answer ARP for it)
 * and hands VIP:PORT traffic to rs1 by rewriting only the destination MAC, as LVS-DR does:
 * nftables netdev ingress `fwd ip to RIP` resolves rs1's MAC and transmits the unchanged IP packet.
 */
async function configureLoadBalancer(ns: string): Promise<void> {
  await must('VIP on the load balancer', ['ip', '-n', ns, 'addr', 'add', `${VIP}/${LAN_PREFIX}`, 'dev', NIC])
  const ruleset = [
    'table netdev lvs_dr {',
    `  chain ingress { type filter hook ingress device "${NIC}" priority 0; policy accept;`,
    `    ip daddr ${VIP} tcp dport ${PORT} fwd ip to ${ADDRESSES.rs1} device "${NIC}"`,
    '  }',
    '}',
  ].join('\n')
  await must('DR forwarding rule', ['ip', 'netns', 'exec', ns, 'nft', ruleset])
}
