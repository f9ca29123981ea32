/** Plain-text output of the probe commands: the facts first, then one verdict line. Pure. */
import type {ArpProbeResult} from '../probe/arp-verdict.js'
import type {PingProbeResult} from '../probe/ping-verdict.js'
import type {VipPathResult} from '../probe/vip-path-verdict.js'

function verdict(result: {problem: boolean; message: string}): string {
  return `${result.problem ? 'PROBLEM' : 'OK'}: ${result.message}\n`
}

export function arpText(result: ArpProbeResult): string {
  const lines = [`ARP for ${result.vip} on ${result.interface}:`]
  if (result.heldLocally !== null) lines.push(`  ${result.heldLocally.mac}  this host (holds the VIP)`)
  for (const r of result.responders) lines.push(`  ${r.mac}${r.realServer === null ? '' : `  real server ${r.realServer}`}`)
  if (lines.length === 1) lines.push('  (no answer)')
  const {announcement} = result
  if (announcement !== null) {
    const holder = announcement.mac === null ? 'no entry' : `${announcement.mac}${announcement.realServer === null ? '' : `  real server ${announcement.realServer}`}`
    lines.push(`After a connection to port ${announcement.port}, the neighbour entry for ${result.vip}: ${holder}`)
  }
  return `${lines.join('\n')}\n${verdict(result)}`
}

export function vipPathText(result: VipPathResult): string {
  const mac = result.realServerMac === null ? 'MAC unresolved' : result.realServerMac
  return `TCP ${result.source} -> ${result.vip}:${result.port} via real server ${result.realServer} (${mac}) on ${result.interface}\n${verdict(result)}`
}

export function pingText(result: PingProbeResult): string {
  const lines = result.targets.map((t) => {
    const loss = t.packetLoss === null ? 'loss unknown' : `${t.packetLoss}% loss`
    const rtt = t.rttMs === null ? '' : `, rtt min/avg/max ${t.rttMs.min}/${t.rttMs.avg}/${t.rttMs.max} ms`
    return `  ${t.target}  ${t.reachable ? 'reachable' : 'unreachable'} (${loss}${rtt})${t.error === null ? '' : `: ${t.error}`}`
  })
  return `${['Ping:', ...lines].join('\n')}\n${verdict(result)}`
}
