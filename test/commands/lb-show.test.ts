/**
 * `rsaudit lb show FILE`, run as a separate process on the real fixtures: the table names every
 * service, method and real server, --json matches schemas/lb-config.schema.json (which is
 * strict), and a file that cannot be read or understood gives one line and exit 2.
 */
import {mkdtemp, readFile, rm, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import {join} from 'node:path'

import {Ajv} from 'ajv'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'

import type {LbConfig} from '../../src/facts/lb-config.js'
import type {LbShowResult} from '../../src/report/lb-config.js'
import {lbFixtures, LB_FIXTURES} from '../helpers/lb-fixtures.js'
import {runCli} from '../helpers/run-cli.js'

const schema = JSON.parse(await readFile(new URL('../../schemas/lb-config.schema.json', import.meta.url), 'utf8')) as object
const validate = new Ajv({allErrors: true, strict: false}).compile(schema)
const schemaErrors = (document: unknown): string[] => (validate(document) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''}`))
const fixture = (scenario: string, file: string): string => join(LB_FIXTURES, scenario, file)

describe('rsaudit lb show', () => {
  it('prints a table of services, methods and real servers, then the notes', async () => {
    const {stdout, stderr, exitCode} = await runCli(['lb', 'show', fixture('keepalived-rhel7-unbound-dr-port-mismatch', 'keepalived.conf')])
    expect(exitCode).toBe(0)
    expect(stderr).toBe('')
    expect(stdout).toMatch(/keepalived\.conf: keepalived\.conf, 1 service, 2 real servers\n/)
    expect(stdout).toMatch(/│ 213\.167\.104\.144:53\/udp +│ wrr +│ +│ 213\.167\.104\.142:5354 +│ dr \(Route\) +│ 1 +│/)
    expect(stdout).toMatch(/│ +│ +│ +│ 213\.167\.104\.142:5355 +│ dr \(Route\) +│ 1 +│/)
    expect(stdout).toContain('note: line 31: 213.167.104.144:53/udp: real server 213.167.104.142:5354 uses dr, which does not rewrite ports: it receives port 53\n')
  })

  it('shows fwmark services, fallbacks and services without real servers', async () => {
    const {stdout, exitCode} = await runCli(['lb', 'show', fixture('ipvsadm-exporter-ipv6-fwm', 'ipvsadm-Ln.txt')])
    expect(exitCode).toBe(0)
    expect(stdout).toMatch(/│ fwmark 52587 +│ wrr +│ +│ 203\.0\.113\.5:\* +│ tun \(Tunnel\) +│ 1000 +│/)
    expect(stdout).toMatch(/│ \[2001:db8:cc::812\]:80\/tcp +│ wrr +│ +│ \(none\) +│/)
    expect(stdout).toMatch(/│ fwmark 52587 +│ wrr +│ +│ \(none\) +│ +│ +│\n│ \(IPv6\) /)
  })

  it('--json prints the parsed configuration, valid against the schema, for a real fixture of each format', async () => {
    const byFormat = new Map<string, {path: string; expected: LbConfig}>()
    for (const {path, expectedPath} of lbFixtures().filter((f) => f.expectedPath)) {
      const expected = JSON.parse(await readFile(expectedPath ?? '', 'utf8')) as LbConfig
      if (!byFormat.has(expected.format)) byFormat.set(expected.format, {path, expected})
    }
    expect(byFormat.size).toBe(5)
    await Promise.all(
      [...byFormat.values()].map(async ({path, expected}) => {
        const {stdout, exitCode} = await runCli(['lb', 'show', path, '--json'])
        expect(exitCode, path).toBe(0)
        const document = JSON.parse(stdout) as LbShowResult
        expect(schemaErrors(document), path).toEqual([])
        expect(document).toEqual({schemaVersion: 1, file: path, ...expected})
      }),
    )
  })

  it('validates the golden output of every fixture against the schema', async () => {
    for (const {path, expectedPath} of lbFixtures().filter((f) => f.expectedPath)) {
      const expected = JSON.parse(await readFile(expectedPath ?? '', 'utf8')) as LbConfig
      expect(schemaErrors({schemaVersion: 1, file: path, ...expected}), path).toEqual([])
    }
  })

  it('without FILE says which argument is missing, exit 2, no stack trace', async () => {
    const {stdout, stderr, exitCode} = await runCli(['lb', 'show'])
    expect(exitCode).toBe(2)
    expect(stderr).toBe('rsaudit: Missing 1 required arg: file: The configuration file or saved command output to read.\n')
    expect(stderr).not.toMatch(/\bat .*\.js:\d+/)
    expect(stdout).toBe('')
  })

  it.each([
    ['a file that does not exist', ['lb', 'show', '/nonexistent/keepalived.conf'], /^rsaudit: cannot read \/nonexistent\/keepalived\.conf: no such file$/],
    ['a directory', ['lb', 'show', LB_FIXTURES], /: it is a directory$/],
    ['a file in no known format', ['lb', 'show', 'package.json'], /^rsaudit: package\.json: not a keepalived\.conf, an ldirectord\.cf, .* \(name its format with --type\)$/],
    ['a configuration cut short', ['lb', 'show', fixture('keepalived-es-tun-truncated', 'keepalived.conf')], /is never closed \(is the file cut short\?\) on line 21$/],
    ['ipvsadm --stats output', ['lb', 'show', fixture('ipvsadm-ibm-port-zero-persistent-masq', 'ipvsadm-Ln-stats.txt')], /no Forward column: use ipvsadm -Ln on line 1$/],
    ['a wrong --type', ['lb', 'show', fixture('ldirectord-k8s-gate', 'ldirectord.cf'), '--type', 'ipvsadm-save'], /unknown ipvsadm option "checktimeout=5" on line 1$/],
  ])('%s: one line on stderr, exit 2, no stack trace', async (_name, args, pattern) => {
    const {stdout, stderr, exitCode} = await runCli(args)
    expect(exitCode).toBe(2)
    expect(stderr.trim().split('\n')).toHaveLength(1)
    expect(stderr.trim()).toMatch(pattern)
    expect(stderr).not.toMatch(/\bat .*\.js:\d+/)
    expect(stdout).toBe('')
  })
})

describe('schemas/lb-config.schema.json', () => {
  const base: LbShowResult = {schemaVersion: 1, file: 'x', format: 'ipvsadm-save', notes: [], services: [{vip: '10.0.0.1', port: 80, protocol: 'tcp', realServers: [{address: '192.0.2.1', port: 80, method: 'dr', weight: 1, fallback: false}]}]}

  it('accepts a minimal document and rejects unknown fields at every level', () => {
    expect(schemaErrors(base)).toEqual([])
    expect(schemaErrors({...base, extra: 1})).not.toEqual([])
    expect(schemaErrors({...base, services: [{...base.services[0], weightSum: 1}]})).not.toEqual([])
    expect(schemaErrors({...base, services: [{...base.services[0], realServers: [{...base.services[0]?.realServers[0], mode: 'dr'}]}]})).not.toEqual([])
  })

  it('requires exactly one of vip and fwmark, and a known method', () => {
    expect(schemaErrors({...base, services: [{...base.services[0], fwmark: 1}]})).not.toEqual([])
    expect(schemaErrors({...base, services: [{port: 0, realServers: []}]})).not.toEqual([])
    expect(schemaErrors({...base, services: [{...base.services[0], realServers: [{...base.services[0]?.realServers[0], method: 'fullnat'}]}]})).not.toEqual([])
  })
})

describe('lb show on a pasted copy', () => {
  let directory: string
  beforeAll(async () => {
    directory = await mkdtemp(join(tmpdir(), 'rsaudit-lb-'))
  })
  afterAll(async () => {
    await rm(directory, {recursive: true, force: true})
  })

  it('reads a Windows-edited (CRLF) copy of a real ldirectord.cf the same way', async () => {
    const original = await readFile(fixture('ldirectord-centos7-inline-comments', 'ldirectord.cf'), 'utf8')
    const copy = join(directory, 'ldirectord.cf')
    await writeFile(copy, original.replaceAll('\n', '\r\n'))
    const [a, b] = await Promise.all([runCli(['lb', 'show', copy, '--json']), runCli(['lb', 'show', fixture('ldirectord-centos7-inline-comments', 'ldirectord.cf'), '--json'])])
    expect({...(JSON.parse(a.stdout) as LbShowResult), file: ''}).toEqual({...(JSON.parse(b.stdout) as LbShowResult), file: ''})
  })
})
