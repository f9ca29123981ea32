/**
 * Reads each link's hardware address from `ip -j link show` or `ip -j addr show` (both print it
 * as `address`). The probes need the MAC of the interface they send from; `parseIpAddrJson`
 * gives everything else and its model has no MAC.
 *
 * @example
 * parseIpLinkMacs('[{"ifindex":2,"ifname":"eth0","link_type":"ether","address":"DA:3C:72:8F:FA:37"}]')
 * // → [{name: 'eth0', mac: 'da:3c:72:8f:fa:37'}]
 */
import {canonicalMac} from './mac-address.js'
import {ParseError, parseJsonArray} from './parse-error.js'

const FORMAT = 'ip -j link'

export interface LinkMac {
  name: string
  /** Null for links without an Ethernet address (loopback reports 00:00:00:00:00:00, tunnels none). */
  mac: string | null
}

/** @throws {ParseError} when the text is not a JSON array of objects. */
export function parseIpLinkMacs(text: string): LinkMac[] {
  return parseJsonArray(text, FORMAT).flatMap((entry, position): LinkMac[] => {
    if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) throw new ParseError(FORMAT, `entry ${position} is not an object`)
    const link = entry as Record<string, unknown>
    if (typeof link.ifname !== 'string') return [] // iproute2 prints {} for filtered entries
    const mac = link.link_type === 'ether' && typeof link.address === 'string' ? canonicalMac(link.address) : undefined
    return [{name: link.ifname, mac: mac ?? null}]
  })
}
