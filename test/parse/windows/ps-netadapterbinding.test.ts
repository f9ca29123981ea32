import {describe, expect, it} from 'vitest'

import {ParseError} from '../../../src/parse/parse-error.js'
import {looksLikeNetAdapterBindingText, parseNetAdapterBindingJson, parseNetAdapterBindingText} from '../../../src/parse/windows/ps-netadapterbinding.js'

/** collect.ps1 shape: Select-Object * of MSFT_NetAdapterBindingSettingData (Enabled is a CIM boolean). */
function entry(extra: object = {}): object {
  return {Name: 'LB-Loopback', InterfaceAlias: 'LB-Loopback', ifAlias: 'LB-Loopback', DisplayName: 'File and Printer Sharing for Microsoft Networks', ComponentID: 'ms_server', Enabled: false, ...extra}
}

describe('parseNetAdapterBindingJson', () => {
  it('reads JSON booleans, and True/False text', () => {
    expect(parseNetAdapterBindingJson(JSON.stringify([entry(), entry({ComponentID: 'ms_tcpip', DisplayName: 'Internet Protocol Version 4 (TCP/IPv4)', Enabled: 'True'})]))).toEqual([
      {alias: 'LB-Loopback', componentId: 'ms_server', displayName: 'File and Printer Sharing for Microsoft Networks', enabled: false},
      {alias: 'LB-Loopback', componentId: 'ms_tcpip', displayName: 'Internet Protocol Version 4 (TCP/IPv4)', enabled: true},
    ])
  })

  it('reads a single object and an empty array', () => {
    expect(parseNetAdapterBindingJson(JSON.stringify(entry()))).toHaveLength(1)
    expect(parseNetAdapterBindingJson('[]')).toEqual([])
  })

  it.each([
    ['no ComponentID', JSON.stringify([entry({ComponentID: null})])],
    ['no Enabled', JSON.stringify([entry({Enabled: null})])],
    ['an Enabled that is not a boolean', JSON.stringify([entry({Enabled: 'Maybe'})])],
    ['no adapter name', JSON.stringify([entry({Name: null, InterfaceAlias: null, ifAlias: null})])],
  ])('throws ParseError on %s', (_name, text) => {
    expect(() => parseNetAdapterBindingJson(text)).toThrow(ParseError)
  })
})

describe('parseNetAdapterBindingText', () => {
  it('reads the list view', () => {
    const text = 'Name        : LB-Loopback\r\nDisplayName : Client for Microsoft Networks\r\nComponentID : ms_msclient\r\nEnabled     : False\r\n'
    expect(parseNetAdapterBindingText(text)).toEqual([{alias: 'LB-Loopback', componentId: 'ms_msclient', displayName: 'Client for Microsoft Networks', enabled: false}])
  })

  it('drops a cut DisplayName but keeps the binding', () => {
    const text = 'Name   DisplayName   ComponentID Enabled\n----   -----------   ----------- -------\nEth    Microsoft L...  ms_lldp     True\n'
    expect(parseNetAdapterBindingText(text)).toEqual([{alias: 'Eth', componentId: 'ms_lldp', enabled: true}])
  })
})

describe('looksLikeNetAdapterBindingText', () => {
  it('recognizes the table header', () => {
    expect(looksLikeNetAdapterBindingText('Name                           DisplayName                                        ComponentID          Enabled')).toBe(true)
    expect(looksLikeNetAdapterBindingText('Name DisplayName Enabled Direction Action')).toBe(false)
  })
})
