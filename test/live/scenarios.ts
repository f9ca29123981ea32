/**
 * Real-server configurations shared by the live tests: one correct DR server and the
 * misconfigurations the rules describe. Addresses come from the documentation ranges.
 */
import type {RealServerSpec} from '../helpers/netns.js'

export const VIP = '198.51.100.10'
export const GOOD_SYSCTL_FILE = 'net.ipv4.conf.all.arp_ignore = 1\nnet.ipv4.conf.all.arp_announce = 2\n'
export const NETWORKD_LO = `[Match]\nName=lo\n\n[Network]\nAddress=${VIP}/32\n`

/** A correct DR real server: ARP sysctls live and persisted, VIP /32 on lo and persisted by networkd, a wildcard listener. */
export function goodServer(overrides: Partial<RealServerSpec> = {}): RealServerSpec {
  return {
    rip: '192.0.2.10/24',
    sysctls: {'net.ipv4.conf.all.arp_ignore': 1, 'net.ipv4.conf.all.arp_announce': 2},
    vips: [{cidr: `${VIP}/32`, dev: 'lo'}],
    etc: {
      'sysctl.d/90-lb.conf': GOOD_SYSCTL_FILE,
      'systemd/network/10-lo.network': NETWORKD_LO,
      'systemd/system/multi-user.target.wants/systemd-networkd.service': '',
    },
    listeners: [{address: '0.0.0.0', port: 8080}],
    ...overrides,
  }
}

export interface Scenario {
  name: string
  spec: RealServerSpec
  args: string[]
}

/** Every scenario of the live audit tests, for checks that must hold in all of them. */
export const SCENARIOS: Scenario[] = [
  {name: 'correct', spec: goodServer(), args: ['--port', '8080']},
  {name: 'kernel defaults', spec: goodServer({sysctls: {}}), args: []},
  {name: 'reserved all.arp_ignore', spec: goodServer({sysctls: {'net.ipv4.conf.all.arp_ignore': 5, 'net.ipv4.conf.eth0.arp_ignore': 1, 'net.ipv4.conf.all.arp_announce': 2}}), args: []},
  {name: 'VIP /24 on lo', spec: goodServer({vips: [{cidr: `${VIP}/24`, dev: 'lo'}]}), args: ['--vip', VIP]},
  {name: 'VIP on eth0', spec: goodServer({vips: [{cidr: `${VIP}/32`, dev: 'veth'}]}), args: ['--vip', VIP]},
  {name: 'later file resets arp_ignore', spec: goodServer({etc: {...goodServer().etc, 'sysctl.d/99-zz-hardening.conf': 'net.ipv4.conf.all.arp_ignore = 0\n'}}), args: []},
  {name: 'VIP not persisted', spec: goodServer({etc: {'sysctl.d/90-lb.conf': GOOD_SYSCTL_FILE, 'systemd/network/README': 'no .network files here\n'}}), args: ['--vip', VIP]},
  {name: 'service on the RIP only', spec: goodServer({listeners: [{address: '192.0.2.10', port: 8080}]}), args: ['--port', '8080']},
  // The TUN, NAT and IPv6 inputs: /sys/module, modules-load.d, ip -6 neigh show proxy, /proc/sys/net/ipv6/conf.
  {name: 'TUN mode on a kernel without ipip', spec: goodServer({sysctls: {...goodServer().sysctls, 'net.ipv4.conf.default.rp_filter': 1}}), args: ['--mode', 'tun']},
  {
    name: 'NAT with a second default route',
    spec: {rip: '192.0.2.10/24', ipCommands: [['route', 'add', 'default', 'via', '192.0.2.254', 'dev', 'eth0', 'metric', '100']], listeners: [{address: '0.0.0.0', port: 8080}]},
    args: ['--mode', 'nat', '--gateway', '192.0.2.1', '--port', '8080'],
  },
  {
    name: 'two NICs under strict rp_filter',
    spec: goodServer({extraLinks: [{name: 'eth1', kind: 'veth', cidr: '203.0.113.10/24'}], sysctls: {...goodServer().sysctls, 'net.ipv4.conf.all.rp_filter': 1}}),
    args: [],
  },
  {
    name: 'active proxy NDP entry for an IPv6 VIP',
    spec: goodServer({
      vips: [{cidr: '2001:db8::10/128', dev: 'lo'}],
      sysctls: {...goodServer().sysctls, 'net.ipv6.conf.eth0.forwarding': 1, 'net.ipv6.conf.eth0.proxy_ndp': 1},
      ipCommands: [['-6', 'neigh', 'add', 'proxy', '2001:db8::10', 'dev', 'eth0']],
    }),
    args: ['--vip', '2001:db8::10'],
  },
]
