import type {HostFacts, Route} from '../../../src/facts/model.js'
import {commonRoutes} from '../../../src/facts/windows/normalize.js'
import type {WinRoute} from '../../../src/facts/windows-model.js'
import {ethernet, hostFacts, localRoute, loopback, address, ok} from '../../helpers/host-facts.js'
import type {RuleCases} from '../../helpers/rule-tester.js'
import {windowsWith} from '../../helpers/windows-facts.js'

const LB = '192.0.2.1'
const nat = (gateway?: string) => ({mode: 'nat' as const, ...(gateway === undefined ? {} : {gateway})})

function defaultVia(gateway: string, dev = 'eth0', metric?: number): Route {
  return {destination: 'default', family: 'inet', table: 'main', type: 'unicast', gateway, dev, ...(metric === undefined ? {} : {metric})}
}

function linux(...defaults: Route[]): HostFacts {
  return hostFacts({routes: [...defaults, localRoute('127.0.0.0/8'), {destination: '192.0.2.0/24', family: 'inet', table: 'main', type: 'unicast', dev: 'eth0', scope: 'link'}]})
}

/** Windows routes go through the real normalizer, as Get-NetRoute's `0.0.0.0/0` rows do. */
function windows(routes: WinRoute[]): HostFacts {
  const facts = windowsWith((w) => void (w.winRoutes = routes))
  return {...facts, routes: commonRoutes(ok(routes, 'Get-NetRoute'))}
}

export const cases: RuleCases = {
  valid: [
    {name: 'one default route via the floating IP', facts: linux(defaultVia(LB)), inputs: nat(LB)},
    {name: 'IPv6 floating IP', facts: hostFacts({interfaces: [loopback(), ethernet('eth0', address('2001:db8::10/64'))], routes: [{destination: 'default', family: 'inet6', table: 'main', type: 'unicast', gateway: '2001:db8::1', dev: 'eth0'}]}), inputs: nat('2001:db8::1')},
    {name: 'Windows: one 0.0.0.0/0 via the floating IP', facts: windows([{destination: '0.0.0.0/0', family: 'inet', nextHop: LB, index: 5, alias: 'Ethernet'}]), inputs: nat(LB)},
  ],
  invalid: [
    {
      name: 'default route via the old router',
      facts: linux(defaultVia('192.0.2.254')),
      inputs: nat(LB),
      failing: ['host'],
      messageIncludes: 'not via the load balancer',
      fixIncludes: ['ip -4 route flush exact 0.0.0.0/0', 'ip -4 route add default via 192.0.2.1 dev eth0'],
    },
    {
      name: 'two default routes, the right one preferred by metric',
      facts: linux(defaultVia(LB), defaultVia('192.0.2.254', 'eth0', 100)),
      inputs: nat(LB),
      failing: ['host'],
      messageIncludes: 'there are 2 default routes',
    },
    {name: 'no default route at all', facts: linux(), inputs: nat(LB), failing: ['host'], messageIncludes: 'there is no default route'},
    {
      name: 'one multipath default route whose first hop is the load balancer',
      facts: linux({...defaultVia(LB), nexthops: 2}),
      inputs: nat(LB),
      failing: ['host'],
      messageIncludes: 'spreads replies over 2 next hops',
    },
    {
      name: 'a gateway outside every subnet prints no commands',
      facts: linux(defaultVia('192.0.2.254')),
      inputs: nat('203.0.113.1'),
      failing: ['host'],
      messageIncludes: 'in no subnet of this server',
    },
    {
      name: 'Windows: a second gateway on another adapter',
      facts: windows([
        {destination: '0.0.0.0/0', family: 'inet', nextHop: LB, index: 5, alias: 'Ethernet'},
        {destination: '0.0.0.0/0', family: 'inet', nextHop: '192.0.2.254', index: 5, alias: 'Ethernet'},
      ]),
      inputs: nat(LB),
      failing: ['host'],
      fixIncludes: [
        'Remove-NetRoute -DestinationPrefix 0.0.0.0/0 -Confirm:$false',
        'New-NetRoute -InterfaceIndex 5 -DestinationPrefix 0.0.0.0/0 -NextHop 192.0.2.1',
        'route delete 0.0.0.0 mask 0.0.0.0',
        'route -p add 0.0.0.0 mask 0.0.0.0 192.0.2.1',
      ],
    },
  ],
}
