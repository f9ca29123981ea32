import {describe, expect, it} from 'vitest'

import {commaList, isDashes, netshLines, splitColon, splitEquals, splitWide} from '../../../src/parse/windows/netsh-shared.js'

describe('netsh line helpers', () => {
  it('splits at the first colon, ASCII, spaced (French) or full-width (CJK)', () => {
    expect(splitColon('Rule Name:                            Web: HTTP (80)')).toEqual({label: 'Rule Name', value: 'Web: HTTP (80)'})
    expect(splitColon('Nom de la règle :                     AnyDesk')).toEqual({label: 'Nom de la règle', value: 'AnyDesk'})
    expect(splitColon('规则名称：            远程桌面')).toEqual({label: '规则名称', value: '远程桌面'})
    expect(splitColon('   Metric . . . . . . : 5')).toEqual({label: 'Metric', value: '5'})
    expect(splitColon('Grouping:')).toEqual({label: 'Grouping', value: ''})
    expect(splitColon('no separator here')).toBeUndefined()
    expect(splitColon(': value without label')).toBeUndefined()
  })

  it('splits colon-less advfirewall lines at two or more spaces', () => {
    expect(splitWide('Firewall Policy                       BlockInbound,AllowOutbound')).toEqual({label: 'Firewall Policy', value: 'BlockInbound,AllowOutbound'})
    expect(splitWide('LocalFirewallRules                    N/A (GPO-store only)')).toEqual({label: 'LocalFirewallRules', value: 'N/A (GPO-store only)'})
    expect(splitWide('状态                                  启用')).toEqual({label: '状态', value: '启用'})
    expect(splitWide('Logging:')).toBeUndefined()
  })

  it('splits XP/2003 `label = value` lines', () => {
    expect(splitEquals('Multicast/broadcast response mode = Enable')).toEqual({label: 'Multicast/broadcast response mode', value: 'Enable'})
    expect(splitEquals('Profile')).toBeUndefined()
  })

  it('recognizes dash rules, column rules included, and nothing else', () => {
    expect(isDashes('----------------------------------------------')).toBe(true)
    expect(isDashes('---  ----------  ----------  ------------  ---------------------------')).toBe(true)
    expect(isDashes('  --  ')).toBe(false)
    expect(isDashes('--- x ---')).toBe(false)
  })

  it('drops CRLF, a BOM and console padding', () => {
    expect(netshLines('\uFEFFa   \r\nb\t\r\n')).toEqual(['a', 'b'])
  })

  it('splits comma lists in ASCII and CJK punctuation', () => {
    expect(commaList('Domain,Private,Public')).toEqual(['Domain', 'Private', 'Public'])
    expect(commaList('域，专用、公用')).toEqual(['域', '专用', '公用'])
    expect(commaList('')).toEqual([])
  })
})
