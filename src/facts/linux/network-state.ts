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
    // `table all` already lists both families, old iproute2 and new; a separate `ip -6` run would double IPv6.
    async () => factFromCommand(await source.run(LINUX_COMMANDS.ipRouteJson), (text) => parseIpRouteJson(text)),
    async () => factFromCommand(await source.run(LINUX_COMMANDS.ipRouteText), (text) => parseIpRouteText(text)),
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
