/**
 * The command-line contract of `rsaudit audit`, run as a separate process against this host:
 * bad input gives one line and exit 2 (no stack trace), --json equals --format json and
 * matches the published schema, and exit codes follow --fail-on.
 */
import {mkdtemp, readFile, rm, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import {join} from 'node:path'

import {Ajv} from 'ajv'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'

import type {Report} from '../../src/engine/types.js'
import {runCli} from '../helpers/run-cli.js'

const schema = JSON.parse(await readFile(new URL('../../schemas/report.schema.json', import.meta.url), 'utf8')) as object
const validateReport = new Ajv({allErrors: true, strict: false}).compile(schema)

describe('bad input', () => {
  it.each([
    [['audit', '--vip', '10.0.0.300'], /--vip "10.0.0.300" is not an IP address/],
    [['audit', '--vip', '198.51.100.10/32'], /without a prefix length/],
    [['audit', '--mode', 'nat', '--gateway', '192.0.2.256'], /--gateway "192.0.2.256" is not an IP address/],
    [['audit', '--mode', 'nat', '--gateway', '192.0.2.1/24'], /--gateway "192.0.2.1\/24" is not an IP address \(give the address without a prefix length\)/],
    [['audit', '--port', '70000'], /--port "70000" is not a TCP port/],
    [['audit', '--port', 'http'], /--port "http"/],
    [['audit', '--mode', 'direct'], /Expected --mode=direct to be one of: dr, tun, nat/],
    [['audit', '--fail-on', 'urgent'], /--fail-on/],
    [['audit', '--bogus'], /Nonexistent flag: --bogus/],
    [['audit', '--lb-config', '/nonexistent/keepalived.conf'], /cannot read \/nonexistent\/keepalived.conf: no such file/],
    [['audit', '--lb-config', 'package.json'], /package.json: not a keepalived.conf/],
  ])('%j exits 2 with one line and no stack trace', async (args, pattern) => {
    const {stderr, exitCode, stdout} = await runCli(args)
    expect(exitCode).toBe(2)
    expect(stderr).toMatch(pattern)
    expect(stderr.trim().split('\n')).toHaveLength(1)
    expect(stderr).not.toMatch(/\bat .*\.js:\d+/)
    expect(stdout).toBe('')
  })
})

describe('broken rule files', () => {
  let directory: string

  beforeAll(async () => {
    directory = await mkdtemp(join(tmpdir(), 'rsaudit-rules-'))
    await writeFile(join(directory, 'bad-severity.yaml'), (await readFile('rules/arp-ignore.yaml', 'utf8')).replace('id: arp-ignore', 'id: bad-severity').replace('severity: critical', 'severity: urgent'))
    await writeFile(join(directory, 'not-yaml.yaml'), 'id: [unclosed\n')
  })

  afterAll(async () => {
    await rm(directory, {recursive: true, force: true})
  })

  it('lists every problem with its file path and exits 2', async () => {
    const {stderr, exitCode} = await runCli(['audit', '--rules-dir', directory])
    expect(exitCode).toBe(2)
    expect(stderr).toContain(`${join(directory, 'bad-severity.yaml')}: at /severity`)
    expect(stderr).toContain(`${join(directory, 'not-yaml.yaml')}: is not valid YAML`)
    expect(stderr).not.toMatch(/\bat .*\.js:\d+/)
  })
})

describe('edited rule files', () => {
  // The build caches the packaged rules by content hash; an edited copy must be read as edited.
  it('uses the edited text, not the build-time cache', async () => {
    const directory = await mkdtemp(join(tmpdir(), 'rsaudit-rules-'))
    try {
      for (const name of ['arp-ignore.yaml', 'rule.schema.json']) await writeFile(join(directory, name), await readFile(join('rules', name), 'utf8'))
      const original = JSON.parse((await runCli(['audit', '--json', '--rules-dir', directory])).stdout) as Report
      const rule = await readFile(join(directory, 'arp-ignore.yaml'), 'utf8')
      await writeFile(join(directory, 'arp-ignore.yaml'), rule.replace('title: Interfaces do not answer ARP for the VIP', 'title: Edited title'))
      const edited = JSON.parse((await runCli(['audit', '--json', '--rules-dir', directory])).stdout) as Report
      expect(original.results[0]?.title).toBe('Interfaces do not answer ARP for the VIP')
      expect(edited.results[0]?.title).toBe('Edited title')
    } finally {
      await rm(directory, {recursive: true, force: true})
    }
  })
})

describe('reports', () => {
  it('prints the same report for --json and --format json, valid against the schema', async () => {
    const viaFlag = await runCli(['audit', '--json', '--vip', '198.51.100.10', '--port', '80'])
    const viaFormat = await runCli(['audit', '--format', 'json', '--vip', '198.51.100.10', '--port', '80'])
    const report = JSON.parse(viaFlag.stdout) as Report
    expect(JSON.parse(viaFormat.stdout)).toEqual(report)
    expect(validateReport(report), JSON.stringify(validateReport.errors)).toBe(true)
    expect(report.target.source).toBe('live')
    expect(report.inputs).toMatchObject({vips: ['198.51.100.10'], vipSource: 'flag', ports: [80], mode: 'dr'})
    // The VIP is not on this test host, so vip-on-loopback must fail and make the exit status 1.
    expect(report.results.find((r) => r.ruleId === 'vip-on-loopback')?.outcome).toBe('fail')
    expect(viaFlag.exitCode).toBe(1)
  })

  it('exits 0 when every failure is below --fail-on', async () => {
    const {stdout, exitCode} = await runCli(['audit', '--json', '--fail-on', 'critical', '--mode', 'nat'])
    const report = JSON.parse(stdout) as Report
    // Only NAT rules run, and none of them is critical: whatever this host's routes are, nothing counts.
    expect(report.results.length).toBeGreaterThan(0)
    expect(report.results.every((r) => r.ruleId.startsWith('nat-'))).toBe(true)
    expect(exitCode).toBe(0)
  })

  // This host's own routes decide between unknown (one default route) and fail (none or several);
  // test/live/modes-netns.test.ts checks each case on routes it sets up.
  it('in NAT mode without --gateway, asks for it and never exits 0; with it, reports it in the inputs', async () => {
    const without = await runCli(['audit', '--json', '--mode', 'nat'])
    const report = JSON.parse(without.stdout) as Report
    const gateway = report.results.find((r) => r.ruleId === 'nat-default-gateway')
    expect(['unknown', 'fail']).toContain(gateway?.outcome)
    expect(gateway?.message).toContain('pass --gateway IP')
    expect([1, 3]).toContain(without.exitCode)
    const withGateway = JSON.parse((await runCli(['audit', '--json', '--mode', 'nat', '--gateway', '192.0.2.1'])).stdout) as Report
    expect(withGateway.inputs).toMatchObject({mode: 'nat', gateway: '192.0.2.1'})
    expect(validateReport(withGateway), JSON.stringify(validateReport.errors)).toBe(true)
    expect(withGateway.results.find((r) => r.ruleId === 'nat-default-gateway')?.outcome).not.toBe('unknown')
  })

  it('prints a table with a How to fix block and no colour when NO_COLOR is set', async () => {
    const {stdout} = await runCli(['audit', '--vip', '198.51.100.10'])
    expect(stdout).toContain('vip-on-loopback')
    expect(stdout).toContain('How to fix')
    expect(stdout).toContain('ip addr replace 198.51.100.10/32 dev lo')
    expect(stdout).not.toContain('\u001B[')
  })
})
