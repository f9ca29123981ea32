/**
 * Reports for the reporter tests, built the way the CLI builds them (buildReport with the
 * real rules over HostFacts), so the reporters see real messages, evidence and remediation.
 */
import {buildReport} from '../../src/engine/audit.js'
import type {Mode, Report} from '../../src/engine/types.js'
import {familyOf} from '../../src/facts/cidr.js'
import type {HostFacts} from '../../src/facts/model.js'
import {realRules} from '../engine/real-rules.js'
import {address, conf, ethernet, hostFacts, listenerOn, loopback, persisted, unavailable} from '../helpers/host-facts.js'

export const VIP = '198.51.100.10'

export interface ReportRequest {
  vips?: string[]
  ports?: number[]
  mode?: Mode
}

export function reportFor(facts: HostFacts, {vips = [VIP], ports = [80], mode = 'dr'}: ReportRequest = {}): Report {
  const given = vips.map((vip) => ({address: vip, family: familyOf(vip) ?? 'inet'}))
  return buildReport(facts, realRules, {vips: given, ports, mode}, 'bundle')
}

/** VIP on lo, arp_ignore 1 set live, arp_announce 0, nothing at boot, service on the wildcard. */
export function halfConfiguredServer(): HostFacts {
  return hostFacts({
    interfaces: [loopback(address(`${VIP}/32`)), ethernet()],
    ipv4Conf: conf(['lo', 'eth0'], {all: {arp_ignore: 1}}),
    listeners: [listenerOn('0.0.0.0', 80)],
    persisted: [persisted(VIP)],
    stack: {systemdNetworkd: true},
  })
}

/** Two ARP interfaces with nothing set, so the same sysctl fix is produced twice. */
export function unconfiguredTwoNicServer(): HostFacts {
  return hostFacts({interfaces: [loopback(), ethernet(), ethernet('eth1', address('203.0.113.5/24'))]})
}

/** Live sysctls unreadable: the sysctl rules are unknown. */
export function unprivilegedServer(): HostFacts {
  return {...halfConfiguredServer(), ipv4Conf: unavailable('permission denied reading /proc/sys/net/ipv4/conf/all/arp_ignore (run as root)'), privileged: false}
}
