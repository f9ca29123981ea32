import type {Route} from '../../../src/facts/model.js'
import {hostFacts} from '../../helpers/host-facts.js'
import type {RuleCases} from '../../helpers/rule-tester.js'

const defaultVia = (gateway: string): Route => ({destination: 'default', family: 'inet', table: 'main', type: 'unicast', gateway, dev: 'eth0'})

// Through the load balancer the outcome is unknown (Auto-NAT cannot be seen from the server):
// neither valid nor invalid, so test/engine/nat-unknowns.test.ts covers it.
export const cases: RuleCases = {
  valid: [{name: 'the default route does not use the load balancer', facts: hostFacts({routes: [defaultVia('192.0.2.254')]}), inputs: {mode: 'nat', gateway: '192.0.2.1'}}],
  invalid: [{name: 'no default route: no internet at all', facts: hostFacts({routes: []}), inputs: {mode: 'nat', gateway: '192.0.2.1'}, failing: ['host'], messageIncludes: 'cannot reach the internet'}],
}
