/**
 * The Solaris, FreeBSD and macOS rows of the kinds table (kinds.ts): `ifconfig` (both formats,
 * one kind: the same command prints them), `ipadm show-addr`, `ipadm show-prop` and BSD
 * `sysctl` (`name: value`). Their platform is `unix`; which Unix it is comes from the text
 * (unix-platform.ts). Like Linux output, these have no blank lines inside: a blank line ends them.
 *
 * Linux's net-tools `ifconfig` prints the same `name: flags=...<...>` header, so it is told
 * apart and left alone: two spaces before `mtu`, dotted `netmask 255.0.0.0  `, `RX packets`,
 * `txqueuelen`, `Link encap:` are Linux-only.
 */
import {looksLikeIfconfigBsd} from '../parse/unix/ifconfig-bsd.js'
import {readHeader} from '../parse/unix/ifconfig-shared.js'
import {looksLikeIfconfigSolaris} from '../parse/unix/ifconfig-solaris.js'
import {looksLikeIpadmShowAddr} from '../parse/unix/ipadm-show-addr.js'
import {looksLikeIpadmShowProp} from '../parse/unix/ipadm-show-prop.js'
import {looksLikeSysctlBsd} from '../parse/unix/sysctl-bsd.js'
import type {Invocation} from './command.js'
import type {KindRule} from './kinds.js'

export const UNIX_KINDS = ['ifconfig', 'ipadm-show-addr', 'ipadm-show-prop', 'sysctl-bsd'] as const

const LINUX_IFCONFIG = /Link encap:|>\s{2,}mtu\b|\bnetmask \d+\.\d+\.\d+\.\d+\s{2}|\b[RT]X packets\b|\btxqueuelen\b|\bscopeid 0x[\da-f]+</

/** `ifconfig`, `ifconfig -a`, `ifconfig lo0`, `ifconfig -a inet`: a listing, not a change. */
function ifconfigListing(call: Invocation): boolean {
  return call.program === 'ifconfig' && call.args.length <= 3 && call.args.every((a) => /^-[a-zA-Z]+$|^[a-z][\w.]*\d(?::\d+)?$|^inet6?$/.test(a))
}

const ipadm = (subcommand: string) => (call: Invocation) => call.program === 'ipadm' && call.args[0] === subcommand

/** `sysctl net.inet.ip.check_interface ...`: the net.inet tree is BSD's (Linux has net.ipv4). */
function bsdSysctl(call: Invocation): boolean {
  return call.program === 'sysctl' && call.args.some((a) => /^net\.inet6?\./.test(a)) && call.args.every((a) => /^-[a-zA-Z]+$|^[\w.%-]+$/.test(a))
}

const TABLE_ROW = /^\s*\S+\s+\S+\s+\S+/

const ifconfig: KindRule = {
  kind: 'ifconfig',
  platform: 'unix',
  label: 'ifconfig -a',
  command: ifconfigListing,
  detect: (text) => !LINUX_IFCONFIG.test(text) && (looksLikeIfconfigBsd(text) || looksLikeIfconfigSolaris(text)),
  opens: (paragraph) => readHeader(paragraph[0] ?? '') !== undefined && !LINUX_IFCONFIG.test(paragraph.join('\n')),
  continues: (line) => readHeader(line) !== undefined || /^\s+\S/.test(line),
}

const ipadmShowAddr: KindRule = {
  kind: 'ipadm-show-addr',
  platform: 'unix',
  label: 'ipadm show-addr -o all',
  command: ipadm('show-addr'),
  header: /^\s*ADDROBJ\s+TYPE\s+STATE\b/,
  detect: looksLikeIpadmShowAddr,
  continues: (line) => TABLE_ROW.test(line),
}

const ipadmShowProp: KindRule = {
  kind: 'ipadm-show-prop',
  platform: 'unix',
  label: 'ipadm show-prop -p hostmodel',
  command: ipadm('show-prop'),
  header: /^\s*PROTO\s+PROPERTY\s+PERM\b/,
  detect: looksLikeIpadmShowProp,
  continues: (line) => TABLE_ROW.test(line),
}

const sysctlBsd: KindRule = {
  kind: 'sysctl-bsd',
  platform: 'unix',
  label: 'sysctl net.inet.ip.check_interface net.inet.ip.rfc1122_strong_es',
  command: bsdSysctl,
  detect: looksLikeSysctlBsd,
  continues: (line) => /^[\w.%-]+: /.test(line.trim()) || /^\s*sysctl: unknown oid/.test(line),
}

export const UNIX_RULES: readonly KindRule[] = [ifconfig, ipadmShowAddr, ipadmShowProp, sysctlBsd]
