/**
 * `audit --from` on pasted text (fixtures/paste, built from real captured outputs with prose
 * and prompt lines): every section is found, the outcomes are those the outputs imply, and
 * text with no command output is bad input.
 */
import {readFile, rm, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import {join} from 'node:path'

import {describe, expect, it} from 'vitest'

import type {Report} from '../../src/engine/types.js'
import {runCli} from '../helpers/run-cli.js'

async function auditPaste(name: string, ...args: string[]): Promise<{report: Report; exitCode: number}> {
  const result = await runCli(['audit', '--json', '--from', `fixtures/paste/${name}`, ...args])
  expect(result.stderr).toBe('')
  return {report: JSON.parse(result.stdout) as Report, exitCode: result.exitCode}
}

function outcome(report: Report, ruleId: string, subject: string): string | undefined {
  return report.results.find((r) => r.ruleId === ruleId && r.subject === subject)?.outcome
}

describe('a ticket mixing prose, prompts and outputs in any order', () => {
  it('finds the ss, sysctl and ip addr sections and lists the prose as ignored', async () => {
    const {report} = await auditPaste('ticket-mixed-prose.txt')
    expect(report.target.source).toBe('paste')
    const found = report.notes.find((note) => note.startsWith('From pasted text')) ?? ''
    expect(found).toMatch(/ss-listen-tcp \(lines \d+-\d+\), sysctl \(lines \d+-\d+\), ip-addr \(lines \d+-\d+\)/)
    expect(report.notes.join('\n')).toContain('Ignored (no parser recognized it): lines 1-1 ("Subject: RE:')
  })
})

describe('one host: ip -j addr, ip route show table all, ss and /proc/net/tcp', () => {
  it('gives the outcomes the pasted outputs imply', async () => {
    const {report, exitCode} = await auditPaste('ip-json-and-route-table-all.txt', '--port', '8080')
    // The paste shows 198.51.100.0/24 on lo: a local route covering the /32 VIPs.
    expect(outcome(report, 'vip-host-prefix', '198.51.100.10')).toBe('fail')
    expect(outcome(report, 'vip-host-prefix', '198.51.100.0')).toBe('fail')
    expect(outcome(report, 'vip-host-prefix', '2001:db8::10')).toBe('pass')
    expect(outcome(report, 'vip-on-loopback', '198.51.100.11')).toBe('pass')
    // ss shows port 8080 bound to 198.51.100.10 only.
    expect(outcome(report, 'service-listens-on-vip', '198.51.100.10:8080')).toBe('pass')
    expect(outcome(report, 'service-listens-on-rip', 'port 8080')).toBe('fail')
    // No sysctl output and no boot files were pasted: unknown, never pass.
    expect(outcome(report, 'arp-ignore', 'host')).toBe('unknown')
    expect(outcome(report, 'sysctl-persistent', 'host')).toBe('unknown')
    expect(exitCode).toBe(1)
  })
})

describe('output from two servers in one paste', () => {
  it('says the paste mixes hosts', async () => {
    const addr = await readFile('fixtures/linux/sample-lvs-dr-rs-ubuntu2204/ip-addr.txt', 'utf8')
    const ss = await readFile('fixtures/linux/sample-fedora-coreos-podman-machine/ss-listen-tcp.txt', 'utf8')
    const path = join(tmpdir(), `rsaudit-two-hosts-${process.pid}.txt`)
    await writeFile(path, `[root@rs1 ~]# ip addr\n${addr}\n[root@rs2 ~]# ss -ltn\n${ss}`)
    try {
      const result = await runCli(['audit', '--json', '--from', path])
      const report = JSON.parse(result.stdout) as Report
      expect(report.notes.join('\n')).toContain('mixes output from several hosts (rs1, rs2)')
    } finally {
      await rm(path, {force: true})
    }
  })
})

describe('text with no command output', () => {
  it('is bad input: one line, exit 2', async () => {
    const result = await runCli(['audit', '--from', 'fixtures/paste/prose-only.txt'])
    expect(result.exitCode).toBe(2)
    expect(result.stderr).toMatch(/no command output recognized/)
  })
})
