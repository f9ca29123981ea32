/**
 * Pasted Solaris, FreeBSD and macOS output: which Unix it is, which sections are found, and that
 * the facts are what the bundle's parsers give for the same text. Fixtures are real captures
 * (fixtures/paste/SOURCE.md); the hostmodel and sysctl pastes are written for these tests, in the
 * layout of the real captures in fixtures/solaris and fixtures/darwin.
 */
import {describe, expect, it} from 'vitest'

import {auditFacts} from '../../src/engine/audit.js'
import type {Fact} from '../../src/facts/model.js'
import {parseIfconfigBsd} from '../../src/parse/unix/ifconfig-bsd.js'
import {parseIfconfigSolaris} from '../../src/parse/unix/ifconfig-solaris.js'
import {factsFromPaste} from '../../src/paste/paste-facts.js'
import {pasteFixture} from './paste-fixtures.js'

const RULES = new URL('../../rules/', import.meta.url).pathname

function value<T>(fact: Fact<T> | undefined): T {
  if (fact?.status !== 'ok') throw new Error(`expected an ok fact, got ${fact?.status === 'unavailable' ? fact.detail : 'none'}`)
  return fact.value
}

describe('pasted Solaris output', () => {
  it('is Solaris; ifconfig -a and ipadm show-addr are found, prose is ignored', () => {
    const pasted = factsFromPaste(pasteFixture('unix-solaris-ticket'))
    expect(pasted.platform).toBe('solaris')
    expect(pasted.sections.map((s) => [s.kind, s.command])).toEqual([
      ['ifconfig', 'ifconfig -a'],
      ['ipadm-show-addr', 'ipadm show-addr'],
    ])
    expect(pasted.ignored.map((b) => b.preview)).toEqual(['Hi, the Solaris box behind the LB drops traffic for the VIP. O', 'Thanks, Pat'].map((p) => p.slice(0, 60)))
    const ifconfig = pasted.sections[0]?.text ?? ''
    expect(value(pasted.facts.interfaces)).toEqual(parseIfconfigSolaris(ifconfig))
    expect(pasted.facts.persistedAddresses).toMatchObject({status: 'unavailable', reason: 'not-collected'})
    expect(pasted.facts.hostModel).toMatchObject({status: 'unavailable', detail: expect.stringContaining('ipadm show-prop -p hostmodel')})
  })

  it('audits the /16 address on lo0:4 of the real zones host as a wide VIP', async () => {
    const pasted = factsFromPaste(pasteFixture('unix-solaris-ticket'))
    const report = await auditFacts(pasted.facts, {vips: [{address: '128.1.1.192', family: 'inet'}], ports: [], mode: 'dr', rulesDir: RULES}, 'paste')
    const byId = Object.fromEntries(report.results.map((r) => [r.ruleId, r]))
    expect(byId['vip-on-loopback']?.outcome).toBe('pass')
    expect(byId['vip-host-prefix']).toMatchObject({outcome: 'fail', message: expect.stringContaining('128.1.1.192/16 on lo0:4')})
    expect(byId['vip-persistent']?.outcome).toBe('unknown')
  })

  it('reads a pasted hostmodel table (synthetic, in the real show-prop layout)', () => {
    const text = ['root@sol11:~# ipadm show-prop -p hostmodel', 'PROTO PROPERTY              PERM CURRENT      PERSISTENT   DEFAULT      POSSIBLE', 'ipv4  hostmodel             rw   strong       strong       weak         strong,src-priority,weak', 'ipv6  hostmodel             rw   weak         --           weak         strong,src-priority,weak'].join('\n')
    const pasted = factsFromPaste(text)
    expect(pasted.platform).toBe('solaris')
    expect(value(pasted.facts.hostModel)).toEqual([
      {protocol: 'ipv4', current: 'strong', persistent: 'strong', default: 'weak'},
      {protocol: 'ipv6', current: 'weak', default: 'weak'},
    ])
    expect(pasted.hosts).toEqual(['sol11'])
  })
})

describe('pasted FreeBSD and macOS output', () => {
  it('is FreeBSD when uname says so; ifconfig goes through the BSD parser', () => {
    const pasted = factsFromPaste(pasteFixture('unix-freebsd-ticket'))
    expect(pasted.platform).toBe('freebsd')
    const section = pasted.sections.find((s) => s.kind === 'ifconfig')
    expect(value(pasted.facts.interfaces)).toEqual(parseIfconfigBsd(section?.text ?? ''))
    expect(pasted.facts.privileged).toBe(true)
    expect(pasted.facts.checkInterface).toMatchObject({status: 'unavailable', detail: expect.stringContaining('sysctl net.inet.ip.check_interface')})
  })

  it('is macOS by its prompt, and the lo0 alias is found as a VIP', async () => {
    const pasted = factsFromPaste(pasteFixture('unix-macos-lo0-alias'))
    expect(pasted.platform).toBe('darwin')
    expect(pasted.hosts).toEqual(['new-host'])
    const report = await auditFacts(pasted.facts, {vips: [], ports: [], mode: 'dr', rulesDir: RULES}, 'paste')
    // 127.0.0.2 is inside 127/8, so it is no VIP candidate: nothing to check without --vip.
    expect(report.inputs.vipSource).toBe('none')
  })

  it('takes an ambiguous BSD paste for FreeBSD, and --platform darwin for macOS', () => {
    const text = ['$ ifconfig lo0', 'lo0: flags=8049<UP,LOOPBACK,RUNNING,MULTICAST> mtu 16384', '\tinet 127.0.0.1 netmask 0xff000000', '\tinet 198.51.100.10 netmask 0xffffffff', '', '$ sysctl net.inet.ip.check_interface', 'net.inet.ip.check_interface: 1'].join('\n')
    expect(factsFromPaste(text).platform).toBe('freebsd')
    const mac = factsFromPaste(text, 'darwin')
    expect(mac.platform).toBe('darwin')
    expect(mac.facts.os).toMatchObject({status: 'ok', value: {platform: 'darwin'}})
    expect(value(mac.facts.checkInterface)).toEqual([{key: 'net.inet.ip.check_interface', value: 1}])
  })

  it('leaves Linux net-tools ifconfig alone (two spaces before mtu, dotted masks)', () => {
    const pasted = factsFromPaste(pasteFixture('linux-net-tools-ifconfig'))
    expect(pasted.sections).toEqual([])
    expect(pasted.platform).not.toMatch(/solaris|freebsd|darwin/)
  })
})
