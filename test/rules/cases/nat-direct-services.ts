import {hostFacts, listenerOn} from '../../helpers/host-facts.js'
import type {RuleCases} from '../../helpers/rule-tester.js'

export const cases: RuleCases = {
  valid: [
    {
      name: 'only the load-balanced port and localhost listen',
      facts: hostFacts({listeners: [listenerOn('0.0.0.0', 80), listenerOn('127.0.0.1', 25), listenerOn('::1', 631)]}),
      inputs: {mode: 'nat', ports: [80]},
    },
  ],
  invalid: [
    {
      name: 'sshd and SMTP on the RIP need rules on the load balancer',
      facts: hostFacts({listeners: [listenerOn('0.0.0.0', 80), listenerOn('0.0.0.0', 22), listenerOn('192.0.2.10', 25), listenerOn('::', 22)]}),
      inputs: {mode: 'nat', ports: [80]},
      failing: ['host'],
      messageIncludes: 'TCP 22, 25 are not load-balanced',
    },
  ],
}
