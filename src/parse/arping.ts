/**
 * Parses the output of `arping <IPv4>` from both Linux implementations: iputils (Debian
 * `iputils-arping`, RHEL `iputils`) and Thomas Habets' arping (Debian package `arping`). One
 * parser, because a pasted capture or a host may have either, and the caller only needs the
 * MACs that answered.
 *
 * iputils prints a header naming source and interface, one line per reply and a summary:
 *
 *     ARPING 192.0.2.100 from 192.0.2.2 eth0
 *     Unicast reply from 192.0.2.100 [8E:B8:CA:EB:DB:60]  0.544ms
 *     Sent 3 probes (3 broadcast(s))
 *     Received 1 response(s)
 *
 * Habets prints a bare header, `bytes from` lines with the time in nsec/usec/msec/sec, a
 * `Timeout` line per unanswered request and ping-style statistics:
 *
 *     ARPING 192.0.2.100
 *     42 bytes from 8e:b8:ca:eb:db:60 (192.0.2.100): index=0 time=9.387 usec
 *     Timeout
 *     --- 192.0.2.100 statistics ---
 *     2 packets transmitted, 1 packets received,  50% unanswered (0 extra)
 *     rtt min/avg/max/std-dev = 0.009/0.009/0.009/0.000 ms
 *
 * @example
 * parseArping('ARPING 192.0.2.11 from 192.0.2.2 eth0\nUnicast reply from 192.0.2.11 [8E:B8:CA:EB:DB:60]  0.554ms\n')
 * // → {flavor: 'iputils', target: '192.0.2.11', source: '192.0.2.2', interface: 'eth0',
 * //    replies: [{kind: 'reply', ip: '192.0.2.11', mac: '8e:b8:ca:eb:db:60', timeMs: 0.554}], sent: null, received: null}
 */
import {isIPv4} from 'node:net'

import {canonicalMac} from './mac-address.js'
import {ParseError, splitLines} from './parse-error.js'

const FORMAT = 'arping'

export type ArpingFlavor = 'iputils' | 'habets'

export interface ArpingReply {
  /** iputils also prints ARP requests it sees for the target (DAD mode); Habets only replies. */
  kind: 'reply' | 'request'
  /** The sender protocol address, normally the target. */
  ip: string
  /** Lower case, colon separated, two digits per octet. */
  mac: string
  /** Null when iputils could not time it ("UNSOLICITED?"). */
  timeMs: number | null
}

export interface ArpingOutput {
  flavor: ArpingFlavor
  target: string
  /** iputils names the source address and interface in its header; Habets does not. */
  source: string | null
  interface: string | null
  replies: ArpingReply[]
  /** From the summary; null when the run was cut short before it. */
  sent: number | null
  received: number | null
}

const IPUTILS_HEADER = /^ARPING (\S+) from (\S+) (\S+)$/
const HABETS_HEADER = /^ARPING (\S+)$/
// "Unicast reply from IP [MAC]" then optional "for IP " / "for [MAC]" and " 0.544ms" or " UNSOLICITED?".
const IPUTILS_REPLY = /^(?:Unicast|Broadcast) (reply|request) from (\S+) \[([0-9A-Fa-f:]+)\](?:\s+for (?:\S+ )?\[?[0-9A-Fa-f:.]+\]?)*\s+(?:(\d+(?:\.\d+)?)ms|UNSOLICITED\?)$/
const IPUTILS_SENT = /^Sent (\d+) probes? \(\d+ broadcast\(s\)\)$/
const IPUTILS_RECEIVED = /^Received (\d+) (?:response\(s\)|repl(?:y|ies))(?: \(.*\))?$/
const HABETS_REPLY = /^\d+ bytes from ([0-9A-Fa-f:]+) \((\S+)\): index=\d+ time=(\d+(?:\.\d+)?) (nsec|usec|msec|sec)$/
const HABETS_STATS = /^(\d+) packets transmitted, (\d+) packets received,\s+\d+% unanswered \(\d+ extra\)$/
const HABETS_IGNORED = [/^Timeout$/, /^--- \S+ statistics ---$/, /^rtt min\/avg\/max\/std-dev = /]
const UNIT_TO_MS = {nsec: 1e-6, usec: 1e-3, msec: 1, sec: 1000} as const

/**
 * @throws {ParseError} when there is no `ARPING` header, the header is not an IPv4 address, or a
 * line is neither a reply nor a summary line of the header's flavor.
 */
