/**
 * Reads the arguments of a BSD or Solaris `ifconfig` command that adds an address, wherever
 * they are written down for boot: an rc.conf value (`inet 198.51.100.10 netmask 0xffffffff`), a
 * Solaris /etc/hostname.lo0:1 line (`198.51.100.10 netmask 255.255.255.255 up`), a launchd
 * job's ProgramArguments (`lo0 alias 198.51.100.10 netmask 0xffffffff`, interface first).
 *
 * The address is the first word that is neither a keyword nor a keyword's value; it may be a
 * host name (Solaris files allow one) or carry `/LEN`. Without a mask the kernel uses the
 * classful default for IPv4 (what `ifconfig lo0 alias 127.0.0.2` shows on macOS: 0xff000000)
 * and /64 for IPv6 (the BSD prefixlen default).
 *
 * @example
 * parseIfconfigArgs(['inet', '198.51.100.10', 'netmask', '0xffffffff'])
 * // → {host: '198.51.100.10', family: 'inet', address: '198.51.100.10', prefixLength: 32, words: [...]}
 */
import type {AddressFamily} from '../../facts/model.js'
import {canonicalIp} from '../ip-address.js'
import {classfulPrefix, netmaskToPrefix} from '../netmask.js'

/** Keywords followed by a value. */
const VALUED = new Set(['netmask', 'broadcast', 'prefixlen', 'mtu', 'metric', 'vhid', 'advskew', 'advbase', 'pass', 'zone', 'group', 'destination', 'index', 'usesrc', 'vlan', 'vlandev', 'fib', 'tunnel', 'pltime', 'vltime', 'set', 'token'])
/** Keywords on their own. */
const FLAGS = new Set(['inet', 'inet6', 'alias', '-alias', 'add', 'delete', 'remove', 'up', 'down', 'plumb', 'unplumb', 'addif', 'removeif', 'arp', '-arp', 'deprecated', '-deprecated', 'private', '-private', 'failover', '-failover', 'standby', '-standby', 'anycast', '-->', 'auto-revarp', 'dhcp', 'primary', 'wait', 'xmit', '-xmit', 'nud', '-nud', 'router', '-router', 'monitor'])

export interface IfconfigArgs {
  /** The address word as written (an address, or a host name to look up), without `/LEN`. */
  host?: string
  /** Set when `host` is an IP address. */
  family?: AddressFamily
  address?: string
  /** From `/LEN`, `netmask`, `prefixlen`, or the default described above; absent for a host name without a mask. */
  prefixLength?: number
  /** Every word, for callers that look for `alias`, `up`, `-alias`. */
  words: readonly string[]
}

export function parseIfconfigArgs(words: readonly string[]): IfconfigArgs {
  const value = (name: string) => {
    const i = words.indexOf(name)
    return i < 0 ? undefined : words[i + 1]
  }
  let host: string | undefined
  for (let i = 0; i < words.length && host === undefined; i++) {
    const word = words[i] as string
    // `dhcp` alone or `dhcp wait 30`: no static address at all.
    if (word === 'dhcp') return {words}
    if (VALUED.has(word)) i++
    else if (!FLAGS.has(word) && !word.startsWith('-')) host = word
  }

  if (host === undefined) return {words}
  const [name = '', length] = host.split('/')
  const address = canonicalIp(name)
  const family: AddressFamily | undefined = address === undefined ? (words.includes('inet6') ? 'inet6' : undefined) : address.includes(':') ? 'inet6' : 'inet'
  const parsed: IfconfigArgs = {host: name, words}
  if (address !== undefined) Object.assign(parsed, {address, family})
  else if (family !== undefined) parsed.family = family
  const prefixLength = lengthOf(length, value('netmask'), value('prefixlen'), family, address)
  if (prefixLength !== undefined) parsed.prefixLength = prefixLength
  return parsed
}

function lengthOf(cidr: string | undefined, netmask: string | undefined, prefixlen: string | undefined, family: AddressFamily | undefined, address: string | undefined): number | undefined {
  const max = family === 'inet6' ? 128 : 32
  const explicit = cidr ?? prefixlen
  if (explicit !== undefined) return /^\d+$/.test(explicit) && Number(explicit) <= max ? Number(explicit) : undefined
  // Solaris writes `netmask +`: look the mask up in /etc/netmasks, which this reader does not do.
  if (netmask !== undefined && netmask !== '+') return netmaskToPrefix(/^[0-9a-f]{8}$/i.test(netmask) ? `0x${netmask}` : netmask)
  if (family === 'inet6') return 64
  return address === undefined ? undefined : classfulPrefix(address)
}
