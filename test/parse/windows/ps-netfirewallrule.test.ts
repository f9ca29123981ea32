import {readFileSync} from 'node:fs'

import {describe, expect, it} from 'vitest'

import {ParseError} from '../../../src/parse/parse-error.js'
import {looksLikeNetFirewallRuleText, parseNetFirewallRuleJson, parseNetFirewallRuleText} from '../../../src/parse/windows/ps-netfirewallrule.js'

/**
 * collect.ps1's object for one rule (enums stringified, filters joined), with the values of the
 * WinRM rule in the shared sample windows-get-netfirewallrule-en-1.txt; its port filter values
 * (TCP 5985, Any address) are those its Description states.
 */
function entry(extra: object = {}): object {
  return {
    Name: 'WINRM-HTTP-In-TCP-NoScope', InstanceID: 'WINRM-HTTP-In-TCP-NoScope', DisplayName: 'Windows Remote Management (HTTP-In)',
    Group: '@FirewallAPI.dll,-30267', DisplayGroup: 'Windows Remote Management', Enabled: 'True', Direction: 'Inbound', Action: 'Allow',
    Profile: 'Domain, Private', EdgeTraversalPolicy: 'Block', PrimaryStatus: 'OK', PolicyStoreSourceType: 'Local',
    Protocol: 'TCP', LocalPort: ['5985'], RemotePort: ['Any'], IcmpType: ['Any'], LocalAddress: ['Any'], RemoteAddress: ['Any'], Program: 'System',
    ...extra,
  }
}

const WINRM = {
  name: 'WINRM-HTTP-In-TCP-NoScope', displayName: 'Windows Remote Management (HTTP-In)', enabled: true, direction: 'Inbound', action: 'Allow',
  profiles: ['Domain', 'Private'], protocol: 'TCP', localPorts: ['5985'], localAddresses: ['Any'],
}

type Row = Record<string, unknown>

/**
 * cnquery's real capture of a Windows Server 2016 host (fixtures/windows/json-mondoo-cnquery-ws2016-firewall):
 * its rules with their real port and address filters joined by InstanceID, the way collect.ps1
 * joins them (Protocol, LocalPort, LocalAddress onto each rule).
 */
function capturedRulesWithFilters(): string {
  const dir = new URL('../../../fixtures/windows/json-mondoo-cnquery-ws2016-firewall/', import.meta.url)
  const rules = JSON.parse(readFileSync(new URL('ps-netfirewallrule.txt', dir), 'utf8')) as Row[]
  const filters = JSON.parse(readFileSync(new URL('firewall-rule-filters.json', dir), 'utf8')) as {Port: Row[]; Address: Row[]}
  const byRule = (list: Row[]) => new Map(list.map((filter) => [filter['InstanceID'], filter]))
  const ports = byRule(filters.Port)
  const addresses = byRule(filters.Address)
  return JSON.stringify(rules.map((rule) => ({
    ...rule,
    Protocol: ports.get(rule['InstanceID'])?.['Protocol'],
    LocalPort: ports.get(rule['InstanceID'])?.['LocalPort'],
    LocalAddress: addresses.get(rule['InstanceID'])?.['LocalAddress'],
  })))
}

