/**
 * The human report: a header naming the target, mode, VIPs and ports; one table row per
 * result with failures first; a summary; and a "How to fix" block that prints each command
 * once, keeping its last position so a closing `sysctl --system` stays last. Colour must be
 * absent when switched off (pipes, NO_COLOR) and present when on.
 */
import {describe, expect, it} from 'vitest'

import type {Outcome, Report} from '../../src/engine/types.js'
import {uniqueKeepingLast} from '../../src/report/how-to-fix.js'
import {tableReporter} from '../../src/report/table.js'
import {address, ethernet, hostFacts, loopback} from '../helpers/host-facts.js'
import {halfConfiguredServer, reportFor, unconfiguredTwoNicServer, unprivilegedServer, VIP} from './reports.js'

const ESC = '\u001B['
const WIDTH = 160

function plain(report: Report, width = WIDTH): string {
  return tableReporter(report, {color: false, width})
}

/** The outcome cell of every table row, top to bottom. */
function rowOutcomes(text: string): string[] {
  return text.split('\n').flatMap((line) => /^│ (fail|unknown|pass|not-applicable) /.exec(line)?.[1] ?? [])
}

function howToFixBlock(text: string): string {
  const start = text.indexOf('How to fix')
  return start === -1 ? '' : text.slice(start)
}

const escapeRegExp = (text: string) => text.replaceAll(/[.*+?^${}()|[\]\\]/g, '\\$&')

describe('tableReporter: rows', () => {
  it('has one row per result with its outcome, severity, rule and subject', () => {
    const report = reportFor(unprivilegedServer(), {ports: [80, 443]})
    const text = plain(report)
    expect(rowOutcomes(text)).toHaveLength(report.results.length)
    for (const r of report.results) {
      const cells = [r.outcome, r.severity, r.ruleId, r.subject].map((cell) => `${escapeRegExp(cell)}\\s+`).join('│ ')
      expect(text, `${r.ruleId} ${r.subject}`).toMatch(new RegExp(`^│ ${cells}│`, 'm'))
    }
  })

  it('puts failures first, then unknowns, then passes, then not-applicable', () => {
    const text = plain(reportFor(unprivilegedServer(), {ports: []}))
    const order: Outcome[] = ['fail', 'unknown', 'pass', 'not-applicable']
    const outcomes = rowOutcomes(text)
    expect(new Set(outcomes)).toEqual(new Set(order))
    expect(outcomes).toEqual([...outcomes].sort((a, b) => order.indexOf(a as Outcome) - order.indexOf(b as Outcome)))
  })

  it('orders failures by severity, most severe first', () => {
    const report = reportFor(hostFacts(), {ports: [80]})
    const failing = plain(report)
      .split('\n')
      .flatMap((line) => /^│ fail\s+│ (\w+)/.exec(line)?.[1] ?? [])
    expect(failing.length).toBeGreaterThan(1)
    const rank = ['critical', 'high', 'medium', 'low', 'info']
    expect(failing).toEqual([...failing].sort((a, b) => rank.indexOf(a) - rank.indexOf(b)))
  })

  it('keeps every table line within the terminal width', () => {
    const text = plain(reportFor(unprivilegedServer()), 100)
    const tableLines = text.split('\n').filter((line) => /^[┌│├└]/.test(line))
    expect(tableLines.length).toBeGreaterThan(0)
    for (const line of tableLines) expect(line.length, line).toBeLessThanOrEqual(100)
  })

  // cli-table3's own word wrap cuts a word longer than the column with "…", and the path the
  // user must act on would disappear ("permission denied reading /proc/sys/net/ipv4/conf/all/…").
  it('shows a long path in a message in full on a 100-column terminal', () => {
    const text = plain(reportFor(unprivilegedServer()), 100)
    expect(text).not.toContain('…')
  })

  // The Subject column is at most 28 wide: a long IPv6 VIP:port must wrap, not be cut.
  it('shows a long IPv6 VIP:port subject in full', () => {
    const vip = '2001:db8:1234:5678:9abc:def0:1234:5678'
    const text = plain(reportFor(halfConfiguredServer(), {vips: [vip], ports: [8443]}))
    expect(text).not.toContain('…')
  })

  it('ends with a summary line that counts each outcome', () => {
    const report = reportFor(unprivilegedServer(), {ports: []})
    const {fail, unknown, pass, notApplicable} = report.summary
    expect(plain(report)).toContain(`${fail} failed, ${unknown} unknown, ${pass} passed, ${notApplicable} not applicable\n`)
  })
})