export function parseArping(text: string): ArpingOutput {
  const lines = splitLines(text)
    .map((line, index) => ({text: line.trim(), number: index + 1}))
    // "^C" is the terminal's echo of an interrupt, kept in pasted captures.
    .filter((line) => line.text !== '' && line.text !== '^C')
  const [header, ...rest] = lines
  if (header === undefined) throw new ParseError(FORMAT, 'the output is empty')
  const output = parseHeader(header.text, header.number)
  for (const line of rest) {
    if (!(output.flavor === 'iputils' ? readIputilsLine(line.text, output) : readHabetsLine(line.text, output))) {
      throw new ParseError(FORMAT, `unexpected ${output.flavor} line ${JSON.stringify(line.text)}`, line.number)
    }
  }
  return output
}

function parseHeader(text: string, line: number): ArpingOutput {
  const iputils = IPUTILS_HEADER.exec(text)
  const habets = HABETS_HEADER.exec(text)
  const target = iputils?.[1] ?? habets?.[1]
  if (target === undefined) throw new ParseError(FORMAT, `expected an "ARPING <address>" header, found ${JSON.stringify(text)}`, line)
  if (!isIPv4(target)) throw new ParseError(FORMAT, `the target ${JSON.stringify(target)} is not an IPv4 address`, line)
  return {
    flavor: iputils ? 'iputils' : 'habets',
    target,
    source: iputils?.[2] ?? null,
    interface: iputils?.[3] ?? null,
    replies: [],
    sent: null,
    received: null,
  }
}

function readIputilsLine(text: string, output: ArpingOutput): boolean {
  const reply = IPUTILS_REPLY.exec(text)
  if (reply) {
    const [, kind, ip = '', mac = '', time] = reply
    output.replies.push({kind: kind === 'request' ? 'request' : 'reply', ip, mac: macOrFail(mac, text), timeMs: time === undefined ? null : Number(time)})
    return true
  }
  const sent = IPUTILS_SENT.exec(text)
  if (sent) output.sent = Number(sent[1])
  const received = IPUTILS_RECEIVED.exec(text)
  if (received) output.received = Number(received[1])
  return sent !== null || received !== null
}

function readHabetsLine(text: string, output: ArpingOutput): boolean {
  const reply = HABETS_REPLY.exec(text)
  if (reply) {
    const [, mac = '', ip = '', time = '', unit = 'msec'] = reply
    const timeMs = Number(time) * UNIT_TO_MS[unit as keyof typeof UNIT_TO_MS]
    output.replies.push({kind: 'reply', ip, mac: macOrFail(mac, text), timeMs: Number(timeMs.toFixed(6))})
    return true
  }
  const stats = HABETS_STATS.exec(text)
  if (stats) {
    output.sent = Number(stats[1])
    output.received = Number(stats[2])
    return true
  }
  return HABETS_IGNORED.some((pattern) => pattern.test(text))
}

function macOrFail(text: string, line: string): string {
  const mac = canonicalMac(text)
  if (mac === undefined) throw new ParseError(FORMAT, `${JSON.stringify(text)} is not a MAC address in ${JSON.stringify(line)}`)
  return mac
}

/** Distinct MACs that answered for the target, in the order they first answered. */
export function respondingMacs(output: ArpingOutput): string[] {
  return [...new Set(output.replies.filter((reply) => reply.kind === 'reply' && reply.ip === output.target).map((reply) => reply.mac))]
}

/**
 * Tells the implementation from `arping -V` (stdout and stderr together): iputils prints its
 * version ("arping from iputils 20221126", older "arping utility, iputils-s20121221"); Habets'
 * arping has no -V and answers with its usage, which names it ("ARPing 2.23, by Thomas Habets").
 * @throws {ParseError} for anything else (BusyBox arping, for one, is not supported).
 */
export function arpingFlavor(versionText: string): ArpingFlavor {
  if (/Thomas Habets/i.test(versionText)) return 'habets'
  if (/iputils/i.test(versionText)) return 'iputils'
  const first = versionText.trim().split('\n')[0] ?? ''
  throw new ParseError('arping -V', `neither iputils nor Habets arping: ${JSON.stringify(first)}`)
}

/**
 * Whether arping's stderr says it lacks the privilege to open a raw socket:
 * iputils "arping: socket: Operation not permitted", Habets "... UID/EUID 0 or capability
 * CAP_NET_RAW required" / "you may need to run as root".
 */
export function isArpingPrivilegeError(stderr: string): boolean {
  return /Operation not permitted|Permission denied|CAP_NET_RAW|run as root/i.test(stderr)
}
