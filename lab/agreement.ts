/**
 * Whether the probes agree with the measurements: `probe arp` names rs1 exactly when the network
 * shows rs1 answering ARP for the VIP or holding the client's entry for it, and `probe vip-path`
 * connects exactly when HTTP through the VIP works (the load balancer sends the VIP to rs1).
 */
export function probeDisagreements(truth: GroundTruth, probes: ProbeVerdicts): string[] {
  const rs1ClaimsVip = truth.arpResponders.includes('rs1') || truth.clientNeighbourForVip === 'rs1'
  return [
    ...(probes.arpNamesRealServers.includes('rs1') === rs1ClaimsVip ? [] : [`probe arp ${rs1ClaimsVip ? 'missed' : 'wrongly named'} rs1`]),
    ...(probes.vipPathConnected === (truth.httpViaVip !== null) ? [] : [`probe vip-path ${probes.vipPathConnected ? 'connected' : 'failed'} while HTTP through the VIP ${truth.httpViaVip === null ? 'fails' : 'works'}`]),
  ]
}

/**
 * Whether rsaudit's verdict agrees with the measured ground truth, as the lab requires: the correct
 * configuration gives a healthy network and passes every rule; every other scenario breaks something
 * the network shows, and one of the rules naming its cause fails.
 */
import {type Audit, nonPassingRules} from './audit.js'
import {type GroundTruth, isHealthy} from './ground-truth.js'
import type {ProbeVerdicts} from './probes.js'
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
