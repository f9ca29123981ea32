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
    async () => {
      const [v4, v6] = await Promise.all([source.run(LINUX_COMMANDS.ipRouteJson), source.run(LINUX_COMMANDS.ip6RouteJson)])
      return both(factFromCommand(v4, (text) => parseIpRouteJson(text, 'inet')), factFromCommand(v6, (text) => parseIpRouteJson(text, 'inet6')))
    },
    async () => {
      const [v4, v6] = await Promise.all([source.run(LINUX_COMMANDS.ipRouteText), source.run(LINUX_COMMANDS.ip6RouteText)])
      return both(factFromCommand(v4, parseIpRouteText), factFromCommand(v6, parseIpRouteText))
    },
  ])
}

export function collectListeners(source: RawSource): Promise<Fact<Listener[]>> {
  return firstAvailable([
    async () => factFromCommand(await source.run(LINUX_COMMANDS.ssListenTcp), parseSsListeners),
    async () => {
      const [v4, v6] = await Promise.all([source.readFile(LINUX_PATHS.procNetTcp), source.readFile(LINUX_PATHS.procNetTcp6)])
      return both(factFromFile(v4, (text) => parseProcNetTcp(text, 'inet')), factFromFile(v6, (text) => parseProcNetTcp(text, 'inet6')))
    },
  ])
}

/** IPv4 and IPv6 halves of one fact; a host without IPv6 (no tcp6, empty -6 output) keeps the IPv4 half. */
function both<T>(v4: Fact<T[]>, v6: Fact<T[]>): Fact<T[]> {
  if (v4.status !== 'ok') return v4
  if (v6.status !== 'ok') return v4
  return {status: 'ok', value: [...v4.value, ...v6.value], source: `${v4.source}; ${v6.source}`}
}
