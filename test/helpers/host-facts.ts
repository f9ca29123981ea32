/**
 * Builds HostFacts for rule tests: a plain, unconfigured Linux server (lo plus eth0 with
 * 192.0.2.10/24, every sysctl 0, nothing persisted, no netfilter rules) that each case changes
 * only where it matters. Addresses come from the documentation ranges.
 */
import type {
  BootSysctl,
  Fact,
  HostFacts,
  InterfaceAddress,
  Ipv4Conf,
  Listener,
  NetInterface,
  NetworkStack,
  PersistedAddress,
  Route,
} from '../../src/facts/model.js'

export function ok<T>(value: T, source = 'test'): Fact<T> {
  return {status: 'ok', value, source}
}

export function unavailable(detail = 'permission denied (run as root)'): Fact<never> {
  return {status: 'unavailable', reason: 'permission-denied', detail, source: 'test'}
}

export function address(cidr: string, scope = 'global'): InterfaceAddress {
  const [addr = '', prefix = '32'] = cidr.split('/')
  return {family: addr.includes(':') ? 'inet6' : 'inet', address: addr, prefixLength: Number(prefix), scope}
}

export function loopback(...extra: InterfaceAddress[]): NetInterface {
  return {name: 'lo', flags: ['LOOPBACK', 'UP', 'LOWER_UP'], up: true, loopback: true, noArp: false, addresses: [address('127.0.0.1/8', 'host'), ...extra]}
}

export function ethernet(name = 'eth0', ...addresses: InterfaceAddress[]): NetInterface {
  return {
    name,
    flags: ['BROADCAST', 'MULTICAST', 'UP', 'LOWER_UP'],
    up: true,
    loopback: false,
    noArp: false,
    addresses: addresses.length > 0 ? addresses : [address('192.0.2.10/24')],
  }
}

/** Every listed scope gets all four keys at `value`; `all` and `default` are always present. */
export function conf(scopes: string[], overrides: Ipv4Conf = {}, value = 0): Ipv4Conf {
  const base: Ipv4Conf = {}
  for (const scope of ['all', 'default', ...scopes]) base[scope] = {arp_ignore: value, arp_announce: value, arp_filter: 0, rp_filter: 0}
  for (const [scope, keys] of Object.entries(overrides)) base[scope] = {...base[scope], ...keys}
  return base
}

export function bootValue(key: string, value: string | number, file = '/etc/sysctl.d/90-lb.conf', line = 1): BootSysctl {
  return {key, value: String(value), file, line}
}

export function localRoute(destination: string, dev = 'lo'): Route {
  return {destination, family: destination.includes(':') ? 'inet6' : 'inet', table: 'local', type: 'local', dev}
}

export function listenerOn(addressText: string, port: number): Listener {
  return {protocol: 'tcp', address: addressText, port}
}

export function persisted(addressText: string, overrides: Partial<PersistedAddress> = {}): PersistedAddress {
  return {mechanism: 'systemd-networkd', interface: 'lo', address: addressText, prefixLength: 32, file: '/etc/systemd/network/10-lo.network', line: 5, effective: true, ...overrides}
}

export const NO_STACK: NetworkStack = {netplan: false, networkManager: false, systemdNetworkd: false, ifupdown: false, ifcfg: false, rcLocal: false}

export interface FactsSpec {
  interfaces?: NetInterface[] | Fact<NetInterface[]>
  ipv4Conf?: Ipv4Conf | Fact<Ipv4Conf>
  routes?: Route[] | Fact<Route[]>
  listeners?: Listener[] | Fact<Listener[]>
  boot?: BootSysctl[] | Fact<never>
  deadKeys?: BootSysctl[]
  persisted?: PersistedAddress[] | Fact<never>
  stack?: Partial<NetworkStack>
  privileged?: boolean
}

export function hostFacts(spec: FactsSpec = {}): HostFacts {
  const interfaces = spec.interfaces ?? [loopback(), ethernet()]
  const names = Array.isArray(interfaces) ? interfaces.map((nic) => nic.name) : ['lo', 'eth0']
  return {
    os: ok({platform: 'linux', hostname: 'rs1', distro: 'Debian GNU/Linux', release: '12', kernel: '6.1.0'}),
    interfaces: asFact(interfaces, 'ip -d -j addr show'),
    routes: asFact(spec.routes ?? [localRoute('127.0.0.0/8')], 'ip -j route show table all'),
    listeners: asFact(spec.listeners ?? [], 'ss -Hltn'),
    ipv4Conf: asFact(spec.ipv4Conf ?? conf(names), '/proc/sys/net/ipv4/conf'),
    bootSysctl: Array.isArray(spec.boot) || spec.boot === undefined
      ? ok({values: spec.boot ?? [], filesApplied: [], filesShadowed: [], deadKeys: spec.deadKeys ?? []}, 'sysctl.d')
      : spec.boot,
    persistedAddresses: asFact(spec.persisted ?? [], 'boot-time network configuration'),
    networkStack: ok({...NO_STACK, ...spec.stack}),
    // iptables installed, no rules loaded (test/helpers/netfilter-facts.ts builds rule sets).
    redirects: ok({chains: [], tools: ['iptables']}, 'iptables-save'),
    notracks: ok({chains: [], tools: ['iptables']}, 'iptables-save'),
    privileged: spec.privileged ?? true,
  }
}

function asFact<T>(value: T | Fact<T>, source: string): Fact<T> {
  if (typeof value === 'object' && value !== null && 'status' in value && !Array.isArray(value)) return value as Fact<T>
  return ok(value as T, source)
}
