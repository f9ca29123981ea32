/**
 * Default routes of the main table, as Linux (`default`) and Windows (`0.0.0.0/0`) write them,
 * and the interface a gateway is reached through. NAT mode needs exactly one default route
 * (via the load balancer); Direct Routing's rp_filter check needs the interface that leads
 * back to clients.
 */
import {prefixContains} from './cidr.js'
import type {AddressFamily, NetInterface, Route} from './model.js'

export function defaultRoutes(routes: readonly Route[], family: AddressFamily): Route[] {
  return routes.filter(
    (route) =>
      route.family === family &&
      route.table === 'main' &&
      route.type === 'unicast' &&
      (route.destination === 'default' || route.destination.endsWith('/0')),
  )
}

/** The default route the kernel uses: the lowest metric (Linux reads a missing metric as 0). */
export function preferredDefault(routes: readonly Route[], family: AddressFamily): Route | undefined {
  return [...defaultRoutes(routes, family)].sort((a, b) => (a.metric ?? 0) - (b.metric ?? 0))[0]
}

/** The up, non-loopback interface with an address whose subnet holds `gateway` (what makes it on-link). */
export function interfaceFacing(interfaces: readonly NetInterface[], gateway: string): NetInterface | undefined {
  return interfaces.find(
    (nic) => nic.up && !nic.loopback && nic.addresses.some((a) => a.prefixLength > 0 && prefixContains(a.address, a.prefixLength, gateway)),
  )
}

/** `default via 192.0.2.1 dev eth0 metric 100`, for messages and evidence. */
export function describeRoute(route: Route): string {
  const parts = ['default']
  if (route.gateway) parts.push('via', route.gateway)
  if (route.dev) parts.push('dev', route.dev)
  if (route.metric !== undefined) parts.push('metric', String(route.metric))
  if ((route.nexthops ?? 1) > 1) parts.push(`(multipath, ${route.nexthops} next hops)`)
  return parts.join(' ')
}
