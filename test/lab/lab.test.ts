/**
 * The Direct Routing lab, run for real: every scenario is built from a clean lab, the network's own
 * behaviour is measured, rsaudit audits the real server and probes it from the client, and the
 * verdicts must agree with the measurements. Then rsaudit's
 * printed runtime fixes are run as printed and must leave a healthy network that passes every rule.
 * Needs root and network namespaces (CI has both and must run it).
 */
import {afterAll, beforeAll, describe, expect, it} from 'vitest'

import {nonPassingRules} from '../../lab/audit.js'
import {isHealthy} from '../../lab/ground-truth.js'
import {labDown, removeStaleLabs} from '../../lab/lifecycle.js'
import {runScenario} from '../../lab/run-scenario.js'
import {SCENARIOS} from '../../lab/scenarios.js'
import {labNames} from '../../lab/topology.js'
import {netnsAvailable} from '../helpers/netns.js'

const available = netnsAvailable()
const TEST_PREFIX_BASE = 'rsltest'
const names = labNames(`${TEST_PREFIX_BASE}${process.pid}`)

beforeAll(async () => {
  if (process.env.CI && !available.ok) throw new Error(`the lab must run in CI: ${available.reason}`)
  if (available.ok) await removeStaleLabs(TEST_PREFIX_BASE)
})

afterAll(async () => {
  if (available.ok) await labDown(names)
})

describe.skipIf(!available.ok)('Direct Routing lab: verdicts agree with the network', () => {
  it.each(SCENARIOS.map((scenario) => [scenario.name, scenario] as const))('%s', async (_name, scenario) => {
    const outcome = await runScenario(names, scenario)
    const {truth, audit, probes, disagreements} = outcome.before
    expect(disagreements, JSON.stringify({truth, probes, failing: nonPassingRules(audit)})).toEqual([])
    // The statements about the probes, per scenario, on top of their agreement with the measurements.
    expect(probes.arpNamesRealServers.includes('rs1'), 'probe arp names rs1').toBe(scenario.probes.arpFindsRs1)
    expect(probes.arpProblem, 'probe arp flags a problem').toBe(scenario.probes.arpFindsRs1)
    expect(!probes.vipPathConnected, 'probe vip-path fails').toBe(scenario.probes.vipPathFails)

    if (scenario.causes.length === 0) {
      expect(truth.httpViaVip).toBe('rs1')
      expect(audit.results.every((result) => result.outcome === 'pass')).toBe(true)
      expect(audit.exitCode).toBe(0)
      return
    }
    expect(audit.exitCode).toBe(1)
    const after = outcome.after!
    expect(after.fixes.length).toBeGreaterThan(0)
    expect(after.fixes.filter((fix) => fix.exitCode !== 0)).toEqual([])
    expect(isHealthy(after.truth), JSON.stringify(after.truth)).toBe(true)
    expect(nonPassingRules(after.audit)).toEqual([])
  }, 90_000)
})
