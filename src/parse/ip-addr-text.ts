/**
 * Parses text `ip addr show`, `ip -d addr show` and one-line `ip -o addr show`, from
 * iproute2 2.6.x (no `valid_lft` lines, `mtu 16436` loopback) up to 6.x (`altname`,
 * `proto kernel_ll`, `-d` details on the link line).
 *
 * `-o` output joins an address's continuation lines with `\` and carries no link line, so
 * interfaces seen only that way have `flags: []` and `up`/`loopback`/`noArp` false: unknown.
 *
 * @example
 * parseIpAddrText(
 *   '1: lo: <LOOPBACK,UP,LOWER_UP> mtu 16436 qdisc noqueue state UNKNOWN\n' +
 *   '    inet 192.168.241.11/32 brd 192.168.241.11 scope global lo:0\n')
 * // → [{name: 'lo', index: 1, flags: ['LOOPBACK', 'UP', 'LOWER_UP'], up: true, loopback: true,
 * //     noArp: false, operState: 'UNKNOWN', addresses: [{family: 'inet', address: '192.168.241.11',
 * //     prefixLength: 32, scope: 'global', label: 'lo:0'}]}]
 */
import type {InterfaceAddress, NetInterface} from '../facts/model.js'
import {parsePrefix} from './ip-address.js'
import {ParseError, splitLines} from './parse-error.js'

const FORMAT = 'ip addr'
const HEADER = /^(\d+):\s+([^\s:]+):\s+<([^>]*)>(.*)$/
const ONELINE_ADDRESS = /^(\d+):\s+([^\s:]+)\s+(inet6?\s.*)$/
/** Words that start an `ip -d` detail line without being a link kind. */
const NOT_A_KIND = new Set(['promiscuity', 'allmulti', 'minmtu', 'maxmtu', 'addrgenmode', 'numtxqueues',
  'numrxqueues', 'gso_max_size', 'gso_max_segs', 'tso_max_size', 'tso_max_segs', 'gro_max_size',
  'parentbus', 'parentdev', 'link-netnsid', 'link-netns'])
const VALUED = new Set(['brd', 'peer', 'scope', 'metric', 'proto', 'anycast'])

/** While reading: did the link line carry `-d` details, and are we still right after it? */
type Building = NetInterface & {details?: boolean; afterLink?: boolean}

export function parseIpAddrText(text: string): NetInterface[] {
  const interfaces: Building[] = []
  let current: Building | undefined
  const lines = splitLines(text)
  for (const [i, raw] of lines.entries()) {
    const lineNo = i + 1
    const segments = raw.split('\\').map((s) => s.trimEnd())
    const head = segments[0] ?? ''
    if (head.trim() === '') continue
    const header = HEADER.exec(head)
    const oneline = header ? undefined : ONELINE_ADDRESS.exec(head)
    const body: string[] = segments.slice(1)
    if (header || oneline) {
      const [, index = '', rawName = ''] = (header ?? oneline) as RegExpExecArray
      const name = rawName.replace(/@.*$/, '') // veth0@if5, tunl0@NONE: the peer is not part of the name
      current = interfaces.find((x) => x.name === name && x.index === Number(index))
      if (!current) interfaces.push((current = {name, index: Number(index), flags: [], up: false, loopback: false, noArp: false, addresses: []}))
      if (header) applyHeader(current, header[3] ?? '', header[4] ?? '')
      if (oneline) body.unshift(oneline[3] ?? '')
    } else if (/^\s/.test(head) && current) {
      body.unshift(head)
    } else {
      throw new ParseError(FORMAT, `unexpected line ${JSON.stringify(head.trim())}`, lineNo)
    }
    for (const segment of body) {
      const tokens = segment.trim().split(/\s+/)
      const first = tokens[0] ?? ''
      if (first === '') continue
      if (first.startsWith('link/')) {
        current.details = tokens.includes('promiscuity')
        current.afterLink = true
      } else if (first === 'inet' || first === 'inet6') {
        current.addresses.push(parseAddress(first, tokens.slice(1), current.name, lineNo))
        current.afterLink = false
      } else if (['valid_lft', 'altname', 'alias', 'vf'].includes(first)) {
        continue
      } else if (current.details && current.afterLink && /^[a-z][\w.-]*$/.test(first)) {
        // The first detail line after link/ starts with the kind (veth, vlan, bridge...); slave
        // lines (bridge_slave, bond_slave) describe the master's view and come later.
        if (current.kind === undefined && !NOT_A_KIND.has(first) && !first.endsWith('_slave')) current.kind = first
      } else {
        throw new ParseError(FORMAT, `unexpected line ${JSON.stringify(segment.trim())}`, lineNo)
      }
    }
  }
  return interfaces.map(({details: _d, afterLink: _a, ...rest}) => rest)
}

/** A cheap guess for pasted text: does it start like `ip addr` or `ip -o addr` output? */
export function looksLikeIpAddrText(text: string): boolean {
  const first = splitLines(text).find((line) => line.trim() !== '') ?? ''
  return HEADER.test(first.trimEnd()) || ONELINE_ADDRESS.test(first.split('\\')[0]?.trimEnd() ?? '')
}

function applyHeader(target: NetInterface, flagText: string, rest: string): void {
  target.flags = flagText.split(',').filter((f) => f !== '')
  target.up = target.flags.includes('UP')
  target.loopback = target.flags.includes('LOOPBACK')
  target.noArp = target.flags.includes('NOARP')
  const tokens = rest.trim().split(/\s+/)
  const valueOf = (key: string): string | undefined => {
    const at = tokens.indexOf(key)
    return at >= 0 ? tokens[at + 1] : undefined
  }
  const master = valueOf('master')
  const state = valueOf('state')
  if (master !== undefined) target.master = master
  if (state !== undefined) target.operState = state
}

function parseAddress(family: 'inet' | 'inet6', tokens: string[], ifname: string, lineNo: number): InterfaceAddress {
  const fail = (): never => {
    throw new ParseError(FORMAT, `bad ${family} line "${family} ${tokens.join(' ')}"`, lineNo)
  }
  const values = new Map<string, string>()
  const words: string[] = []
  for (let i = 1; i < tokens.length; i++) {
    const token = tokens[i] ?? ''
    if (VALUED.has(token)) values.set(token, tokens[++i] ?? fail())
    else words.push(token)
  }
  // Point-to-point links print `inet LOCAL peer PEER/LEN`: the length rides on the peer.
  const local = tokens[0] ?? ''
  const peerLength = values.get('peer')?.split('/')[1]
  const prefix = parsePrefix(!local.includes('/') && peerLength !== undefined ? `${local}/${peerLength}` : local)
  if (!prefix || prefix.family !== family || !(local.includes('/') || peerLength !== undefined)) return fail()
  const address: InterfaceAddress = {family, address: prefix.address, prefixLength: prefix.prefixLength, scope: values.get('scope') ?? 'global'}
  // IPv4 lines end with the label (`lo:0`); flags such as `secondary` come before it.
  const label = family === 'inet' ? words.at(-1) : undefined
  if (label !== undefined && label !== ifname && !FLAG_WORDS.has(label)) address.label = label
  if (words.includes('secondary')) address.secondary = true
  return address
}

const FLAG_WORDS = new Set(['secondary', 'primary', 'dynamic', 'noprefixroute', 'tentative', 'deprecated',
  'dadfailed', 'nodad', 'optimistic', 'home', 'mngtmpaddr', 'stable-privacy', 'temporary', 'permanent', 'autojoin'])
