/**
 * The scenarios: each changes one thing on rs1 of a freshly built, correct lab. `causes` are the rules
 * that name what was broken; the agreement check requires at least one of them to fail.
 */
import {must} from './exec.js'
import {startHttpService, stopProcesses} from './http-service.js'
import {setSysctl} from './real-server.js'
import {ADDRESSES, type LabNames, NIC, VIP} from './topology.js'

export interface Scenario {
  name: string
  description: string
  apply(names: LabNames): Promise<void>
  /** Rule ids that name the cause. Empty for the correct configuration. */
  causes: string[]
  /** What the probes must find from the client: rs1 named by `probe arp`, and `probe vip-path` failing. */
  probes: {arpFindsRs1: boolean; vipPathFails: boolean}
  /**
   * A fix that lives in the service's own configuration, which rsaudit can only point at (it prints
   * the command that shows which program owns the port). The lab applies it after the printed commands.
   */
  serviceFix?: (names: LabNames) => Promise<void>
}

async function rebindService(names: LabNames, address: string): Promise<void> {
  await stopProcesses(names.hosts.rs1)
  await startHttpService(names.hosts.rs1, address, 'rs1')
}

async function moveVip(names: LabNames, cidr: string, dev: string): Promise<void> {
  const ns = names.hosts.rs1
  await must('remove the VIP from lo', ['ip', '-n', ns, 'addr', 'del', `${VIP}/32`, 'dev', 'lo'])
  await must(`put ${cidr} on ${dev}`, ['ip', '-n', ns, 'addr', 'add', cidr, 'dev', dev])
}

export const SCENARIOS: Scenario[] = [
  {name: 'correct', probes: {arpFindsRs1: false, vipPathFails: false}, description: 'arp_ignore=1, arp_announce=2, VIP/32 on lo, service on 0.0.0.0', causes: [], apply: async () => {}},
  {
    name: 'arp-ignore-0', probes: {arpFindsRs1: true, vipPathFails: false},
    description: 'net.ipv4.conf.all.arp_ignore=0',
    causes: ['arp-ignore'],
    apply: (names) => setSysctl(names.hosts.rs1, 'net.ipv4.conf.all.arp_ignore', 0),
  },
  {
    name: 'arp-announce-0', probes: {arpFindsRs1: true, vipPathFails: false},
    description: 'net.ipv4.conf.all.arp_announce=0',
    causes: ['arp-announce'],
    apply: (names) => setSysctl(names.hosts.rs1, 'net.ipv4.conf.all.arp_announce', 0),
  },
  {
    name: 'reserved-arp-ignore', probes: {arpFindsRs1: true, vipPathFails: false},
    description: 'all.arp_ignore=5 (reserved) masking eth0.arp_ignore=1',
    causes: ['arp-ignore'],
    apply: async (names) => {
      await setSysctl(names.hosts.rs1, `net.ipv4.conf.${NIC}.arp_ignore`, 1)
      await setSysctl(names.hosts.rs1, 'net.ipv4.conf.all.arp_ignore', 5)
    },
  },
  {
    name: 'vip-missing', probes: {arpFindsRs1: false, vipPathFails: true},
    description: 'no VIP on lo',
    causes: ['vip-on-loopback'],
    apply: (names) => must('remove the VIP', ['ip', '-n', names.hosts.rs1, 'addr', 'del', `${VIP}/32`, 'dev', 'lo']).then(() => {}),
  },
  {
    name: 'vip-slash-24', probes: {arpFindsRs1: false, vipPathFails: true},
    description: 'VIP on lo as /24',
    causes: ['vip-host-prefix'],
    apply: (names) => moveVip(names, `${VIP}/24`, 'lo'),
  },
  {
    name: 'vip-on-eth0', probes: {arpFindsRs1: true, vipPathFails: false},
    description: 'VIP on eth0 instead of lo',
    causes: ['vip-not-on-arp-interface', 'vip-on-loopback'],
    apply: (names) => moveVip(names, `${VIP}/32`, NIC),
  },
  {
    name: 'service-rip-only', probes: {arpFindsRs1: false, vipPathFails: true},
    description: 'HTTP service bound to the RIP only',
    causes: ['service-listens-on-vip'],
    apply: (names) => rebindService(names, ADDRESSES.rs1),
    serviceFix: (names) => rebindService(names, '0.0.0.0'),
  },
  {
    name: 'service-vip-only', probes: {arpFindsRs1: false, vipPathFails: false},
    description: 'HTTP service bound to the VIP only',
    causes: ['service-listens-on-rip'],
    apply: (names) => rebindService(names, VIP),
    serviceFix: (names) => rebindService(names, '0.0.0.0'),
  },
]

export function findScenario(name: string): Scenario | undefined {
  return SCENARIOS.find((scenario) => scenario.name === name)
}
