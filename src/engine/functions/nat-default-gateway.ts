/**
 * NAT mode (LNX-NAT-01, WIN-NAT-01): the load balancer rewrites the destination only, so every
 * reply must go back through it to be un-NATed. That needs exactly one default route, via the
 * load balancer's floating IP (not either appliance's own address). A second default route,
 * whatever its metric, sends some replies around the load balancer, and the clients drop them.
 *
 * The floating IP is not visible from the server: without --gateway a single default route
 * stays unknown (it is not passed blindly), while none, several or a multipath one fail, since
 * they are wrong whatever the floating IP is.
 */
import {familyOf, sameAddress} from '../../facts/cidr.js'
import {defaultRoutes, describeRoute, interfaceFacing} from '../../facts/default-routes.js'
import type {Route} from '../../facts/model.js'
import type {Evidence} from '../types.js'
import {defineCheck, NO_OPTIONS, type NoOptions, unknown} from './define-check.js'

export const natDefaultGateway = defineCheck<NoOptions>({
  name: 'nat-default-gateway',
  subjects: ['host'],
  facts: ['routes', 'interfaces'],
  optionsSchema: NO_OPTIONS,
  evaluate(_subject, _options, {facts, inputs}) {
    if (facts.routes.status !== 'ok' || facts.interfaces.status !== 'ok') return unknown('routes or interfaces could not be read')
    const {gateway} = inputs
    const family = (gateway === undefined ? undefined : familyOf(gateway)) ?? 'inet'
    const defaults = defaultRoutes(facts.routes.value, family)
    const evidence: Evidence[] =
      defaults.length > 0
        ? defaults.map((route) => ({fact: 'default route', value: describeRoute(route), source: facts.routes.source}))
        : [{fact: 'default route', value: 'none', source: facts.routes.source}]
    // No default route, or several, is wrong whatever the floating IP is; a single one needs it to be judged.
    const problem = problemWith(defaults, gateway)
    const [only] = defaults
    if (problem === undefined && gateway === undefined && only !== undefined) {
      return unknown(`there is one default route, ${describeRoute(only)}, but the load balancer's floating IP is not known, so it cannot be judged: pass --gateway IP (or --lb-config)`, evidence)
    }

    // A gateway outside every local subnet cannot be added as it stands: print no commands then.
    const nic = gateway === undefined ? undefined : interfaceFacing(facts.interfaces.value, gateway)
    const fixable = nic !== undefined
    return {
      outcome: problem === undefined ? 'pass' : 'fail',
      evidence,
      data: {
        gateway,
        problem,
        reach: fixable ? '' : gateway === undefined ? '; pass --gateway IP (the floating IP) for the commands that fix it' : `; ${gateway} is in no subnet of this server, so it cannot be its gateway as the interfaces stand`,
        gatewayDev: nic?.name,
        gatewayIndex: nic?.index,
        ipFamily: fixable ? (family === 'inet' ? '-4' : '-6') : undefined,
        defaultPrefix: fixable ? (family === 'inet' ? '0.0.0.0/0' : '::/0') : undefined,
        cmdDefault: fixable && family === 'inet' ? '0.0.0.0' : undefined,
      },
    }
  },
})

/** What is wrong with the default routes; undefined when there is exactly one, via the gateway if it is known. */
function problemWith(defaults: readonly Route[], gateway: string | undefined): string | undefined {
  const [only] = defaults
  if (only === undefined) return 'there is no default route'
  const multipath = defaults.find((route) => (route.nexthops ?? 1) > 1)
  if (multipath !== undefined) return `the default route ${describeRoute(multipath)} spreads replies over ${multipath.nexthops} next hops`
  if (defaults.length > 1) return `there are ${defaults.length} default routes (${defaults.map((r) => describeRoute(r)).join('; ')}), and only one may exist`
  if (gateway === undefined || (only.gateway !== undefined && sameAddress(only.gateway, gateway))) return undefined
  return `the default route is ${describeRoute(only)}, not via the load balancer`
}
