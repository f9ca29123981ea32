/** Interfaces, routes and TCP listeners of a Linux host, each with its fallback source. */
import {LINUX_COMMANDS, LINUX_PATHS} from '../../collect/linux-commands.js'
import type {RawSource} from '../../collect/raw-source.js'
import {parseIpAddrJson} from '../../parse/ip-addr-json.js'
import {parseIpAddrText} from '../../parse/ip-addr-text.js'
import {parseIpRouteJson} from '../../parse/ip-route-json.js'
import {parseIpRouteText} from '../../parse/ip-route-text.js'
import {parseProcNetTcp} from '../../parse/proc-net-tcp.js'
import {parseSsListeners} from '../../parse/ss-listeners.js'
import {factFromCommand, factFromFile, firstAvailable} from '../from-capture.js'
import type {Fact, Listener, NetInterface, Route} from '../model.js'

export function collectInterfaces(source: RawSource): Promise<Fact<NetInterface[]>> {
  return firstAvailable([
    async () => factFromCommand(await source.run(LINUX_COMMANDS.ipAddrJson), parseIpAddrJson),
    async () => factFromCommand(await source.run(LINUX_COMMANDS.ipAddrText), parseIpAddrText),
  ])
}

export function collectRoutes(source: RawSource): Promise<Fact<Route[]>> {
  return firstAvailable([
    async () => both(
      factFromCommand(await source.run(LINUX_COMMANDS.ipRouteJson), (text) => parseIpRouteJson(text, 'inet')),
      factFromCommand(await source.run(LINUX_COMMANDS.ip6RouteJson), (text) => parseIpRouteJson(text, 'inet6')),
    ),
    async () => both(
      factFromCommand(await source.run(LINUX_COMMANDS.ipRouteText), parseIpRouteText),
      factFromCommand(await source.run(LINUX_COMMANDS.ip6RouteText), parseIpRouteText),
    ),
  ])
}

export function collectListeners(source: RawSource): Promise<Fact<Listener[]>> {
  return firstAvailable([
    async () => factFromCommand(await source.run(LINUX_COMMANDS.ssListenTcp), parseSsListeners),
    async () => both(
      factFromFile(await source.readFile(LINUX_PATHS.procNetTcp), (text) => parseProcNetTcp(text, 'inet')),
      factFromFile(await source.readFile(LINUX_PATHS.procNetTcp6), (text) => parseProcNetTcp(text, 'inet6')),
    ),
  ])
}

/** IPv4 and IPv6 halves of one fact; a host without IPv6 (no tcp6, empty -6 output) keeps the IPv4 half. */
function both<T>(v4: Fact<T[]>, v6: Fact<T[]>): Fact<T[]> {
  if (v4.status !== 'ok') return v4
  if (v6.status !== 'ok') return v4
  return {status: 'ok', value: [...v4.value, ...v6.value], source: `${v4.source}; ${v6.source}`}
}
