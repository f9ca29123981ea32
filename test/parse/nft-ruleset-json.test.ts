import {describe, expect, it} from 'vitest'

import {looksLikeNftRulesetJson, parseNftRulesetJson} from '../../src/parse/nft-ruleset-json.js'
import {ParseError} from '../../src/parse/parse-error.js'
import {describeGolden} from '../helpers/fixtures.js'

describeGolden('nft-ruleset-json', parseNftRulesetJson)

// Synthetic rulesets below follow libnftables-json(5) to pin one behaviour each; the real
// captures (nftables 1.0.6) and the published 0.9.3 sample are the golden fixtures above.
const daddr = (right: unknown) => ({match: {op: '==', left: {payload: {protocol: 'ip', field: 'daddr'}}, right}})
const dport = (right: unknown, op = '==') => ({match: {op, left: {payload: {protocol: 'tcp', field: 'dport'}}, right}})

function ruleset(expr: unknown[], chain: Record<string, unknown> = {type: 'nat', hook: 'prerouting', prio: -100, policy: 'accept'}, extra: unknown[] = []): string {
  return JSON.stringify({
    nftables: [
      {metainfo: {version: '1.0.9', json_schema_version: 1}},
      {table: {family: 'inet', name: 't', handle: 1}},
      ...extra,
      {chain: {family: 'inet', table: 't', name: 'c', handle: 1, ...chain}},
      {chain: {family: 'inet', table: 't', name: 'other', handle: 2}},
      {rule: {family: 'inet', table: 't', chain: 'c', handle: 3, expr}},
    ],
  })
}

function onlyRules(text: string) {
  return parseNftRulesetJson(text).chains.find((c) => c.name === 'c')?.rules ?? []
}