describe('tableReporter: header and notes', () => {
  it('names the host, the mode, the VIPs and the ports', () => {
    const text = plain(reportFor(halfConfiguredServer(), {vips: [VIP, '2001:db8::10'], ports: [80, 443], mode: 'tun'}))
    expect(text).toMatch(/^rsaudit \S+: rs1 \(Debian GNU\/Linux 12 \(kernel 6\.1\.0\)\), from a bundle\n/)
    expect(text).toContain(`mode tun; VIPs ${VIP}, 2001:db8::10; ports 80, 443\n`)
  })

  it('says where VIPs found on loopback came from', () => {
    const text = plain(reportFor(halfConfiguredServer(), {vips: []}))
    expect(text).toContain(`mode dr; VIPs ${VIP} (found on loopback); ports 80\n`)
    expect(text).toContain(`note: No --vip given: checking the addresses found on loopback (${VIP}).`)
  })

  it('explains that the VIP checks were skipped when no VIP is known', () => {
    const text = plain(reportFor(unconfiguredTwoNicServer(), {vips: [], ports: []}))
    expect(text).toContain('mode dr; VIPs none; ports none\n')
    expect(text).toContain('note: No VIP given and none found on a loopback interface, so the VIP checks are skipped.')
    expect(text).toContain('rsaudit audit --vip 198.51.100.10')
  })

  it('has no missing-VIP note when the VIP was given', () => {
    expect(plain(reportFor(halfConfiguredServer()))).not.toContain('No VIP given')
  })

  it('tells an unprivileged run that unreadable facts are unknown', () => {
    expect(plain(reportFor(unprivilegedServer()))).toContain('note: Not running as root')
    expect(plain(reportFor(halfConfiguredServer()))).not.toContain('Not running as root')
  })
})

describe('tableReporter: How to fix', () => {
  it('lists each bash command once, keeping its last position, so sysctl --system comes last', () => {
    const block = howToFixBlock(plain(reportFor(unconfiguredTwoNicServer(), {vips: [], ports: []})))
    const dropIn = '/etc/sysctl.d/90-rsaudit-realserver.conf'
    expect(block).toBe(
      [
        'How to fix',
        '  bash:',
        '    Now (lost at the next reboot):',
        '      sysctl -w net.ipv4.conf.all.arp_announce=2',
        '      sysctl -w net.ipv4.conf.all.arp_ignore=1',
        '    Persistently (applied at every boot):',
        `      printf '%s\\n' 'net.ipv4.conf.all.arp_ignore = 1' >> ${dropIn}`,
        `      printf '%s\\n' 'net.ipv4.conf.all.arp_announce = 2' >> ${dropIn}`,
        '      sysctl --system',
        '',
      ].join('\n'),
    )
  })

  it('prints no command twice, whatever fails', () => {
    const facts = hostFacts({interfaces: [loopback(address(`${VIP}/24`)), ethernet(), ethernet('eth1', address('203.0.113.5/24'), address(`${VIP}/32`))]})
    const commands = howToFixBlock(plain(reportFor(facts)))
      .split('\n')
      .filter((line) => line.startsWith('      '))
    expect(commands.length).toBeGreaterThan(5)
    expect(commands).toEqual([...new Set(commands)])
  })

  it('has no block when nothing failed', () => {
    const report = reportFor(halfConfiguredServer())
    const passing = {...report, results: report.results.filter((r) => r.outcome !== 'fail')}
    expect(plain(passing)).not.toContain('How to fix')
  })
})

describe('tableReporter: colour', () => {
  const report = reportFor(halfConfiguredServer())

  it('prints no ANSI escape when colour is off', () => {
    expect(tableReporter(report, {color: false, width: WIDTH})).not.toContain(ESC)
  })

  it('colours outcomes, the failure count and the How to fix heading when colour is on', () => {
    const text = tableReporter(report, {color: true, width: WIDTH})
    expect(text).toContain(`${ESC}31mfail${ESC}39m`)
    expect(text).toContain(`${ESC}32mpass${ESC}39m`)
    expect(text).toMatch(new RegExp(`${escapeRegExp(ESC)}31m\\d+ failed${escapeRegExp(ESC)}39m`))
    expect(text).toContain(`${ESC}1mHow to fix${ESC}22m`)
  })
})

describe('uniqueKeepingLast', () => {
  it('keeps the last occurrence of each command, in order', () => {
    expect(uniqueKeepingLast(['a', 'sysctl --system', 'b', 'sysctl --system'])).toEqual(['a', 'b', 'sysctl --system'])
    expect(uniqueKeepingLast(['x', 'y', 'x', 'z', 'y'])).toEqual(['x', 'z', 'y'])
  })

  it('leaves a list without repeats unchanged, and an empty list empty', () => {
    expect(uniqueKeepingLast(['a', 'b', 'c'])).toEqual(['a', 'b', 'c'])
    expect(uniqueKeepingLast([])).toEqual([])
  })
})
