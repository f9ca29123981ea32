/**
 * Parses `ip -j neigh show` (iproute2 4.13+): the kernel's ARP/NDP cache. vip-path reads it to
 * say which MAC the real server's address resolved to, and to avoid taking an address that a
 * neighbour already uses as the probe's source.
 *
 * @example
 * parseIpNeighJson('[{"dst":"192.0.2.11","dev":"eth0","lladdr":"8e:b8:ca:eb:db:60","state":["STALE"]}]')
 * // → [{address: '192.0.2.11', dev: 'eth0', mac: '8e:b8:ca:eb:db:60', state: ['STALE']}]
 */
import {canonicalIp} from './ip-address.js'
import {canonicalMac} from './mac-address.js'
import {ParseError, parseJsonArray} from './parse-error.js'

const FORMAT = 'ip -j neigh'

export interface Neighbour {
  address: string
  /** Absent when the listing was filtered by device (`dev X` leaves it out). */
  dev: string | null
  /** Null while unresolved (INCOMPLETE) or after resolution failed (FAILED). */
  mac: string | null
  state: string[]
}

/** @throws {ParseError} when the text is not a JSON array or an entry has no valid `dst`. */
export function parseIpNeighJson(text: string): Neighbour[] {
  return parseJsonArray(text, FORMAT).flatMap((entry, position): Neighbour[] => {
    if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) throw new ParseError(FORMAT, `entry ${position} is not an object`)
    const neighbour = entry as Record<string, unknown>
    if (Object.keys(neighbour).length === 0) return []
    const address = typeof neighbour.dst === 'string' ? canonicalIp(neighbour.dst) : undefined
    if (address === undefined) throw new ParseError(FORMAT, `entry ${position} has no valid "dst": ${JSON.stringify(entry)}`)
    const state = Array.isArray(neighbour.state) ? neighbour.state.filter((s): s is string => typeof s === 'string') : []
    return [
      {
        address,
        dev: typeof neighbour.dev === 'string' ? neighbour.dev : null,
        mac: typeof neighbour.lladdr === 'string' ? (canonicalMac(neighbour.lladdr) ?? null) : null,
        state,
      },
    ]
  })
}