describe('parseNftRulesetJson', () => {
  it('reads an empty ruleset and the nft version', () => {
    expect(parseNftRulesetJson('{"nftables": [{"metainfo": {"version": "1.0.6", "release_name": "Lester Gooch #5", "json_schema_version": 1}}]}\n')).toEqual({version: '1.0.6', chains: []})
  })

  it('takes priority names, with an offset, as nft(8) defines them', () => {
    for (const [prio, value] of [['dstnat', -100], ['raw', -300], ['raw - 5', -305], ['filter + 10', 10]] as const) {
      expect(parseNftRulesetJson(ruleset([], {type: 'filter', hook: 'prerouting', prio})).chains[0]?.base?.priority).toBe(value)
    }
  })

  it('leaves out arp, bridge and netdev tables', () => {
    const text = JSON.stringify({nftables: [{chain: {family: 'bridge', table: 'b', name: 'pre', type: 'filter', hook: 'prerouting', prio: -300}}, {rule: {family: 'bridge', table: 'b', chain: 'pre', expr: [{drop: null}]}}]})
    expect(parseNftRulesetJson(text).chains).toEqual([])
  })

  it('reads addresses from literals, prefixes, ranges, anonymous and named sets, and element wrappers', () => {
    const set = {set: {family: 'inet', table: 't', name: 'vips', type: 'ipv4_addr', handle: 4, elem: [{elem: {val: '198.51.100.10', comment: 'web'}}, {prefix: {addr: '198.51.100.128', len: 25}}]}}
    const rules = onlyRules(ruleset([daddr('@vips'), dport({set: [80, {range: [8000, 8010]}]}), {redirect: {port: {range: [9000, 9010]}}}], undefined, [set]))
    expect(rules).toEqual([
      {
        conditions: [
          {kind: 'daddr', family: 'inet', values: ['198.51.100.10/32', '198.51.100.128/25'], negated: false},
          {kind: 'dport', protocol: 'tcp', ranges: [[80, 80], [8000, 8010]], negated: false},
        ],
        verdict: {kind: 'redirect', toPorts: [9000, 9010]},
        text: 'ip daddr @vips tcp dport { 80, 8000-8010 } redirect to :9000-9010',
      },
    ])
  })

  it('keeps what it cannot read as an `other` condition: a service name, a source address, a mark', () => {
    const rules = onlyRules(ruleset([dport('http'), {match: {op: '==', left: {payload: {protocol: 'ip', field: 'saddr'}}, right: '192.0.2.1'}}, {match: {op: '==', left: {meta: {key: 'mark'}}, right: 1}}, {redirect: null}]))
    expect(rules[0]?.conditions).toEqual([
      {kind: 'other', text: 'tcp dport http'},
      {kind: 'other', text: 'ip saddr 192.0.2.1'},
      {kind: 'other', text: 'meta mark 1'},
    ])
  })

  it('expands a concatenated lookup into one rule per element', () => {
    const rules = onlyRules(ruleset([{match: {op: '==', left: {concat: [{payload: {protocol: 'ip', field: 'daddr'}}, {payload: {protocol: 'tcp', field: 'dport'}}]}, right: {set: [{concat: ['198.51.100.10', 80]}, {concat: ['198.51.100.11', 443]}]}}}, {redirect: null}]))
    expect(rules.map((r) => r.conditions)).toEqual([
      [{kind: 'daddr', family: 'inet', values: ['198.51.100.10/32'], negated: false}, {kind: 'dport', protocol: 'tcp', ranges: [[80, 80]], negated: false}],
      [{kind: 'daddr', family: 'inet', values: ['198.51.100.11/32'], negated: false}, {kind: 'dport', protocol: 'tcp', ranges: [[443, 443]], negated: false}],
    ])
  })

  it('expands a named verdict map and reads the older `{"xt": null}` as an unknown target', () => {
    const map = {map: {family: 'inet', table: 't', name: 'm', type: 'ipv4_addr', map: 'verdict', elem: [['198.51.100.10', {goto: {target: 'other'}}]]}}
    const rules = onlyRules(ruleset([{vmap: {key: {payload: {protocol: 'ip', field: 'daddr'}}, data: '@m'}}], undefined, [map]))
    expect(rules).toEqual([{conditions: [{kind: 'daddr', family: 'inet', values: ['198.51.100.10/32'], negated: false}], verdict: {kind: 'goto', chain: 'other'}, text: 'ip daddr vmap @m'}])
    expect(onlyRules(ruleset([{xt: null}]))[0]?.verdict).toEqual({kind: 'other', name: 'xt unknown'})
  })

  it('reads protocol numbers, interface names and the IP version', () => {
    const rules = onlyRules(ruleset([
      {match: {op: '==', left: {meta: {key: 'l4proto'}}, right: 6}},
      {match: {op: '!=', left: {meta: {key: 'iifname'}}, right: {set: ['eth1', 'docker*']}}},
      {match: {op: '==', left: {meta: {key: 'nfproto'}}, right: 'ipv6'}},
      {notrack: null},
    ]))
    expect(rules[0]?.conditions).toEqual([
      {kind: 'protocol', values: ['tcp'], negated: false},
      {kind: 'iifname', values: ['eth1', 'docker*'], negated: true},
      {kind: 'family', family: 'inet6'},
    ])
    expect(rules[0]?.verdict).toEqual({kind: 'notrack'})
  })

  it('treats rate limits as conditions and counters and logging as nothing', () => {
    const rules = onlyRules(ruleset([{counter: {packets: 0, bytes: 0}}, {log: {prefix: 'x'}}, {limit: {rate: 10, per: 'second'}}, {accept: null}]))
    expect(rules[0]?.conditions).toEqual([{kind: 'other', text: 'limit {"rate":10,"per":"second"}'}])
    expect(rules[0]?.verdict).toEqual({kind: 'accept'})
  })

  it.each([
    ['empty output', '', /empty/],
    ['truncated JSON', '{"nftables": [{"metainfo": {"version": "1.0.6"', /invalid JSON/],
    ['an array', '[]', /expected \{"nftables"/],
    ['prose', 'Error: Could not process rule: Operation not permitted', /invalid JSON/],
    ['a rule of a chain the ruleset does not list', JSON.stringify({nftables: [{rule: {family: 'ip', table: 't', chain: 'x', expr: []}}]}), /names chain "x"/],
    ['a chain without a name', JSON.stringify({nftables: [{chain: {family: 'ip', table: 't'}}]}), /chain without "name"/],
    ['an unknown priority', ruleset([], {type: 'nat', hook: 'prerouting', prio: 'early'}), /unknown priority "early"/],
    ['a rule without expr', JSON.stringify({nftables: [{chain: {family: 'ip', table: 't', name: 'c'}}, {rule: {family: 'ip', table: 't', chain: 'c'}}]}), /no "expr"/],
    ['a statement that is no object', ruleset(['accept']), /is not an object/],
  ])('refuses %s', (_name, text, message) => {
    expect(() => parseNftRulesetJson(text)).toThrow(ParseError)
    expect(() => parseNftRulesetJson(text)).toThrow(message)
  })
})

describe('looksLikeNftRulesetJson', () => {
  it('accepts the nftables object, compact or pretty-printed, and not ip -j output', () => {
    expect(looksLikeNftRulesetJson('{"nftables": [{"metainfo": {}}]}')).toBe(true)
    expect(looksLikeNftRulesetJson('{\n    "nftables": [')).toBe(true)
    expect(looksLikeNftRulesetJson('[{"ifindex":1}]')).toBe(false)
  })
})
