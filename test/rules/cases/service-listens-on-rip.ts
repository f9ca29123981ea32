import {hostFacts, listenerOn} from '../../helpers/host-facts.js'
import {windowsFacts} from '../../helpers/windows-facts.js'
import type {RuleCases} from '../../helpers/rule-tester.js'

export const cases: RuleCases = {
  valid: [
    {name: 'Windows: HTTP.sys on 0.0.0.0 (Get-NetTCPConnection)', facts: windowsFacts(), inputs: {ports: [80]}},
    {name: 'wildcard', facts: hostFacts({listeners: [listenerOn('0.0.0.0', 80)]}), inputs: {ports: [80]}},
    {name: 'bound to the RIP', facts: hostFacts({listeners: [listenerOn('192.0.2.10', 80)]}), inputs: {ports: [80]}},
  ],
  invalid: [
    {name: 'Windows: nothing on port 443', facts: windowsFacts(), inputs: {ports: [443]}, failing: ['port 443']},
    {name: 'bound to the VIP only', facts: hostFacts({listeners: [listenerOn('198.51.100.10', 80)]}), inputs: {vips: ['198.51.100.10'], ports: [80]}, failing: ['port 80'], messageIncludes: 'health checks'},
    {name: 'bound to localhost', facts: hostFacts({listeners: [listenerOn('127.0.0.1', 8080)]}), inputs: {ports: [8080]}, failing: ['port 8080']},
  ],
}
