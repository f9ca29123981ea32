/**
 * Pasted iptables-save, `iptables -t nat -S` and `nft -j list ruleset` output is recognized (with
 * or without a prompt) and read by the same parsers and merge as a live run
 * (fixtures/paste/redirect-netfilter-ticket.txt, built from the captures).
 */
import {describe, expect, it} from 'vitest'

import {walk} from '../../src/facts/netfilter-walk.js'
import {factsFromPaste} from '../../src/paste/paste-facts.js'
import {readPaste} from '../../src/paste/split.js'
import {linuxFixture, pasteFixture} from './paste-fixtures.js'

const IPT = 'debian12-iptables-1.8.9-nft-backend-redirect'

describe('pasted netfilter rules', () => {
  const ticket = pasteFixture('redirect-netfilter-ticket')

  it('splits the ticket into its four outputs', () => {
    const {sections, ignored} = readPaste(ticket)
    expect(sections.map((s) => [s.kind, s.command, s.startLine])).toEqual([
      ['iptables-save', 'iptables -t nat -S', 4],
      ['iptables-save', 'iptables-save', 19],
      ['iptables-save', 'ip6tables-save', 56],
      ['nft-ruleset-json', 'nft -j list ruleset', 76],
    ])
    expect(sections[1]?.text).toBe(linuxFixture(IPT, 'iptables-save.txt').trimEnd())
    expect(ignored.map((b) => b.preview)).toEqual(['Hi, the VIP 198.51.100.10 stopped answering on rs1 after the', 'And the nftables side from rs2:', 'root@rs2:~#', 'Thanks,'])
  })

  it('gives redirects and notracks facts from every pasted tool', () => {
    const {facts} = factsFromPaste(ticket)
    if (facts.redirects?.status !== 'ok' || facts.notracks?.status !== 'ok') throw new Error('unavailable')
    expect(facts.redirects.value.tools).toEqual(['iptables', 'ip6tables', 'nft'])
    expect(facts.redirects.source).toContain('pasted "iptables -t nat -S" (lines 4-17)')
    const packet = {family: 'inet' as const, daddr: '198.51.100.10', dport: 443, protocol: 'tcp' as const, interfaces: ['eth0'], local: false}
    expect(walk(facts.redirects.value, packet, 'redirect')).toMatchObject({outcome: 'hit', rule: {verdict: {toPorts: [8443, 8443]}}})
    expect(walk(facts.notracks.value, {...packet, dport: 80}, 'notrack').outcome).toBe('hit')
    // The nat chains of -S and of iptables-save are the same chains: each is kept once.
    expect(facts.redirects.value.chains.filter((c) => c.tool === 'iptables' && c.name === 'PREROUTING')).toHaveLength(1)
  })

  it('recognizes the outputs without prompts, by their first line', () => {
    const bare = `${linuxFixture(IPT, 'iptables-save.txt')}\n${linuxFixture('debian12-nftables-1.0.6-native-redirect', 'nft-ruleset-json.txt')}`
    expect(readPaste(bare).sections.map((s) => s.kind)).toEqual(['iptables-save', 'nft-ruleset-json'])
  })

  it('takes the family of header-less -S output from the command, and asks for the rules when none were pasted', () => {
    const {facts} = factsFromPaste('$ sudo ip6tables -t nat -S\n-P PREROUTING ACCEPT\n-A PREROUTING -d 2001:db8::10/128 -p tcp -m tcp --dport 80 -j REDIRECT\n')
    expect(facts.redirects?.status === 'ok' && facts.redirects.value.chains.map((c) => [c.tool, c.family, c.table])).toEqual([['ip6tables', 'inet6', 'nat']])
    const none = factsFromPaste('$ ip route\ndefault via 192.0.2.1 dev eth0\n').facts
    expect(none.redirects).toMatchObject({status: 'unavailable', reason: 'not-collected', detail: expect.stringContaining('iptables-save')})
  })

  it('points a parse error at the pasted line', () => {
    const {facts} = factsFromPaste('# iptables-save\n*nat\n:PREROUTING ACCEPT [0:0]\n-A PREROUTING -d 198.51.100.300 -j REDIRECT\nCOMMIT\n')
    expect(facts.redirects).toMatchObject({status: 'unavailable', reason: 'parse-error', detail: expect.stringContaining('(pasted line 4)')})
  })
})
