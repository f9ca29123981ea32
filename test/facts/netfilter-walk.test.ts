/**
 * The packet walk over the captured rule sets (fixtures/linux/debian12-*-redirect, -legacy-rules):
 * whether the first packet to VIP:port meets a REDIRECT (nat prerouting) or a NOTRACK (before
 * conntrack), with jumps, RETURN, ACCEPT, verdict maps, interfaces and uncertain conditions.
 */
import {describe, expect, it} from 'vitest'

import type {NetfilterPath} from '../../src/facts/netfilter-model.js'
import {type Packet, walk} from '../../src/facts/netfilter-walk.js'
import {iptablesSave, netfilterFacts, scenario} from '../helpers/netfilter-facts.js'

function paths(name: string): {redirects: NetfilterPath; notracks: NetfilterPath} {
  const {redirects, notracks} = netfilterFacts(scenario(name))
  if (redirects.status !== 'ok' || notracks.status !== 'ok') throw new Error('facts unavailable')
  return {redirects: redirects.value, notracks: notracks.value}
}

const tcp = (daddr: string, dport: number, extra: Partial<Packet> = {}): Packet => ({family: daddr.includes(':') ? 'inet6' : 'inet', daddr, dport, protocol: 'tcp', interfaces: ['eth0'], local: false, ...extra})

describe('walk: iptables with the nf_tables backend (captured)', () => {
  const {redirects, notracks} = paths('debian12-iptables-1.8.9-nft-backend-redirect')

  it.each([
    ['198.51.100.10', 80, '-A PREROUTING -d 198.51.100.10/32 -p tcp -m tcp --dport 80 -j REDIRECT'],
    ['198.51.100.10', 443, '-A PREROUTING -d 198.51.100.10/32 -p tcp -m tcp --dport 443 -j REDIRECT --to-ports 8443'],
    ['198.51.100.11', 8005, '-A PREROUTING -d 198.51.100.11/32 -p tcp -m multiport --dports 8000:8010,9000 -j REDIRECT'],
    ['198.51.100.13', 80, '-A LB_VIPS -p tcp -j REDIRECT'],
    ['2001:db8::10', 80, '-A PREROUTING -d 2001:db8::10/128 -p tcp -m tcp --dport 80 -j REDIRECT'],
  ])('redirects %s:%i by the iptables-save rule, not its lossy nft copy', (daddr, port, text) => {
    const result = walk(redirects, tcp(daddr, port), 'redirect')
    expect(result).toMatchObject({outcome: 'hit', rule: {text}, chain: {tool: daddr.includes(':') ? 'ip6tables' : 'iptables'}})
  })

  it('follows the RETURN in LB_VIPS: port 22 of the /24 is not redirected', () => {
    expect(walk(redirects, tcp('198.51.100.13', 22), 'redirect').outcome).toBe('miss')
  })

  it('misses a UDP-only rule, and a VIP no rule names', () => {
    expect(walk(redirects, tcp('203.0.113.9', 53), 'redirect').outcome).toBe('miss')
    expect(walk(redirects, tcp('192.0.2.99', 80), 'redirect')).toEqual({outcome: 'miss'})
  })

  it('judges the -i eth0 rule by the interface the packet can arrive on', () => {
    expect(walk(redirects, tcp('203.0.113.99', 25, {interfaces: ['eth0']}), 'redirect').outcome).toBe('hit')
    expect(walk(redirects, tcp('203.0.113.99', 25, {interfaces: ['eth1']}), 'redirect').outcome).toBe('miss')
    expect(walk(redirects, tcp('203.0.113.99', 25, {interfaces: ['eth0', 'eth1']}), 'redirect')).toMatchObject({outcome: 'maybe', doubt: {condition: 'input interface eth0'}})
  })

  it('finds the NOTRACK, the CT --notrack on SYN packets, and no NOTRACK where there is none', () => {
    expect(walk(notracks, tcp('198.51.100.10', 80), 'notrack')).toMatchObject({outcome: 'hit', rule: {text: '-A PREROUTING -d 198.51.100.10/32 -p tcp -m tcp --dport 80 -j NOTRACK'}})
    expect(walk(notracks, tcp('198.51.100.20', 443), 'notrack')).toMatchObject({outcome: 'hit', rule: {verdict: {kind: 'notrack'}}})
    expect(walk(notracks, tcp('198.51.100.10', 443), 'notrack').outcome).toBe('miss')
    expect(walk(notracks, tcp('2001:db8::10', 443), 'notrack').outcome).toBe('hit')
  })
})

