/**
 * Whether rsaudit's verdict agrees with the measured ground truth, as the lab requires: the correct
 * configuration gives a healthy network and passes every rule; every other scenario breaks something
 * the network shows, and one of the rules naming its cause fails.
 */
import {type Audit, nonPassingRules} from './audit.js'
import {type GroundTruth, isHealthy} from './ground-truth.js'
import type {Scenario} from './scenarios.js'

export function disagreements(scenario: Scenario, truth: GroundTruth, audit: Audit): string[] {
  const failing = nonPassingRules(audit)
  if (scenario.causes.length === 0) {
    return [
      ...(isHealthy(truth) ? [] : ['the correct configuration does not give a healthy network']),
      ...(failing.length === 0 ? [] : [`the correct configuration did not pass: ${failing.join(', ')}`]),
    ]
  }
  return [
    ...(isHealthy(truth) ? ['the network shows nothing broken, so the scenario proves nothing'] : []),
    ...(scenario.causes.some((rule) => failing.includes(rule)) ? [] : [`no rule naming the cause (${scenario.causes.join(' or ')}) failed; failing: ${failing.join(', ') || 'none'}`]),
  ]
}
