/**
 * The programs a Linux audit runs, as descriptors: argv arrays (never shell strings) and time
 * limits. The ids double as bundle file names, so they are part of the bundle format.
 */
import type {CommandSpec} from './raw-source.js'

const TIMEOUT_MS = 5000

function command(id: string, ...argv: [string, ...string[]]): CommandSpec {
  return {id, argv, timeoutMs: TIMEOUT_MS}
}

export const LINUX_COMMANDS = {
  ipAddrJson: command('ip-addr-json', 'ip', '-d', '-j', 'addr', 'show'),
  // Older iproute2 has no -j; the text form also serves pasted output.
  ipAddrText: command('ip-addr', 'ip', '-d', 'addr', 'show'),
  ipRouteJson: command('ip-route-json', 'ip', '-j', 'route', 'show', 'table', 'all'),
  ipRouteText: command('ip-route', 'ip', 'route', 'show', 'table', 'all'),
  ssListenTcp: command('ss-listen-tcp', 'ss', '-Hltn'),
  // The REDIRECT method's rules. The -legacy-save pair shows what the nf_tables iptables hides
  // (it only warns "iptables-legacy tables present"); nft shows native nftables rules.
  iptablesSave: command('iptables-save', 'iptables-save'),
  ip6tablesSave: command('ip6tables-save', 'ip6tables-save'),
  iptablesLegacySave: command('iptables-legacy-save', 'iptables-legacy-save'),
  ip6tablesLegacySave: command('ip6tables-legacy-save', 'ip6tables-legacy-save'),
  nftRulesetJson: command('nft-ruleset-json', 'nft', '-j', 'list', 'ruleset'),
  // IPv6 only: an IPv4 proxy entry is proxy ARP, which the ARP rules do not read.
  ipNeighProxyJson: command('ip6-neigh-proxy-json', 'ip', '-j', '-6', 'neigh', 'show', 'proxy'),
  ipNeighProxyText: command('ip6-neigh-proxy', 'ip', '-6', 'neigh', 'show', 'proxy'),
} as const satisfies Record<string, CommandSpec>

/** Files and directories a Linux audit reads. */
export const LINUX_PATHS = {
  ipv4Conf: '/proc/sys/net/ipv4/conf',
  procNetTcp: '/proc/net/tcp',
  procNetTcp6: '/proc/net/tcp6',
  sysctlConf: '/etc/sysctl.conf',
  rcLocal: ['/etc/rc.local', '/etc/rc.d/rc.local'],
  ifupdown: '/etc/network/interfaces',
  ifcfgDir: '/etc/sysconfig/network-scripts',
  nmDirs: ['/etc/NetworkManager/system-connections', '/run/NetworkManager/system-connections'],
  netplanDirs: ['/etc/netplan', '/run/netplan', '/lib/netplan'],
  networkdDirs: ['/etc/systemd/network', '/run/systemd/network', '/usr/local/lib/systemd/network', '/usr/lib/systemd/network', '/lib/systemd/network'],
  unitWants: ['/etc/systemd/system/multi-user.target.wants', '/etc/systemd/system/network-online.target.wants'],
  ipv6Conf: '/proc/sys/net/ipv6/conf',
  sysModule: '/sys/module',
  ipipInitstate: '/sys/module/ipip/initstate',
} as const