describe('parseNetFirewallRuleJson', () => {
  it('reads real rules joined to their real filters: a port, RPC, a protocol number', () => {
    const rules = parseNetFirewallRuleJson(capturedRulesWithFilters())
    const rule = (name: string) => rules.find((found) => found.name === name)
    expect(rule('WINRM-HTTP-In-TCP')).toMatchObject({enabled: true, direction: 'Inbound', profiles: ['Domain', 'Private'], protocol: 'TCP', localPorts: ['5985'], localAddresses: ['Any']})
    expect(rule('CoreNet-ICMP6-RS-Out')).toMatchObject({direction: 'Outbound', protocol: 'ICMPv6', localPorts: ['RPC']})
    expect(rule('RRAS-GRE-In')).toMatchObject({enabled: false, protocol: '47', localPorts: ['Any']})
    expect(rules).toHaveLength(8)
  })

  it('reads collect.ps1 stringified enums and joined filters, as an array or one object', () => {
    expect(parseNetFirewallRuleJson(JSON.stringify([entry()]))).toEqual([WINRM])
    expect(parseNetFirewallRuleJson(JSON.stringify(entry(), null, 4))).toEqual([WINRM])
  })

  it('reads numeric enums: Enabled 1/2, Direction 1/2, Action 2/3/4, Profile flags', () => {
    const rule = (extra: object) => parseNetFirewallRuleJson(JSON.stringify([entry(extra)]))[0]
    expect(rule({Enabled: 2, Direction: 2, Action: 4, Profile: 4})).toMatchObject({enabled: false, direction: 'Outbound', action: 'Block', profiles: ['Public']})
    expect(rule({Enabled: 1, Direction: 1, Action: 3, Profile: 0})).toMatchObject({enabled: true, direction: 'Inbound', action: 'Allow', profiles: 'Any'})
    expect(rule({Profile: 3})?.profiles).toEqual(['Domain', 'Private'])
    expect(rule({Profile: 7})?.profiles).toEqual(['Domain', 'Private', 'Public'])
    expect(rule({Profiles: 5, Profile: null})?.profiles).toEqual(['Domain', 'Public'])
  })

  it('reads profile text with or without spaces, and Any', () => {
    const profiles = (value: string) => parseNetFirewallRuleJson(JSON.stringify([entry({Profile: value})]))[0]?.profiles
    expect(profiles('Private,Domain')).toEqual(['Domain', 'Private'])
    expect(profiles('Any')).toBe('Any')
  })

  it('reads a rule without port or address filter as [] and a single port as a list', () => {
    const bare = parseNetFirewallRuleJson(JSON.stringify([entry({Protocol: null, LocalPort: null, LocalAddress: null})]))[0]
    expect(bare).toEqual({...WINRM, protocol: undefined, localPorts: [], localAddresses: []})
    expect(parseNetFirewallRuleJson(JSON.stringify([entry({LocalPort: '80'})]))[0]?.localPorts).toEqual(['80'])
    expect(parseNetFirewallRuleJson('[]')).toEqual([])
  })

  it('falls back to Name when DisplayName is empty', () => {
    expect(parseNetFirewallRuleJson(JSON.stringify([entry({DisplayName: ''})]))[0]?.displayName).toBe('WINRM-HTTP-In-TCP-NoScope')
  })

  it.each([
    ['Profile flags out of range', {Profile: 9}],
    ['an unknown profile name', {Profile: 'Domain, Work'}],
    ['Action NotConfigured', {Action: 'NotConfigured'}],
    ['no Direction', {Direction: null}],
    ['Enabled 0', {Enabled: 0}],
    ['no Profile', {Profile: null}],
  ])('throws ParseError on %s', (_name, extra) => {
    expect(() => parseNetFirewallRuleJson(JSON.stringify([entry(extra)]))).toThrow(ParseError)
  })
})

describe('parseNetFirewallRuleText', () => {
  it('reads a Format-Table selection', () => {
    const text = 'DisplayName                         Enabled Direction Action Profile\n' +
      '-----------                         ------- --------- ------ -------\n' +
      'Windows Remote Management (HTTP-In)    True   Inbound  Allow Public\n'
    expect(parseNetFirewallRuleText(text)).toEqual([
      {displayName: 'Windows Remote Management (HTTP-In)', enabled: true, direction: 'Inbound', action: 'Allow', profiles: ['Public'], localPorts: [], localAddresses: []},
    ])
  })

  it('recognizes the list view from its first lines', () => {
    expect(looksLikeNetFirewallRuleText('Name                  : WINRM-HTTP-In-TCP\nDisplayName           : Windows Remote Management (HTTP-In)\nDescription           : x\nEnabled               : True\nProfile               : Public\nDirection             : Inbound\n')).toBe(true)
    expect(looksLikeNetFirewallRuleText('Rule Name:                            web')).toBe(false)
  })
})
