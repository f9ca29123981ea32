import {describe, expect, it} from 'vitest'

import {ParseError} from '../../../src/parse/parse-error.js'
import {looksLikeNetIPInterfaceText, parseNetIPInterfaceJson, parseNetIPInterfaceText} from '../../../src/parse/windows/ps-netipinterface.js'

/** collect.ps1 shape (Select-Object * of MSFT_NetIPInterface, Windows PowerShell 5.1: enums as numbers). */
function entry(extra: object = {}): object {
  return {
    ifIndex: 23, InterfaceIndex: 23, InterfaceAlias: 'LB-Loopback', ifAlias: 'LB-Loopback', AddressFamily: 2,
    WeakHostSend: 1, WeakHostReceive: 1, InterfaceMetric: 25, AutomaticMetric: 1, ConnectionState: 1, Store: 1, NlMtu: 1500,
    ...extra,
  }
}

const LOOPBACK = {index: 23, alias: 'LB-Loopback', family: 'inet', weakHostSend: true, weakHostReceive: true, interfaceMetric: 25, automaticMetric: true, connected: true}

describe('parseNetIPInterfaceJson', () => {
  it('reads numeric enums (Windows PowerShell 3 to 5.1)', () => {
    expect(parseNetIPInterfaceJson(JSON.stringify([entry()]))).toEqual([LOOPBACK])
    expect(parseNetIPInterfaceJson(JSON.stringify([entry({AddressFamily: 23, WeakHostSend: 0, WeakHostReceive: 0, AutomaticMetric: 0, ConnectionState: 0})]))).toEqual([
      {...LOOPBACK, family: 'inet6', weakHostSend: false, weakHostReceive: false, automaticMetric: false, connected: false},
    ])
  })

  it('reads enum names (stringified, or PowerShell 7 -EnumsAsStrings)', () => {
    const named = entry({AddressFamily: 'IPv4', WeakHostSend: 'Enabled', WeakHostReceive: 'Enabled', AutomaticMetric: 'Enabled', ConnectionState: 'Connected', Store: 'ActiveStore'})
    expect(parseNetIPInterfaceJson(JSON.stringify(named))).toEqual([LOOPBACK])
  })

  it('leaves out PersistentStore entries, by number or name', () => {
    const text = JSON.stringify([entry({Store: 0}), entry({Store: 'PersistentStore'}), entry()])
    expect(parseNetIPInterfaceJson(text)).toEqual([LOOPBACK])
  })

  it('reads a single object (ConvertTo-Json of one item) and an empty array', () => {
    expect(parseNetIPInterfaceJson(JSON.stringify(entry(), null, 4).replace(/\n/g, '\r\n'))).toEqual([LOOPBACK])
    expect(parseNetIPInterfaceJson('[]')).toEqual([])
  })

  it.each([
    ['no AddressFamily', JSON.stringify([entry({AddressFamily: null})])],
    ['an unknown AddressFamily', JSON.stringify([entry({AddressFamily: 5})])],
    ['an unknown WeakHostSend', JSON.stringify([entry({WeakHostSend: 'Maybe'})])],
    ['no alias', JSON.stringify([entry({InterfaceAlias: null, ifAlias: null})])],
    ['a negative metric', JSON.stringify([entry({InterfaceMetric: -1})])],
  ])('throws ParseError on %s', (_name, text) => {
    expect(() => parseNetIPInterfaceJson(text)).toThrow(ParseError)
  })
})

describe('parseNetIPInterfaceText', () => {
  it('reads weak host settings from the list view', () => {
    // The layout of `Get-NetIPInterface -InterfaceAlias LB-Loopback -AddressFamily IPv4 | Format-List` (PowerShell 5.1), values made up.
    const text = [
      '', '',
      'InterfaceIndex                       : 23',
      'InterfaceAlias                       : LB-Loopback',
      'CompartmentId                        : 1',
      'AddressFamily                        : IPv4',
      'Forwarding                           : Disabled',
      'NlMtu(Bytes)                         : 1500',
      'AutomaticMetric                      : Enabled',
      'InterfaceMetric                      : 25',
      'WeakHostSend                         : Enabled',
      'WeakHostReceive                      : Enabled',
      'Dhcp                                 : Disabled',
      'ConnectionState                      : Connected',
      'PolicyStore                          : ActiveStore',
      '', '',
    ].join('\r\n')
    expect(parseNetIPInterfaceText(text)).toEqual([LOOPBACK])
  })

  it('recovers a PolicyStore cut by PowerShell 7 (…) and skips the persistent row', () => {
    const text =
      'ifIndex InterfaceAlias AddressFamily InterfaceMetric ConnectionState PolicyStore\n' +
      '------- -------------- ------------- --------------- --------------- -----------\n' +
      '23      LB-Loopback    IPv4                                          Persisten…\n' +
      '23      LB-Loopback    IPv4                       25 Connected       ActiveStore\n'
    expect(parseNetIPInterfaceText(text)).toEqual([{index: 23, alias: 'LB-Loopback', family: 'inet', interfaceMetric: 25, connected: true}])
  })

  it('throws ParseError on a table without AddressFamily', () => {
    expect(() => parseNetIPInterfaceText('ifIndex InterfaceAlias\n------- --------------\n23      LB-Loopback\n')).toThrow(ParseError)
  })
})

describe('looksLikeNetIPInterfaceText', () => {
  it('recognizes the table header and the list view', () => {
    expect(looksLikeNetIPInterfaceText('ifIndex InterfaceAlias                  AddressFamily NlMtu(Bytes) InterfaceMetric Dhcp     ConnectionState PolicyStore')).toBe(true)
    expect(looksLikeNetIPInterfaceText('InterfaceIndex : 23\nInterfaceAlias : x\nAddressFamily : IPv4\nWeakHostSend : Enabled\n')).toBe(true)
    expect(looksLikeNetIPInterfaceText('IPAddress : 192.0.2.1\n')).toBe(false)
  })
})
