/**
 * NAT mode (LNX-NAT-01, WIN-NAT-01): the load balancer rewrites the destination only, so every
 * reply must go back through it to be un-NATed. That needs exactly one default route, via the
 * load balancer's floating IP (not either appliance's own address). A second default route,
 * whatever its metric, sends some replies around the load balancer, and the clients drop them.
 *
 * The floating IP is not visible from the server: without --gateway the check says so and
 * stays unknown, even when there is exactly one default route.
 */
import {familyOf, sameAddress} from '../../facts/cidr.js'
import {defaultRoutes, describeRoute, interfaceFacing} from '../../facts/default-routes.js'
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
    if (gateway === undefined) {
      const now = defaults.length === 0 ? 'there is no default route' : `the default route${defaults.length > 1 ? 's are' : ' is'} ${defaults.map((r) => describeRoute(r)).join(', ')}`
      return unknown(`the load balancer's floating IP is not known, so ${now} cannot be judged: pass --gateway IP (or --lb-config)`, evidence)
    }

    const multipath = defaults.find((route) => (route.nexthops ?? 1) > 1)
    const problem =
      defaults.length === 0
        ? 'there is no default route'
        : multipath !== undefined
          ? `the default route ${describeRoute(multipath)} spreads replies over ${multipath.nexthops} next hops, so some bypass the load balancer`
          : defaults.length > 1
          ? `there are ${defaults.length} default routes (${defaults.map((r) => describeRoute(r)).join('; ')}), so some replies bypass the load balancer`
          : defaults[0]?.gateway !== undefined && sameAddress(defaults[0].gateway, gateway)
            ? undefined
            : `the default route is ${describeRoute(defaults[0] ?? {destination: 'default', family, table: 'main', type: 'unicast'})}, not via the load balancer`
    // A gateway outside every local subnet cannot be added as it stands: print no commands then.
    const nic = interfaceFacing(facts.interfaces.value, gateway)
    const fixable = nic !== undefined
    return {
      outcome: problem === undefined ? 'pass' : 'fail',
      evidence,
      data: {
        gateway,
        problem,
        reach: fixable ? '' : `; ${gateway} is in no subnet of this server, so it cannot be its gateway as the interfaces stand`,
        gatewayDev: nic?.name,
        gatewayIndex: nic?.index,
        ipFamily: fixable ? (family === 'inet' ? '-4' : '-6') : undefined,
        defaultPrefix: fixable ? (family === 'inet' ? '0.0.0.0/0' : '::/0') : undefined,
        cmdDefault: fixable && family === 'inet' ? '0.0.0.0' : undefined,
      },
    }
  },
})
