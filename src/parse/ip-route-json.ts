/**
 * Parses `ip -j route show table all` and `ip -6 -j route show table all` into `Route[]`.
 *
 * iproute2 6.x dumps every family for `table all`, so the family comes from the addresses
 * whenever one is present; `family` is only the fallback. Host routes print a bare address
 * (`"dst":"198.51.100.10"`): they get `/32` or `/128` so every destination carries a prefix.
 *
 * @example
 * parseIpRouteJson('[{"type":"local","dst":"198.51.100.0/24","dev":"lo","table":"local",' +
 *   '"protocol":"kernel","scope":"host","prefsrc":"198.51.100.1","flags":[]}]')
 * // → [{destination: '198.51.100.0/24', family: 'inet', table: 'local', type: 'local', dev: 'lo',
 * //     scope: 'host', protocol: 'kernel', preferredSource: '198.51.100.1'}]
 */
import type {AddressFamily, Route} from '../facts/model.js'
import {canonicalIp, familyOf, parsePrefix} from './ip-address.js'
import {ParseError, parseJsonArray} from './parse-error.js'

const FORMAT = 'ip -j route'

type Json = Record<string, unknown>

export function parseIpRouteJson(text: string, family: AddressFamily = 'inet'): Route[] {
  const data = parseJsonArray(text, FORMAT)
  const routes: Route[] = []
  for (const [position, entry] of data.entries()) {
    if (!isObject(entry)) throw new ParseError(FORMAT, `entry ${position} is not an object`)
    if (Object.keys(entry).length === 0) continue // iproute2 prints {} for filtered entries
    routes.push(toRoute(entry, position, family))
  }
  return routes
}

function toRoute(entry: Json, position: number, fallback: AddressFamily): Route {
  const fail = (what: string): never => {
    throw new ParseError(FORMAT, `entry ${position}: ${what} ${JSON.stringify(entry)}`)
  }
  const dst = typeof entry.dst === 'string' ? entry.dst : fail('no "dst" in')
  const prefix = dst === 'default' ? undefined : (parsePrefix(dst) ?? fail(`bad destination ${JSON.stringify(dst)} in`))
  // A multipath route keeps its next hops in `nexthops`; the first one stands for the route.
  const hops = Array.isArray(entry.nexthops) ? entry.nexthops.filter(isObject) : []
  const hop: Json = {...hops[0], ...entry}
  const via = isObject(hop.via) && typeof hop.via.host === 'string' ? hop.via.host : hop.gateway
  const gateway = typeof via === 'string' ? (canonicalIp(via) ?? fail(`bad gateway ${JSON.stringify(via)} in`)) : undefined
  const prefsrc = typeof entry.prefsrc === 'string' ? (canonicalIp(entry.prefsrc) ?? fail('bad prefsrc in')) : undefined
  const route: Route = {
    destination: prefix ? `${prefix.address}/${prefix.prefixLength}` : 'default',
    family: prefix?.family ?? familyOf(gateway ?? prefsrc ?? '') ?? fallback,
    table: entry.table === undefined ? 'main' : String(entry.table),
    type: typeof entry.type === 'string' ? entry.type : 'unicast',
  }
  if (typeof hop.dev === 'string') route.dev = hop.dev
  // Old kernels show `via ::` on local IPv6 routes: an unspecified gateway means none.
  if (gateway !== undefined && gateway !== '::' && gateway !== '0.0.0.0') route.gateway = gateway
  if (typeof entry.scope === 'string' || typeof entry.scope === 'number') route.scope = String(entry.scope)
  if (typeof entry.protocol === 'string' || typeof entry.protocol === 'number') route.protocol = String(entry.protocol)
  if (prefsrc !== undefined) route.preferredSource = prefsrc
  // iproute2 once printed the kernel's u32 0xffffffff metric as -1; keep one spelling.
  if (typeof entry.metric === 'number') route.metric = entry.metric >>> 0
  if (hops.length > 0) route.nexthops = hops.length
  return route
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/**
 * A cheap guess for pasted text: is it `ip -j route` output? A JSON array whose first route object
 * opens with `dst`, or with `type` then `dst` (local, broadcast...), compact or pretty-printed.
 */
export function looksLikeIpRouteJson(text: string): boolean {
  return /^\s*\[\s*(?:\{\s*\}\s*,\s*)*\{\s*(?:"type"\s*:\s*"[\w-]+"\s*,\s*)?"dst"\s*:/.test(text)
}