describe('walk: native nftables (captured)', () => {
  const {redirects, notracks} = paths('debian12-nftables-1.0.6-native-redirect')

  it('reads named sets, ranges and port remaps', () => {
    expect(walk(redirects, tcp('198.51.100.11', 443), 'redirect')).toMatchObject({outcome: 'hit', rule: {text: 'ip daddr @vips tcp dport { 80, 443 } redirect'}})
    expect(walk(redirects, tcp('198.51.100.35', 80), 'redirect').outcome).toBe('hit')
    expect(walk(redirects, tcp('198.51.100.12', 8005), 'redirect')).toMatchObject({outcome: 'hit', rule: {verdict: {kind: 'redirect', toPorts: [8080, 8080]}}})
    expect(walk(redirects, tcp('2001:db8::10', 80), 'redirect').outcome).toBe('hit')
  })

  it('follows the verdict map into vip60, and its RETURN back out', () => {
    expect(walk(redirects, tcp('198.51.100.60', 80), 'redirect')).toMatchObject({outcome: 'hit', chain: {name: 'vip60'}})
    expect(walk(redirects, tcp('198.51.100.60', 22), 'redirect').outcome).toBe('miss')
  })

  it('reads the concatenated lookup, and stops at the local-destination accept only for a local VIP', () => {
    expect(walk(redirects, tcp('198.51.100.70', 80), 'redirect').outcome).toBe('hit')
    expect(walk(redirects, tcp('203.0.113.5', 8081, {local: true}), 'redirect').outcome).toBe('miss')
    expect(walk(redirects, tcp('203.0.113.5', 80, {local: true}), 'redirect').outcome).toBe('hit')
  })

  it('says maybe, naming `ct state untracked`, where an accept it cannot judge stands before a notrack', () => {
    expect(walk(notracks, tcp('198.51.100.20', 80), 'notrack')).toMatchObject({outcome: 'maybe', doubt: {condition: 'ct state untracked'}})
  })

  it('applies `iifname != eth0`', () => {
    expect(walk(redirects, tcp('198.51.100.50', 80, {interfaces: ['eth0']}), 'redirect').outcome).toBe('miss')
    expect(walk(redirects, tcp('198.51.100.50', 80, {interfaces: ['ens3']}), 'redirect').outcome).toBe('hit')
    expect(walk(redirects, tcp('198.51.100.50', 80, {interfaces: undefined}), 'redirect').outcome).toBe('maybe')
  })

  it('counts only NOTRACK before conntrack: the priority-filter chain is too late', () => {
    expect(walk(notracks, tcp('198.51.100.10', 80), 'notrack').outcome).toBe('hit')
    expect(walk(notracks, tcp('198.51.100.11', 443), 'notrack').outcome).toBe('miss')
    expect(walk(notracks, tcp('203.0.113.20', 53, {protocol: 'udp'}), 'notrack').outcome).toBe('hit')
    expect(notracks.chains.map((c) => c.name)).toEqual(['raw'])
  })
})

describe('walk: legacy rules beside the nf_tables iptables (captured)', () => {
  const {redirects, notracks} = paths('debian12-iptables-1.8.9-legacy-rules')

  it('sees the rules only iptables-legacy-save shows', () => {
    expect(walk(redirects, tcp('198.51.100.10', 80), 'redirect')).toMatchObject({outcome: 'hit', chain: {name: 'LB_VIPS'}})
    expect(walk(redirects, tcp('198.51.100.10', 443), 'redirect').outcome).toBe('miss')
    expect(walk(redirects, tcp('198.51.100.10', 8085), 'redirect')).toMatchObject({outcome: 'hit', rule: {verdict: {toPorts: [80, 80]}}})
    expect(walk(notracks, tcp('198.51.100.10', 80), 'notrack').outcome).toBe('hit')
  })
})

