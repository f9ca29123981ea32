import type {HostFacts} from '../../../src/facts/model.js'
import type {IpipModule, ModulesLoadReport} from '../../../src/facts/linux-mode-model.js'
import {hostFacts, ok} from '../../helpers/host-facts.js'
import type {RuleCases} from '../../helpers/rule-tester.js'

function facts(state: IpipModule['state'], report: Partial<ModulesLoadReport>): HostFacts {
  return {...hostFacts(), ipipModule: ok({state}, '/sys/module'), modulesLoad: ok({entries: [], filesApplied: [], filesShadowed: [], ...report}, 'modules-load.d')}
}

export const cases: RuleCases = {
  valid: [
    {
      name: 'listed in /etc/modules-load.d/ipip.conf',
      facts: facts('loaded', {entries: [{module: 'ipip', file: '/etc/modules-load.d/ipip.conf', line: 1}], filesApplied: ['/etc/modules-load.d/ipip.conf']}),
      inputs: {mode: 'tun'},
    },
    {name: 'built into the kernel: nothing to load', facts: facts('builtin', {}), inputs: {mode: 'tun'}},
  ],
  invalid: [
    {
      name: 'loaded by hand only',
      facts: facts('loaded', {entries: [{module: 'bonding', file: '/etc/modules', line: 6}], filesApplied: ['/etc/modules']}),
      inputs: {mode: 'tun'},
      failing: ['host'],
      fixIncludes: ["printf '%s\\n' ipip >> /etc/modules-load.d/ipip.conf"],
    },
    {name: 'not loaded and not listed', facts: facts('absent', {}), inputs: {mode: 'tun'}, failing: ['host'], messageIncludes: 'gone after a reboot'},
  ],
}
