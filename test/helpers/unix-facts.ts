/**
 * HostFacts for rule tests on Solaris, FreeBSD and macOS: a correctly configured DR real server of
 * each (RIP 192.0.2.30/24 on the NIC, VIP 198.51.100.10/32 on loopback and configured for boot, the
 * host model or strong-ES switch at its default), which each case changes where it matters. The
 * shapes are those the parsers of src/parse/unix/ produce.
 */
import type {Fact, HostFacts, NetInterface, PersistedAddress} from '../../src/facts/model.js'
import type {HostModelSetting, StrongEsSysctl} from '../../src/facts/unix-model.js'
import {address, ok} from './host-facts.js'

export const UNIX_VIP = '198.51.100.10'
export type UnixPlatform = 'solaris' | 'freebsd' | 'darwin'

export interface UnixSpec {
  interfaces?: NetInterface[]
  persisted?: PersistedAddress[] | Fact<never>
  release?: string
  hostModel?: HostModelSetting[]
  checkInterface?: StrongEsSysctl[]
}

export function unixLoopback(name: string, ...cidrs: string[]): NetInterface {
  return {name, flags: ['UP', 'LOOPBACK', 'RUNNING', 'MULTICAST'], up: true, loopback: true, noArp: false, addresses: cidrs.map((cidr) => address(cidr))}
}

export function unixNic(name: string): NetInterface {
  return {name, flags: ['UP', 'BROADCAST', 'RUNNING', 'SIMPLEX', 'MULTICAST'], up: true, loopback: false, noArp: false, addresses: [address('192.0.2.30/24')]}
}

const DEFAULTS: Record<UnixPlatform, {release: string; kernel: string; interfaces: NetInterface[]; persisted: PersistedAddress}> = {
  solaris: {
    release: '5.11',
    kernel: '5.11',
    interfaces: [unixLoopback('lo0', '127.0.0.1/8'), unixLoopback('lo0:1', `${UNIX_VIP}/32`), unixNic('net0')],
    persisted: {mechanism: 'ipadm', interface: 'lo0', address: UNIX_VIP, prefixLength: 32, file: 'ipadm show-addr -o all', line: 3, effective: true, key: 'lo0/vip1'},
  },
  freebsd: {
    release: '14.1-RELEASE',
    kernel: '14.1-RELEASE',
    interfaces: [unixLoopback('lo0', '127.0.0.1/8', `${UNIX_VIP}/32`), unixNic('vtnet0')],
    persisted: {mechanism: 'rc.conf', interface: 'lo0', address: UNIX_VIP, prefixLength: 32, file: '/etc/rc.conf', line: 7, effective: true, key: 'ifconfig_lo0_alias0'},
  },
  darwin: {
    release: '14.4',
    kernel: '23.4.0',
    interfaces: [unixLoopback('lo0', '127.0.0.1/8', `${UNIX_VIP}/32`), unixNic('en0')],
    persisted: {mechanism: 'launchd', interface: 'lo0', address: UNIX_VIP, prefixLength: 32, file: '/Library/LaunchDaemons/org.example.vip.plist', line: 9, effective: true, key: 'org.example.vip'},
  },
}

export function unixFacts(platform: UnixPlatform, spec: UnixSpec = {}): HostFacts {
  const base = DEFAULTS[platform]
  const unsupported = {status: 'unavailable' as const, reason: 'unsupported' as const, detail: `a Linux fact; this is a ${platform} host`, source: 'platform'}
  const facts: HostFacts = {
    os: ok({platform, hostname: 'rs-unix', distro: platform, release: spec.release ?? base.release, kernel: base.kernel}),
    interfaces: ok(spec.interfaces ?? base.interfaces, 'ifconfig -a'),
    routes: {...unsupported, detail: 'routes are not read here yet'},
    listeners: {...unsupported, detail: 'listening sockets are not read here yet'},
    ipv4Conf: unsupported,
    bootSysctl: unsupported,
    persistedAddresses: Array.isArray(spec.persisted) || spec.persisted === undefined ? ok(spec.persisted ?? [base.persisted], 'boot-time configuration') : spec.persisted,
    networkStack: unsupported,
    privileged: true,
  }
  if (platform === 'solaris') facts.hostModel = ok(spec.hostModel ?? [{protocol: 'ipv4', current: 'weak', default: 'weak'}, {protocol: 'ipv6', current: 'weak', default: 'weak'}], 'ipadm show-prop -p hostmodel')
  else facts.checkInterface = ok(spec.checkInterface ?? [{key: 'net.inet.ip.check_interface', value: 0}], 'sysctl net.inet.ip.check_interface')
  return facts
}
