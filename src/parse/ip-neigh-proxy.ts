/**
 * Parses `ip -6 neigh show proxy` and `ip -j -6 neigh show proxy` into `ProxyNeighbour[]`: the
 * addresses the kernel answers neighbour discovery for on behalf of another host. A proxy
 * entry for a VIP makes the server answer Neighbour Solicitations for it, the IPv6 form of
 * the ARP problem.
 *
 * Text lines are `<address> dev <device> [router] proxy`; iproute2 6.1 ends each with a space,
 * and hand-typed documentation often has two spaces before `proxy`. No entries print nothing
 * (text) or `[]` (JSON). The JSON carries `"proxy": null` as a flag.
 *
 * @example
 * parseIpNeighProxyText('2001:db8::10 dev eth0 proxy \n')
 * // → [{address: '2001:db8::10', family: 'inet6', dev: 'eth0'}]
 */
import type {ProxyNeighbour} from '../facts/linux-mode-model.js'
import {canonicalIp, familyOf} from './ip-address.js'
import {ParseError, parseJsonArray, splitLines} from './parse-error.js'

const TEXT_FORMAT = 'ip -6 neigh show proxy'
const JSON_FORMAT = 'ip -j -6 neigh show proxy'

/** @throws {ParseError} when a line is not a proxy entry. */
export function parseIpNeighProxyText(text: string): ProxyNeighbour[] {
  const entries: ProxyNeighbour[] = []
  for (const [index, raw] of splitLines(text).entries()) {
    const tokens = raw.trim().split(/\s+/)
    if (tokens[0] === '') continue
    const fail = (what: string): never => {
      throw new ParseError(TEXT_FORMAT, `${what} in ${JSON.stringify(raw.trim())}`, index + 1)
    }
    // Without the flag this is a plain neighbour line: `ip neigh show` output given as proxy output.
    if (tokens.at(-1) !== 'proxy') fail('expected a line ending in "proxy"')
    const devAt = tokens.indexOf('dev')
    // The name sits between `dev` and the final `proxy`, never on it.
    const dev = devAt === -1 ? undefined : devAt + 1 < tokens.length - 1 ? tokens[devAt + 1] : fail('"dev" without a name')
    entries.push(entry(tokens[0] ?? '', dev, fail))
  }

  return entries
}

/** @throws {ParseError} for output that is not a JSON array of entries with a `dst`. */
export function parseIpNeighProxyJson(text: string): ProxyNeighbour[] {
  return parseJsonArray(text, JSON_FORMAT).map((item, position) => {
    const fail = (what: string): never => {
      throw new ParseError(JSON_FORMAT, `entry ${position}: ${what}`)
    }
    if (typeof item !== 'object' || item === null || Array.isArray(item)) return fail('not an object')
    const {dst, dev} = item as Record<string, unknown>
    if (typeof dst !== 'string') return fail('no "dst"')
    if (dev !== undefined && typeof dev !== 'string') return fail('"dev" is not a string')
    return entry(dst, dev, fail)
  })
}

function entry(text: string, dev: string | undefined, fail: (what: string) => never): ProxyNeighbour {
  const address = canonicalIp(text) ?? fail(`${JSON.stringify(text)} is not an IP address`)
  return {address, family: familyOf(address) ?? 'inet6', ...(dev === undefined ? {} : {dev})}
}
