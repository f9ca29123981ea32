/**
 * Parses text `ip route show table all` / `ip route show table local` / `ip -6 route show`,
 * old (`dev eth0  proto kernel  scope link`, double spaces, `metric -1`, `via ::`) and new.
 *
 * `ip route show table X` does not print `table X` on each line; pass `defaultTable` then.
 * A line without any address (`unreachable default dev lo`) takes the family of the line
 * before it, because iproute2 dumps all IPv4 routes before the IPv6 ones.
 *
 * @example
 * parseIpRouteText('local 198.51.100.0/24 dev lo table local proto kernel scope host src 198.51.100.1')
 * // → [{destination: '198.51.100.0/24', family: 'inet', table: 'local', type: 'local', dev: 'lo',
 * //     scope: 'host', protocol: 'kernel', preferredSource: '198.51.100.1'}]
 */
import type {AddressFamily, Route} from '../facts/model.js'
import {canonicalIp, familyOf, parsePrefix} from './ip-address.js'
import {ParseError, splitLines} from './parse-error.js'

const FORMAT = 'ip route'
const TYPES = new Set(['unicast', 'local', 'broadcast', 'multicast', 'throw', 'unreachable', 'prohibit', 'blackhole', 'nat', 'anycast'])
/** Keywords followed by one value. Anything else after the destination is a flag (onlink, linkdown...). */
const VALUED = new Set(['via', 'dev', 'table', 'proto', 'scope', 'src', 'metric', 'mtu', 'advmss', 'hoplimit',
  'error', 'pref', 'expires', 'realm', 'realms', 'from', 'tos', 'dsfield', 'weight', 'rtt', 'rttvar', 'reordering',
  'window', 'cwnd', 'initcwnd', 'initrwnd', 'ssthresh', 'features', 'quickack', 'congctl', 'rto_min', 'nhid',
  'fastopen_no_cookie', 'ttl-propagate', 'pervasive-as'])
const START = /^(?:[a-z]+\s+)?(?:default|[\d.]+|[\da-f:]*:[\da-f:.]*)(?:\/\d+)?\s+(?:via|dev|table|proto|scope|src|metric)\s/i

export function parseIpRouteText(text: string, defaultTable = 'main'): Route[] {
  const routes: Route[] = []
  for (const [i, raw] of splitLines(text).entries()) {
    const tokens = raw.trim().split(/\s+/)
    const lineNo = i + 1
    if (tokens[0] === '') continue
    const previous = routes.at(-1)
    if (/^\s/.test(raw) && tokens[0] === 'nexthop' && previous) {
      // Multipath: the route line has no gateway; the first next hop stands for it.
      const hop = readPairs(tokens.slice(1), lineNo)
      const gateway = previous.gateway ?? usableGateway(hop.get('via'), lineNo)
      const dev = previous.dev ?? hop.get('dev')
      if (gateway !== undefined) previous.gateway = gateway
      if (dev !== undefined) previous.dev = dev
      previous.nexthops = (previous.nexthops ?? 0) + 1
      continue
    }
    if (/^\s/.test(raw) && tokens[0] === 'cache') continue
    routes.push(parseRouteLine(tokens, lineNo, defaultTable, previous?.family))
  }
  return routes
}

/** A cheap guess for pasted text: does the first line look like an `ip route` line? */
export function looksLikeIpRouteText(text: string): boolean {
  const first = splitLines(text).find((line) => line.trim() !== '') ?? ''
  return START.test(`${first.trim()} `)
}

function parseRouteLine(tokens: string[], lineNo: number, defaultTable: string, previous?: AddressFamily): Route {
  const type = TYPES.has(tokens[0] ?? '') ? (tokens.shift() as string) : 'unicast'
  const dst = tokens.shift() ?? ''
  const prefix = dst === 'default' ? undefined : parsePrefix(dst)
  if (dst !== 'default' && !prefix) {
    throw new ParseError(FORMAT, `expected a destination, found ${JSON.stringify(dst)}`, lineNo)
  }
  const pairs = readPairs(tokens, lineNo)
  const gateway = usableGateway(pairs.get('via'), lineNo)
  const source = pairs.has('src') ? canonicalIp(pairs.get('src') ?? '') : undefined
  if (pairs.has('src') && source === undefined) throw new ParseError(FORMAT, `bad src ${pairs.get('src')}`, lineNo)
  const family = prefix?.family ?? familyOf(gateway ?? source ?? '') ?? (pairs.has('pref') ? 'inet6' : (previous ?? 'inet'))
  const route: Route = {
    destination: prefix ? `${prefix.address}/${prefix.prefixLength}` : 'default',
    family,
    table: pairs.get('table') ?? defaultTable,
    type,
  }
  const set = <K extends 'dev' | 'scope' | 'protocol'>(key: K, value: string | undefined) => {
    if (value !== undefined) route[key] = value
  }
  set('dev', pairs.get('dev'))
  if (gateway !== undefined) route.gateway = gateway
  set('scope', pairs.get('scope'))
  set('protocol', pairs.get('proto'))
  if (source !== undefined) route.preferredSource = source
  const metric = pairs.get('metric')
  if (metric !== undefined) {
    if (!/^-?\d+$/.test(metric)) throw new ParseError(FORMAT, `bad metric ${metric}`, lineNo)
    route.metric = Number(metric) >>> 0 // old iproute2 printed u32 0xffffffff as -1
  }
  return route
}

function readPairs(tokens: string[], lineNo: number): Map<string, string> {
  const pairs = new Map<string, string>()
  for (let i = 0; i < tokens.length; i++) {
    const key = tokens[i] ?? ''
    if (!VALUED.has(key)) continue
    // `via inet6 fe80::1` (IPv4 over an IPv6 next hop) and `mtu lock 1400` carry a marker word.
    if ((key === 'via' && /^inet6?$/.test(tokens[i + 1] ?? '')) || tokens[i + 1] === 'lock') i++
    const value = tokens[++i]
    if (value === undefined) throw new ParseError(FORMAT, `"${key}" without a value`, lineNo)
    if (!pairs.has(key)) pairs.set(key, value)
  }
  return pairs
}

function usableGateway(via: string | undefined, lineNo: number): string | undefined {
  if (via === undefined) return undefined
  const gateway = canonicalIp(via)
  if (gateway === undefined) throw new ParseError(FORMAT, `bad gateway ${via}`, lineNo)
  // Old kernels print `via ::` on local IPv6 routes: an unspecified gateway means none.
  return gateway === '::' || gateway === '0.0.0.0' ? undefined : gateway
}
