/**
 * collectNetfilter over the captured outputs (fixtures/linux/debian12-*): which tool's view of a
 * rule is kept, legacy rules that only iptables-legacy-save shows, and the failures that must
 * make the facts unavailable rather than empty.
 */
import {readFileSync} from 'node:fs'
import {join} from 'node:path'

import {describe, expect, it} from 'vitest'

import {LINUX_COMMANDS} from '../../../src/collect/linux-commands.js'
import type {CaptureFailure, CommandCapture, CommandSpec, RawSource} from '../../../src/collect/raw-source.js'
import {collectNetfilter} from '../../../src/facts/linux/netfilter.js'
import {FIXTURES_ROOT} from '../../helpers/fixtures.js'
import {fixture} from '../../helpers/netfilter-facts.js'

type Outcome = {stdout: string; stderr?: string} | {failure: CaptureFailure; detail: string; stderr?: string}

/** Only `run` matters here; the rest is never called. */
function source(commands: Record<string, Outcome>): RawSource {
  return {
    kind: 'bundle',
    platform: 'linux',
    privileged: true,
    identity: () => Promise.reject(new Error('not used')),
    readFile: () => Promise.reject(new Error('not used')),
    listDir: () => Promise.reject(new Error('not used')),
    async run(spec: CommandSpec): Promise<CommandCapture> {
      const outcome = commands[spec.id] ?? {failure: 'command-missing', detail: `${spec.argv[0]} is not installed`}
      if ('stdout' in outcome) return {spec, stdout: outcome.stdout, stderr: outcome.stderr ?? '', exitCode: 0}
      return {spec, stdout: '', stderr: outcome.stderr ?? '', exitCode: outcome.failure === 'nonzero-exit' ? 1 : null, failure: {reason: outcome.failure, detail: outcome.detail}}
    },
  }
}

/** Every output a scenario captured, by command id. */
function captured(scenario: string): Record<string, Outcome> {
  const out: Record<string, Outcome> = {}
  for (const id of ['iptables-save', 'ip6tables-save', 'iptables-legacy-save', 'ip6tables-legacy-save', 'nft-ruleset-json']) {
    try {
      out[id] = {stdout: fixture(scenario, id)}
    } catch {
      // not captured in this scenario
    }
  }
  return out
}

async function okFacts(commands: Record<string, Outcome>) {
  const facts = await collectNetfilter(source(commands))
  if (facts.redirects.status !== 'ok' || facts.notracks.status !== 'ok') throw new Error(JSON.stringify(facts.redirects))
  return {redirects: facts.redirects.value, notracks: facts.notracks.value, source: facts.redirects.source}
}

