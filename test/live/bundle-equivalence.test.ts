/**
 * Offline audits must give the live answer. In each live scenario, inside the namespace:
 * audit live, collect a bundle with `rsaudit collect` and with collectors/collect.sh, then
 * audit both bundles; every rule and subject must get the same outcome all three ways.
 */
import {mkdtemp, rm} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {fileURLToPath} from 'node:url'

import {afterAll, beforeAll, describe, expect, it} from 'vitest'

import type {Report} from '../../src/engine/types.js'
import {cleanupStaleNamespaces, netnsAvailable, withRealServer} from '../helpers/netns.js'
import {CLI, runCli} from '../helpers/run-cli.js'
import {SCENARIOS} from './scenarios.js'

const available = netnsAvailable()
const COLLECT_SH = fileURLToPath(new URL('../../collectors/collect.sh', import.meta.url))
let workDir: string

function outcomes(report: Report): Record<string, string> {
  return Object.fromEntries(report.results.map((r) => [`${r.ruleId} ${r.subject}`, r.outcome]))
}

beforeAll(async () => {
  if (process.env.CI && !available.ok) throw new Error(`live tests must run in CI: ${available.reason}`)
  if (available.ok) await cleanupStaleNamespaces()
  workDir = await mkdtemp(join(tmpdir(), 'rsaudit-bundles-'))
})

afterAll(async () => {
  await rm(workDir, {recursive: true, force: true})
})

describe.skipIf(!available.ok)('bundles audit like the live host', () => {
  it.each(SCENARIOS.map((s, index) => [s.name, s, index] as const))('%s', async (_name, scenario, index) => {
    const fromNode = join(workDir, `${index}-rsaudit.tar.gz`)
    const fromSh = join(workDir, `${index}-collect-sh`)
    const live = await withRealServer(scenario.spec, async (ns) => {
      const audit = await ns.exec(['node', CLI, 'audit', '--json', ...scenario.args], {timeoutMs: 30_000})
      const collect = await ns.exec(['node', CLI, 'collect', '--out', fromNode], {timeoutMs: 30_000})
      expect(collect.exitCode, collect.stderr).toBe(0)
      const sh = await ns.exec(['sh', COLLECT_SH, '-o', fromSh], {timeoutMs: 30_000})
      expect(sh.exitCode, sh.stderr).toBe(0)
      return JSON.parse(audit.stdout) as Report
    })

    for (const bundle of [fromNode, fromSh]) {
      const offline = await runCli(['audit', '--json', '--from', bundle, ...scenario.args])
      expect(offline.stderr).toBe('')
      const report = JSON.parse(offline.stdout) as Report
      expect(report.target.source).toBe('bundle')
      expect(outcomes(report), bundle).toEqual(outcomes(live))
    }
  })
})
