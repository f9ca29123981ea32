/**
 * rsaudit's network probes, run from the client as an administrator would run them from any
 * host on the VIP's segment. Like the audit they are verdicts, not ground truth: the lab checks
 * them against the measurements.
 */
import {cliPath} from './cli-path.js'
import {inNamespace, LabError, macIn, run} from './exec.js'
import {ADDRESSES, type LabNames, NIC, PORT, VIP} from './topology.js'

export interface ProbeVerdicts {
  /** Real servers that `probe arp --port` found answering ARP for the VIP or announcing themselves as it. */
  arpNamesRealServers: string[]
  arpProblem: boolean
  /** Whether `probe vip-path` connected to VIP:PORT through rs1's MAC. */
  vipPathConnected: boolean
}

interface ArpJson {
  problem: boolean
  responders: Array<{realServer: string | null}>
  announcement: {realServer: string | null} | null
}

export async function runProbes(names: LabNames): Promise<ProbeVerdicts> {
  const lbMac = await macIn(names.hosts.lb, NIC)
  const arp = await probe<ArpJson>(names, [
    'arp', '--vip', VIP, '--interface', NIC, '--count', '2', '--port', String(PORT), '--expect-mac', lbMac,
    '--real-server', ADDRESSES.rs1, '--real-server', ADDRESSES.rs2,
  ])
  const named = [...arp.responders.map((r) => r.realServer), arp.announcement?.realServer ?? null].filter((rip): rip is string => rip !== null)
  const vipPath = await probe<{connected: boolean}>(names, ['vip-path', '--vip', VIP, '--real-server', ADDRESSES.rs1, '--port', String(PORT), '--interface', NIC])
  return {arpNamesRealServers: [...new Set(named)].map(hostOf), arpProblem: arp.problem, vipPathConnected: vipPath.connected}
}

async function probe<T>(names: LabNames, args: string[]): Promise<T> {
  const {stdout, stderr, exitCode} = await run(inNamespace(names.hosts.client, ['node', cliPath(), 'probe', ...args, '--json']), 60_000)
  if (exitCode !== 0 && exitCode !== 1) throw new LabError(`rsaudit probe ${args[0]} exited ${exitCode}: ${stderr.trim()}`)
  return JSON.parse(stdout) as T
}


function hostOf(rip: string): string {
  return Object.entries(ADDRESSES).find(([, address]) => address === rip)?.[0] ?? rip
}
