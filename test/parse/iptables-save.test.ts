import {describe, expect, it} from 'vitest'

import {looksLikeIptablesSave, parseIptablesSave} from '../../src/parse/iptables-save.js'
import {ParseError} from '../../src/parse/parse-error.js'
import {describeGolden} from '../helpers/fixtures.js'

describeGolden('iptables-save', (text) => parseIptablesSave(text))
describeGolden('iptables-legacy-save', (text) => parseIptablesSave(text))
describeGolden('ip6tables-save', (text) => parseIptablesSave(text, {family: 'inet6'}))
describeGolden('ip6tables-legacy-save', (text) => parseIptablesSave(text, {family: 'inet6'}))

/** The rules of one chain, for short assertions. */
function rulesOf(text: string, chain: string, options = {}) {
  const found = parseIptablesSave(text, options).chains.find((c) => c.name === chain)
  if (found === undefined) throw new Error(`no chain ${chain}`)
  return found.rules
}

// Synthetic inputs below are written in iptables-save's format to pin one behaviour each; the
// real captures are the golden fixtures above.
const nat = (...rules: string[]) => `*nat\n:PREROUTING ACCEPT [0:0]\n:LB - [0:0]\n${rules.join('\n')}\nCOMMIT\n`

describe('parseIptablesSave', () => {
  it('reads nothing from empty output (no rules loaded)', () => {
    expect(parseIptablesSave('')).toEqual({tool: 'iptables', chains: [], incompatibleTables: []})
    expect(parseIptablesSave('', {family: 'inet6'}).tool).toBe('ip6tables')
  })

  it('gives built-in chains their hook, priority and policy, user chains none', () => {
    const chains = parseIptablesSave('*raw\n:PREROUTING DROP [1:2]\n:MINE - [0:0]\nCOMMIT\n').chains
    expect(chains).toEqual([
      {tool: 'iptables', family: 'inet', table: 'raw', name: 'PREROUTING', rules: [], base: {hook: 'prerouting', type: 'filter', priority: -300, policy: 'drop'}},
      {tool: 'iptables', family: 'inet', table: 'raw', name: 'MINE', rules: []},
    ])
  })

  it('reads negations written before the option (iptables 1.4+) and after it (1.3)', () => {
    const [now, old] = rulesOf(nat('-A PREROUTING ! -d 198.51.100.10/32 ! -p udp -m tcp ! --dport 22 -j REDIRECT', '-A PREROUTING -d ! 198.51.100.10 -j ACCEPT'), 'PREROUTING')
    expect(now?.conditions).toEqual([
      {kind: 'daddr', family: 'inet', values: ['198.51.100.10/32'], negated: true},
      {kind: 'protocol', values: ['udp'], negated: true},
      {kind: 'dport', protocol: 'udp', ranges: [[22, 22]], negated: true},
    ])
    expect(old?.conditions).toEqual([{kind: 'daddr', family: 'inet', values: ['198.51.100.10/32'], negated: true}])
  })

  it('turns a contiguous dotted mask into a prefix and keeps a non-contiguous one as text', () => {
    const [contiguous, odd] = rulesOf(nat('-A PREROUTING -d 198.51.100.0/255.255.255.0 -j REDIRECT', '-A PREROUTING -d 198.51.100.0/255.0.255.0 -j REDIRECT'), 'PREROUTING')
    expect(contiguous?.conditions).toEqual([{kind: 'daddr', family: 'inet', values: ['198.51.100.0/24'], negated: false}])
    expect(odd?.conditions).toEqual([{kind: 'other', text: '-d 198.51.100.0/255.0.255.0'}])
  })

  it('reads port lists and open-ended ranges of multiport and tcp', () => {
    const [multi, open] = rulesOf(nat('-A PREROUTING -p tcp -m multiport --dports 80,8000:8010 -j REDIRECT', '-A PREROUTING -p tcp -m tcp --dport 1024: -j REDIRECT'), 'PREROUTING')
    expect(multi?.conditions[1]).toEqual({kind: 'dport', protocol: 'tcp', ranges: [[80, 80], [8000, 8010]], negated: false})
    expect(open?.conditions[1]).toEqual({kind: 'dport', protocol: 'tcp', ranges: [[1024, 65_535]], negated: false})
  })

  it('judges --syn and --tcp-flags on a first packet', () => {
    const rules = rulesOf(
      nat('-A PREROUTING -p tcp -m tcp --syn -j ACCEPT', '-A PREROUTING -p tcp -m tcp ! --syn -j ACCEPT', '-A PREROUTING -p tcp -m tcp --tcp-flags SYN,ACK ACK -j ACCEPT', '-A PREROUTING -p tcp -m tcp --tcp-flags ALL SYN -j ACCEPT'),
      'PREROUTING',
    )
    expect(rules.map((r) => r.conditions[1])).toEqual([
      {kind: 'tcp-flags', firstPacket: true, text: '--syn'},
      {kind: 'tcp-flags', firstPacket: false, text: '! --syn'},
      {kind: 'tcp-flags', firstPacket: false, text: '--tcp-flags SYN,ACK ACK'},
      {kind: 'tcp-flags', firstPacket: true, text: '--tcp-flags ALL SYN'},
    ])
  })

  it('keeps matches it does not judge as text, with their module, and ignores comments', () => {
    const [rule] = rulesOf(nat('-A PREROUTING -s 192.0.2.0/24 -m mark --mark 0x1/0xff -m comment --comment "LB \\"web\\" rule" -m addrtype --dst-type LOCAL -j REDIRECT'), 'PREROUTING')
    expect(rule?.conditions).toEqual([
      {kind: 'other', text: '-s 192.0.2.0/24'},
      {kind: 'other', text: '-m mark --mark 0x1/0xff'},
      {kind: 'local-daddr', negated: false},
    ])
  })

  it('knows which targets end the walk, which do not, and which are user chains', () => {
    const rules = rulesOf(
      nat('-A PREROUTING -j LB', '-A PREROUTING -g LB', '-A PREROUTING -j LOG --log-prefix "x "', '-A PREROUTING -j DNAT --to-destination 192.0.2.20', '-A PREROUTING -j MYSTERY', '-A PREROUTING -j CT --zone 5', '-A PREROUTING -p tcp -j REDIRECT --to-ports 8000-8010', '-A PREROUTING -p tcp'),
      'PREROUTING',
    )
    expect(rules.map((r) => r.verdict)).toEqual([
      {kind: 'jump', chain: 'LB'},
      {kind: 'goto', chain: 'LB'},
      {kind: 'continue'},
      {kind: 'other', name: 'DNAT', terminal: true},
      {kind: 'other', name: 'MYSTERY'},
      {kind: 'continue'},
      {kind: 'redirect', toPorts: [8000, 8010]},
      {kind: 'continue'},
    ])
  })

  it('reads `iptables -t nat -S` output with the table from the command, and `-c` counters', () => {
    const listed = parseIptablesSave('-P PREROUTING ACCEPT\n-N LB\n-A PREROUTING -d 198.51.100.10/32 -j LB\n-A LB -p tcp -j REDIRECT\n', {table: 'nat'})
    expect(listed.chains.map((c) => [c.table, c.name, c.base?.hook, c.rules.length])).toEqual([
      ['nat', 'PREROUTING', 'prerouting', 1],
      ['nat', 'LB', undefined, 1],
    ])
    expect(listed.chains[0]?.rules[0]?.verdict).toEqual({kind: 'jump', chain: 'LB'})
    const counted = rulesOf('*nat\n:PREROUTING ACCEPT [9:540]\n[3:180] -A PREROUTING -p tcp -j REDIRECT\nCOMMIT\n', 'PREROUTING')
    expect(counted[0]?.text).toBe('-A PREROUTING -p tcp -j REDIRECT')
  })

  it('records the tables iptables-nft could not print', () => {
    const text = "# Table `nat' contains incompatible base-chains, use 'nft' tool to list them.\n# Generated by iptables-save v1.8.9 (nf_tables) on Thu Nov 26 05:54:27 2026\n*nat\n:PREROUTING ACCEPT [0:0]\nCOMMIT\n"
    expect(parseIptablesSave(text)).toMatchObject({variant: 'nf_tables', version: '1.8.9', incompatibleTables: ['nat']})
  })

  it.each([
    // The IBM document the centos6 fixture comes from prints its *filter table without COMMIT.
    ['published output cut short (git4rk/ApplicationServeronCloud networkEnvironment.md)', '# Generated by iptables-save v1.4.7 on Wed May 31 19:44:11 2017\n*nat\n:PREROUTING ACCEPT [0:0]\n:POSTROUTING ACCEPT [23:1706]\n:OUTPUT ACCEPT [23:1706]\n-A PREROUTING -p tcp -m tcp --dport 80 -j REDIRECT --to-ports 9080\n-A PREROUTING -p tcp -m tcp --dport 443 -j REDIRECT --to-ports 9443\nCOMMIT\n# Completed on Wed May 31 19:44:11 2017\n# Generated by iptables-save v1.4.7 on Wed May 31 19:44:11 2017\n*filter\n:INPUT DROP [0:0]\n:FORWARD DROP [0:0]\n:OUTPUT DROP [0:0]\n-A INPUT -p tcp -m tcp --dport 9443 -j ACCEPT\n-A INPUT -p tcp -m tcp --dport 443 -j ACCEPT\n-A INPUT -p tcp -m tcp --dport 9080 -j ACCEPT\n-A INPUT -p tcp -m tcp --dport 80 -j ACCEPT\n', /no COMMIT/],
    ['an unterminated quote', nat('-A PREROUTING -m comment --comment "open -j REDIRECT'), /unterminated quote/],
    ['prose', 'iptables: No chain/target/match by that name.\n', /unexpected line/],
    ['a rule after COMMIT', '*nat\n:PREROUTING ACCEPT [0:0]\nCOMMIT\n-A PREROUTING -j REDIRECT\n', /expected \*table/],
    ['a new table before COMMIT', '*nat\n:PREROUTING ACCEPT [0:0]\n*raw\n', /no COMMIT before \*raw/],
    ['a bad address', nat('-A PREROUTING -d 198.51.100.300/32 -j REDIRECT'), /bad destination/],
    ['an IPv6 address in iptables output', nat('-A PREROUTING -d 2001:db8::10/128 -j REDIRECT'), /destination 2001:db8::10\/128 in iptables output/],
    ['bad --to-ports', nat('-A PREROUTING -p tcp -j REDIRECT --to-ports http'), /bad --to-ports/],
    ['a policy that is no verdict', '*nat\n:PREROUTING REJECT [0:0]\nCOMMIT\n', /policy "REJECT"/],
    ['an option without its value', nat('-A PREROUTING -d'), /-d needs a value/],
  ])('refuses %s', (_name, text, message) => {
    expect(() => parseIptablesSave(text)).toThrow(ParseError)
    expect(() => parseIptablesSave(text)).toThrow(message)
  })

  it('names the line of a bad rule', () => {
    expect(() => parseIptablesSave(nat('-A PREROUTING -d 198.51.100.300 -j REDIRECT'))).toThrow(/on line 4$/)
  })
})

describe('looksLikeIptablesSave', () => {
  it('accepts the header or a table line first, nothing else', () => {
    expect(looksLikeIptablesSave('\n# Generated by ip6tables-save v1.8.9 (nf_tables) on Thu Nov 26 05:54:26 2026\n*raw')).toBe(true)
    expect(looksLikeIptablesSave('*nat\n:PREROUTING ACCEPT [0:0]')).toBe(true)
    expect(looksLikeIptablesSave('-A PREROUTING -j REDIRECT')).toBe(false)
    expect(looksLikeIptablesSave('*bold text*')).toBe(false)
  })
})
