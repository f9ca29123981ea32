/**
 * Parser for live IPv4 per-interface sysctl values as printed by `sysctl -a`,
 * `sysctl net.ipv4.conf` and `grep -r . /proc/sys/net/ipv4/conf/`. Users paste these
 * with prompts, `grep` filters and interleaved stderr (`sysctl: permission denied on key ...`,
 * or a `sysctl: ` prefix glued to the first line), so anything that is not a sysctl line is
 * skipped instead of failing the whole capture.
 *
 * Only net.ipv4.conf.<scope>.{arp_ignore,arp_announce,arp_filter,rp_filter} are kept. The scope
 * is the kernel's interface name: procps prints a VLAN as `eth0/100`, /proc shows `eth0.100`,
 * and both become `eth0.100`.
 *
 * @example
 * parseSysctlOutput('net.ipv4.conf.all.arp_ignore = 1\n/proc/sys/net/ipv4/conf/eth0.100/rp_filter:2\n')
 * // → {all: {arp_ignore: 1}, 'eth0.100': {rp_filter: 2}}
 */
import {IPV4_CONF_KEYS, type Ipv4Conf, type Ipv4ConfKey} from '../facts/model.js'
import {ParseError, splitLines} from './parse-error.js'
import {splitSysctlKey} from './sysctl-conf.js'

const FORMAT = 'sysctl -a'

interface SysctlLine {
  components: string[]
  value: string
}

/**
 * @throws {ParseError} when no line looks like sysctl output, or a kept key has a
 * non-integer value.
 */
export function parseSysctlOutput(text: string): Ipv4Conf {
  const conf: Ipv4Conf = {}
  let recognized = 0
  splitLines(text).forEach((raw, index) => {
    const parsed = tokenize(raw)
    if (parsed === undefined) return
    recognized++
    const [net, ipv4, confDir, scope, leaf] = parsed.components
    if (net !== 'net' || ipv4 !== 'ipv4' || confDir !== 'conf' || scope === undefined || parsed.components.length !== 5) return
    if (!IPV4_CONF_KEYS.includes(leaf as Ipv4ConfKey)) return
    if (!/^-?\d+$/.test(parsed.value)) {
      throw new ParseError(FORMAT, `expected an integer for net.ipv4.conf.${scope}.${leaf}, found "${parsed.value}"`, index + 1)
    }
    conf[scope] = {...conf[scope], [leaf as Ipv4ConfKey]: Number(parsed.value)}
  })
  if (recognized === 0) throw new ParseError(FORMAT, 'expected "key = value" or "/proc/sys/...:value" lines, found none')
  return conf
}

/** True when at least one line reads as sysctl output (for format detection; never throws). */
export function looksLikeSysctlOutput(text: string): boolean {
  return splitLines(text).some((line) => tokenize(line) !== undefined)
}

/** One line → key components and value, or undefined for prompts, stderr and other noise. */
function tokenize(raw: string): SysctlLine | undefined {
  // stderr glued to stdout: "sysctl: net.ipv4.conf.all.arp_filter = 0" keeps its data.
  const line = raw.trim().replace(/^sysctl:\s+(?=[\w-]+[./][^\s=]*\s*=)/, '')
  const proc = /^\/proc\/sys\/([^\s:]+):(.*)$/.exec(line)
  if (proc) return {components: splitSysctlKey(proc[1] as string), value: (proc[2] as string).trim()}
  // A key has no blanks and at least two components; this rejects prompts and `sysctl: ...` errors.
  const assignment = /^([\w-]+[./][^\s=]*)\s*=(.*)$/.exec(line)
  if (!assignment) return undefined
  return {components: splitSysctlKey(assignment[1] as string), value: (assignment[2] as string).trim()}
}
