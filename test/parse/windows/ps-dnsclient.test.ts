import {describe, expect, it} from 'vitest'

import {ParseError} from '../../../src/parse/parse-error.js'
import {looksLikeDnsClientText, parseDnsClientJson, parseDnsClientText} from '../../../src/parse/windows/ps-dnsclient.js'

describe('parseDnsClientJson', () => {
  it('reads the collector shape, as an array or a single object', () => {
    // Select-Object * of MSFT_DNSClient, values made up.
    const entry = {InterfaceAlias: 'LB-Loopback', InterfaceIndex: 23, ConnectionSpecificSuffix: null, ConnectionSpecificSuffixSearchList: [],
      RegisterThisConnectionsAddress: false, UseSuffixWhenRegistering: false}
    expect(parseDnsClientJson(JSON.stringify([entry]))).toEqual([{alias: 'LB-Loopback', index: 23, registerThisConnectionsAddress: false}])
    expect(parseDnsClientJson(JSON.stringify({...entry, RegisterThisConnectionsAddress: true}))).toEqual([{alias: 'LB-Loopback', index: 23, registerThisConnectionsAddress: true}])
    expect(parseDnsClientJson('[]')).toEqual([])
  })

  it.each([
    ['no RegisterThisConnectionsAddress', '[{"InterfaceAlias": "Ethernet", "InterfaceIndex": 12}]'],
    ['a numeric RegisterThisConnectionsAddress out of range', '[{"InterfaceAlias": "Ethernet", "RegisterThisConnectionsAddress": 5}]'],
    ['no alias', '[{"InterfaceIndex": 12, "RegisterThisConnectionsAddress": true}]'],
  ])('throws ParseError on %s', (_name, text) => {
    expect(() => parseDnsClientJson(text)).toThrow(ParseError)
  })
})

describe('parseDnsClientText', () => {
  // The default table wraps its long headers over three lines; layout of Windows PowerShell 5.1, values made up.
  const table = [
    'InterfaceAlias               Interface ConnectionSpecificSuffix     ConnectionSpecificSuffix RegisterThis UseSuffixWhen',
    '                             Index                                  SearchList               ConnectionsA Registering',
    '                                                                                             ddress',
    '--------------               --------- ------------------------     ------------------------ ------------ -------------',
    'Ethernet                            12 corp.example                 {}                               True         False',
    'LB-Loopback                         23                              {}                              False         False',
    '',
  ].join('\r\n')

  it('joins the wrapped headers of the table view', () => {
    expect(parseDnsClientText(table)).toEqual([
      {alias: 'Ethernet', index: 12, registerThisConnectionsAddress: true},
      {alias: 'LB-Loopback', index: 23, registerThisConnectionsAddress: false},
    ])
  })

  it('reads the list view', () => {
    const text = 'InterfaceAlias                     : LB-Loopback\nInterfaceIndex                     : 23\nConnectionSpecificSuffix           :\n' +
      'ConnectionSpecificSuffixSearchList : {}\nRegisterThisConnectionsAddress     : False\nUseSuffixWhenRegistering           : False\n'
    expect(parseDnsClientText(text)).toEqual([{alias: 'LB-Loopback', index: 23, registerThisConnectionsAddress: false}])
  })

  it('recognizes both views', () => {
    expect(looksLikeDnsClientText(table)).toBe(true)
    expect(looksLikeDnsClientText('InterfaceAlias : x\nInterfaceIndex : 1\nConnectionSpecificSuffix :\n')).toBe(true)
    expect(looksLikeDnsClientText('InterfaceAlias   : Ethernet\nNetworkCategory  : Public\n')).toBe(false)
  })
})
