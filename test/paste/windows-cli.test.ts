/**
 * `audit --from` on a pasted Windows ticket, through the built CLI (run `npm run build` first):
 * the report is a Windows paste, and the rules whose facts the paste holds give a verdict. The
 * ticket (fixtures/paste/windows-2008-cmd-ticket.txt) has the VIP 10.10.10.10/24 on a
 * Microsoft Loopback Adapter (ipconfig), route print, netsh interface settings of another
 * adapter, and netstat with port 445 open on every address.
 */
import {describe, expect, it} from 'vitest'

import type {Report} from '../../src/engine/types.js'
import {runCli} from '../helpers/run-cli.js'

async function audit(...args: string[]): Promise<Report> {
  const result = await runCli(['audit', '--json', '--from', 'fixtures/paste/windows-2008-cmd-ticket.txt', ...args])
  expect(result.stderr).toBe('')
  return JSON.parse(result.stdout) as Report
}

describe('a pasted Windows ticket through the CLI', () => {
  it('is audited as a Windows paste, the pasted facts giving verdicts', async () => {
    const report = await audit('--vip', '10.10.10.10', '--port', '445')
    expect(report.target).toMatchObject({platform: 'windows', source: 'paste'})
    expect(report.notes[0]).toBe('From pasted text fixtures/paste/windows-2008-cmd-ticket.txt: found ipconfig-all (lines 10-62), route-print (lines 65-91), '
      + 'netsh-ipv4-interfaces (lines 96-100), netsh-ipv4-interface (lines 104-135), netstat-ano (lines 142-267).')
    const outcome = (ruleId: string) => report.results.find((r) => r.ruleId === ruleId)?.outcome
    // ipconfig: the VIP on the Microsoft Loopback Adapter, but with the LAN's /24.
    expect(outcome('vip-on-loopback')).toBe('pass')
    expect(outcome('win-loopback-adapter')).toBe('pass')
    expect(outcome('vip-not-on-arp-interface')).toBe('pass')
    expect(outcome('vip-host-prefix')).toBe('fail')
    // netstat: 0.0.0.0:445 listens on the VIP and the RIP.
    expect(outcome('service-listens-on-vip')).toBe('pass')
    expect(outcome('service-listens-on-rip')).toBe('pass')
  })

  it('leaves unknown what the paste does not hold, naming what to paste', async () => {
    const report = await audit('--vip', '10.10.10.10', '--port', '445')
    const result = (ruleId: string) => report.results.find((r) => r.ruleId === ruleId)
    // netsh showed another adapter's settings, not those of the loopback holding the VIP.
    expect(result('win-weak-host-send-loopback')).toMatchObject({outcome: 'unknown', message: expect.stringContaining('Local Area Connection 2')})
    expect(result('win-loopback-bindings')).toMatchObject({outcome: 'unknown', message: expect.stringContaining('`Get-NetAdapterBinding`')})
    expect(result('win-firewall-http')?.outcome).toBe('unknown')
    // Linux rules do not apply to a Windows host.
    expect(report.results.some((r) => r.ruleId === 'arp-ignore')).toBe(false)
  })
})
