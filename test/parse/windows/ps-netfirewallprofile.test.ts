import {describe, expect, it} from 'vitest'

import {ParseError} from '../../../src/parse/parse-error.js'
import {
  looksLikeNetFirewallProfileText,
  parseNetFirewallProfileJson,
  parseNetFirewallProfileText,
} from '../../../src/parse/windows/ps-netfirewallprofile.js'

describe('parseNetFirewallProfileJson', () => {
  it('reads GpoBoolean and Action numbers (Windows PowerShell 5.1)', () => {
    const text = JSON.stringify([
      {Name: 'Domain', Enabled: 1, DefaultInboundAction: 4, DefaultOutboundAction: 2, LogFileName: '%systemroot%\\system32\\LogFiles\\Firewall\\pfirewall.log'},
      {Name: 'Private', Enabled: 0, DefaultInboundAction: 2},
      {Name: 'Public', Enabled: 1, DefaultInboundAction: 0},
    ])
    expect(parseNetFirewallProfileJson(text)).toEqual([
      {name: 'Domain', enabled: true, defaultInboundAction: 'Block'},
      {name: 'Private', enabled: false, defaultInboundAction: 'Allow'},
      {name: 'Public', enabled: true, defaultInboundAction: 'NotConfigured'},
    ])
  })

  it('reads names, and Enabled NotConfigured as enabled (Windows default)', () => {
    expect(parseNetFirewallProfileJson('{"Name": "Public", "Enabled": "NotConfigured", "DefaultInboundAction": "Block"}')).toEqual([
      {name: 'Public', enabled: true, defaultInboundAction: 'Block'},
    ])
    expect(parseNetFirewallProfileJson('{"Name": "Public", "Enabled": 2}')).toEqual([{name: 'Public', enabled: true}])
    expect(parseNetFirewallProfileJson('[]')).toEqual([])
  })

  it.each([
    ['an unknown profile name', '[{"Name": "Work", "Enabled": 1}]'],
    ['no Enabled', '[{"Name": "Domain", "DefaultInboundAction": 4}]'],
    ['Enabled out of range', '[{"Name": "Domain", "Enabled": 3}]'],
    ['an inbound action that is a rule action', '[{"Name": "Domain", "Enabled": 1, "DefaultInboundAction": 3}]'],
  ])('throws ParseError on %s', (_name, text) => {
    expect(() => parseNetFirewallProfileJson(text)).toThrow(ParseError)
  })
})

describe('parseNetFirewallProfileText', () => {
  it('reads a Format-Table selection', () => {
    const text = 'Name    Enabled DefaultInboundAction\r\n----    ------- --------------------\r\nDomain     True                Block\r\nPrivate   False        NotConfigured\r\n'
    expect(parseNetFirewallProfileText(text)).toEqual([
      {name: 'Domain', enabled: true, defaultInboundAction: 'Block'},
      {name: 'Private', enabled: false, defaultInboundAction: 'NotConfigured'},
    ])
  })

  it('recognizes the list view', () => {
    expect(looksLikeNetFirewallProfileText('\n\nName                            : Domain\nEnabled                         : False\nDefaultInboundAction            : NotConfigured\n')).toBe(true)
    expect(looksLikeNetFirewallProfileText('Domain Profile Settings:')).toBe(false)
  })
})