// Synthetic rule sets in iptables-save's format, one behaviour each.
describe('walk: order and uncertainty', () => {
  const redirectsOf = (...rules: string[]) => {
    const fact = netfilterFacts({iptables: iptablesSave('nat', ...rules)}).redirects
    if (fact.status !== 'ok') throw new Error('unavailable')
    return fact.value
  }

  it('an ACCEPT or DNAT before the REDIRECT takes the packet, and is named', () => {
    expect(walk(redirectsOf('-A PREROUTING -d 198.51.100.10/32 -j ACCEPT', '-A PREROUTING -d 198.51.100.10/32 -p tcp -j REDIRECT'), tcp('198.51.100.10', 80), 'redirect')).toMatchObject({outcome: 'miss', rule: {verdict: {kind: 'accept'}}})
    expect(walk(redirectsOf('-A PREROUTING -p tcp -j DNAT --to-destination 192.0.2.20', '-A PREROUTING -p tcp -j REDIRECT'), tcp('198.51.100.10', 80), 'redirect')).toMatchObject({outcome: 'miss', rule: {verdict: {kind: 'other', name: 'DNAT'}}})
  })

  it('a condition it cannot judge makes the answer maybe, with that condition', () => {
    const result = walk(redirectsOf('-A PREROUTING -s 192.0.2.0/24 -j RETURN', '-A PREROUTING -d 198.51.100.10/32 -p tcp -j REDIRECT'), tcp('198.51.100.10', 80), 'redirect')
    expect(result).toMatchObject({outcome: 'maybe', doubt: {condition: '-s 192.0.2.0/24', rule: {text: '-A PREROUTING -s 192.0.2.0/24 -j RETURN'}}})
  })

  it('an uncertain rule that changes nothing leaves the answer certain', () => {
    expect(walk(redirectsOf('-A PREROUTING -s 192.0.2.0/24 -j LOG', '-A PREROUTING -d 198.51.100.10/32 -p tcp -j REDIRECT'), tcp('198.51.100.10', 80), 'redirect').outcome).toBe('hit')
  })

  it('a target it does not know is maybe; a jump to a missing chain too', () => {
    expect(walk(redirectsOf('-A PREROUTING -p tcp -j MYSTERY', '-A PREROUTING -p tcp -j REDIRECT'), tcp('198.51.100.10', 80), 'redirect')).toMatchObject({outcome: 'maybe', doubt: {condition: 'target MYSTERY'}})
  })

  it('a goto that returns ends the calling chain too', () => {
    const path = redirectsOf('-A PREROUTING -d 198.51.100.0/24 -g LB', '-A PREROUTING -p tcp -j REDIRECT').chains
    expect(path.length).toBe(1) // LB is not declared in this text: the goto's target is unknown
    const declared = netfilterFacts({iptables: iptablesSave('nat', '-A PREROUTING -d 198.51.100.0/24 -g LB', '-A PREROUTING -p tcp -j REDIRECT').replace(':POSTROUTING ACCEPT [0:0]\n', ':POSTROUTING ACCEPT [0:0]\n:LB - [0:0]\n')}).redirects
    if (declared.status !== 'ok') throw new Error('unavailable')
    expect(walk(declared.value, tcp('198.51.100.10', 80), 'redirect').outcome).toBe('miss')
    expect(walk(declared.value, tcp('203.0.113.10', 80), 'redirect').outcome).toBe('hit')
  })

  it('a jump loop ends as maybe instead of running forever', () => {
    const text = iptablesSave('nat', '-A PREROUTING -j A', '-A A -j B', '-A B -j A').replace(':POSTROUTING ACCEPT [0:0]\n', ':POSTROUTING ACCEPT [0:0]\n:A - [0:0]\n:B - [0:0]\n')
    const fact = netfilterFacts({iptables: text}).redirects
    if (fact.status !== 'ok') throw new Error('unavailable')
    expect(walk(fact.value, tcp('198.51.100.10', 80), 'redirect').outcome).toBe('maybe')
  })
})