describe('collectNetfilter', () => {
  it('keeps iptables-save\'s view of the tables iptables-nft manages, not nft\'s lossy copy', async () => {
    const {redirects, notracks, source: from} = await okFacts(captured('debian12-iptables-1.8.9-nft-backend-redirect'))
    expect(redirects.tools).toEqual(['iptables', 'ip6tables', 'nft'])
    expect(new Set(redirects.chains.map((c) => c.tool))).toEqual(new Set(['iptables', 'ip6tables']))
    expect(redirects.chains.map((c) => `${c.tool} ${c.name}`)).toEqual(['iptables PREROUTING', 'iptables LB_VIPS', 'ip6tables PREROUTING'])
    expect(notracks.chains.map((c) => `${c.tool} ${c.table} ${c.name}`)).toEqual(['iptables raw PREROUTING', 'ip6tables raw PREROUTING'])
    expect(from).toBe('iptables-save; ip6tables-save; iptables-legacy-save; ip6tables-legacy-save; nft -j list ruleset')
  })

  it('keeps nft\'s chains where iptables-save says a table is incompatible', async () => {
    const {redirects} = await okFacts(captured('debian12-nftables-1.0.6-native-redirect'))
    expect(redirects.chains.map((c) => `${c.tool} ${c.nftFamily ?? c.family} ${c.table} ${c.name}`)).toEqual([
      'iptables inet nat PREROUTING',
      'nft inet lb prerouting',
      'nft inet lb vip60',
      'nft ip nat prerouting',
    ])
  })

  it('reads the legacy rules the nf_tables iptables-save only warns about', async () => {
    const commands = captured('debian12-iptables-1.8.9-legacy-rules')
    commands['iptables-save'] = {stdout: '', stderr: readFileSync(join(FIXTURES_ROOT, 'debian12-iptables-1.8.9-legacy-rules', 'iptables-save.stderr'), 'utf8')}
    const {redirects} = await okFacts(commands)
    expect(redirects.chains.map((c) => c.name)).toEqual(['PREROUTING', 'LB_VIPS', 'PREROUTING'])
  })

  it('is unavailable when legacy rules exist but iptables-legacy-save is not installed', async () => {
    const commands = captured('debian12-iptables-1.8.9-legacy-rules')
    commands['iptables-save'] = {stdout: '', stderr: '# Warning: iptables-legacy tables present, use iptables-legacy-save to see them\n'}
    delete commands['iptables-legacy-save']
    delete commands['ip6tables-legacy-save']
    const facts = await collectNetfilter(source(commands))
    expect(facts.redirects).toMatchObject({status: 'unavailable', reason: 'command-missing', detail: expect.stringContaining('iptables-legacy-save is not installed')})
  })

  it('is command-missing when no tool is installed, and not-collected for an old bundle', async () => {
    expect(await collectNetfilter(source({}))).toMatchObject({redirects: {status: 'unavailable', reason: 'command-missing'}, notracks: {status: 'unavailable', reason: 'command-missing'}})
    const old = Object.fromEntries(Object.values(LINUX_COMMANDS).map((spec) => [spec.id, {failure: 'not-collected', detail: `${spec.id} was not collected`} as Outcome]))
    expect((await collectNetfilter(source(old))).redirects).toMatchObject({status: 'unavailable', reason: 'not-collected'})
  })

  it('asks for root when iptables-save refuses (the message iptables 1.8.9 prints)', async () => {
    const commands = captured('debian12-iptables-1.8.9-nft-backend-redirect')
    commands['iptables-save'] = {failure: 'nonzero-exit', detail: 'iptables-save exited with 4', stderr: 'iptables-save v1.8.9 (nf_tables): Could not fetch rule set generation id: Permission denied (you must be root)\n'}
    const facts = await collectNetfilter(source(commands))
    expect(facts.notracks).toMatchObject({status: 'unavailable', reason: 'permission-denied', detail: 'iptables-save needs root to read the netfilter rules (run as root)'})
  })

  it('passes on a timeout and a parse error as they are', async () => {
    const timeout = {...captured('debian12-iptables-1.8.9-nft-backend-redirect'), 'nft-ruleset-json': {failure: 'timeout', detail: 'nft -j list ruleset did not finish within 5000 ms'} as Outcome}
    expect((await collectNetfilter(source(timeout))).redirects).toMatchObject({status: 'unavailable', reason: 'timeout'})
    const broken = {...captured('debian12-iptables-1.8.9-nft-backend-redirect'), 'nft-ruleset-json': {stdout: '{"nftables": [{"metainfo": '}}
    expect((await collectNetfilter(source(broken))).redirects).toMatchObject({status: 'unavailable', reason: 'parse-error', detail: expect.stringContaining('nft -j list ruleset')})
  })

  // Synthetic: how iptables-legacy-save would fail where no legacy table module was ever loaded.
  it('takes a missing /proc/net/ip_tables_names as "no legacy rules"', async () => {
    const commands = captured('debian12-iptables-1.8.9-nft-backend-redirect')
    commands['iptables-legacy-save'] = {failure: 'nonzero-exit', detail: 'iptables-legacy-save exited with 1', stderr: 'Failed to list table names in /proc/net/ip_tables_names: No such file or directory\n'}
    expect((await collectNetfilter(source(commands))).redirects.status).toBe('ok')
  })
})
