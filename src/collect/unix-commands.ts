/**
 * The programs and files a Solaris, FreeBSD or macOS audit reads, as descriptors: argv arrays
 * (never shell strings) and time limits. The ids are bundle file names (docs/bundle-format.md,
 * "Command ids (Solaris, FreeBSD, macOS)"); collectors/collect.sh runs the same argv.
 */
import type {CommandSpec} from './raw-source.js'

const TIMEOUT_MS = 5000

function command(id: string, ...argv: [string, ...string[]]): CommandSpec {
  return {id, argv, timeoutMs: TIMEOUT_MS}
}

/** Every interface, logical ones (Solaris `lo0:1`) and aliases (BSD) included. */
const ifconfigA = command('ifconfig-a', 'ifconfig', '-a')
const checkInterface = command('sysctl-check-interface', 'sysctl', 'net.inet.ip.check_interface')

export const SOLARIS_COMMANDS = {
  ifconfigA,
  // `-o all` adds CURRENT and PERSISTENT: whether each address comes back at boot.
  ipadmShowAddr: command('ipadm-show-addr', 'ipadm', 'show-addr', '-o', 'all'),
  ipadmHostmodel: command('ipadm-show-prop-hostmodel', 'ipadm', 'show-prop', '-p', 'hostmodel'),
} as const satisfies Record<string, CommandSpec>

export const FREEBSD_COMMANDS = {
  ifconfigA,
  // FreeBSD 14 renamed the switch; each release answers one of the two and refuses the other.
  checkInterface,
  strongEs: command('sysctl-rfc1122-strong-es', 'sysctl', 'net.inet.ip.rfc1122_strong_es'),
} as const satisfies Record<string, CommandSpec>

export const DARWIN_COMMANDS = {ifconfigA, checkInterface} as const satisfies Record<string, CommandSpec>

export const UNIX_PATHS = {
  /** Solaris: /etc/hostname.lo0:N and /etc/hostname6.lo0:N are listed from here. */
  etc: '/etc',
  solarisHosts: '/etc/inet/hosts',
  /** FreeBSD, in the order rc reads them: a later assignment wins. */
  rcConf: ['/etc/rc.conf', '/etc/rc.conf.local', '/etc/rc.conf.d/network', '/etc/rc.conf.d/netif'],
  sysctlConf: ['/etc/sysctl.conf', '/etc/sysctl.conf.local'],
  launchDaemons: '/Library/LaunchDaemons',
} as const

/** The Solaris boot-time address files for the loopback: hostname.lo0, hostname.lo0:1, hostname6.lo0:2. */
export function isSolarisLoopbackFile(name: string): boolean {
  return /^hostname6?\.lo0(?::\d+)?$/.test(name)
}
