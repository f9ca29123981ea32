import {readFileSync} from 'node:fs'

import {describe, expect, it} from 'vitest'

import {ParseError} from '../../../src/parse/parse-error.js'
import {looksLikeNetAdapterText, parseNetAdapterJson, parseNetAdapterText} from '../../../src/parse/windows/ps-netadapter.js'

const KMTEST = new URL('../../../fixtures/windows/ps-sample-win10-netadapter-kmtest-loopback/ps-netadapter-text.txt', import.meta.url)

describe('parseNetAdapterJson', () => {
  // collect.ps1 shape: Select-Object * of MSFT_NetAdapter (Status is the view's text, the rest numbers).
  const loopback = {
    Name: 'LB-Loopback', InterfaceAlias: 'LB-Loopback', ifIndex: 23, InterfaceIndex: 23,
    InterfaceDescription: 'Microsoft KM-TEST Loopback Adapter', Status: 'Up', MacAddress: '02-00-4C-4F-4F-50',
    ComponentID: '*msloop', PnPDeviceID: 'ROOT\\NET\\0000', ifOperStatus: 1, MediaConnectionState: 1, AdminStatus: 1,
  }

  it('reads the ComponentID of a KM-TEST loopback, from an array or a single object', () => {
    const expected = [{index: 23, alias: 'LB-Loopback', description: 'Microsoft KM-TEST Loopback Adapter', hardwareId: '*msloop', status: 'up', mac: '02-00-4C-4F-4F-50'}]
    expect(parseNetAdapterJson(JSON.stringify([loopback]))).toEqual(expected)
    expect(parseNetAdapterJson(JSON.stringify(loopback, null, 4))).toEqual(expected)
  })

  it('derives the status from numeric or named states when there is no Status text', () => {
    const status = (extra: object) => parseNetAdapterJson(JSON.stringify({Name: 'e', ...extra}))[0]?.status
    expect(status({AdminStatus: 2, ifOperStatus: 2})).toBe('down')
    expect(status({ifOperStatus: 2, MediaConnectionState: 2})).toBe('disconnected')
    expect(status({InterfaceOperationalStatus: 'Up', MediaConnectionState: 'Connected'})).toBe('up')
    expect(status({ifOperStatus: 6})).toBe('down')
    expect(status({ifOperStatus: 7})).toBe('disconnected')
    expect(status({})).toBeUndefined()
  })

  it('maps every Status text of the view, and an unknown one to unknown', () => {
    const status = (text: string) => parseNetAdapterJson(JSON.stringify({Name: 'e', Status: text}))[0]?.status
    expect(['Up', 'Disconnected', 'Disabled', 'Not Present', 'Degraded'].map(status)).toEqual(['up', 'disconnected', 'down', 'down', 'unknown'])
  })

  it('reads an empty array as no adapters', () => {
    expect(parseNetAdapterJson('[]')).toEqual([])
  })

  it.each([
    ['an adapter without a name', '[{"ifIndex": 3}]'],
    ['a text ifIndex', '[{"Name": "Ethernet", "ifIndex": "three"}]'],
    ['a numeric state out of range', '[{"Name": "Ethernet", "ifOperStatus": 9}]'],
    ['a Format-Table paste', 'Name InterfaceDescription\n---- --------------------\n'],
  ])('throws ParseError on %s', (_name, text) => {
    expect(() => parseNetAdapterJson(text)).toThrow(ParseError)
  })
})

describe('parseNetAdapterText', () => {
  it('reads the same table with CRLF line ends', () => {
    const text = readFileSync(KMTEST, 'utf8')
    expect(parseNetAdapterText(text.replace(/\n/g, '\r\n'))).toEqual(parseNetAdapterText(text))
  })

  it('keeps a cut name as shown and drops a cut description', () => {
    const [bluetooth] = parseNetAdapterText(readFileSync(KMTEST, 'utf8')).filter((adapter) => adapter.index === 20)
    expect(bluetooth).toEqual({index: 20, alias: 'Bluetooth Network Conn...', status: 'disconnected', mac: 'E4-B3-18-1A-4B-4E'})
  })

  it('reads a hand-edited paste whose cells run past their columns', () => {
    // Lines 3-5 of the shared sample windows-get-netadapter-kmtest-loopback-en-2-edited.txt (HashiCorp Vault on WSL tutorial).
    const text =
      'Name          InterfaceDescription               ifIndex Status  MacAddress             \n' +
      '----------    ---------------------------------  ------ -------- --------------\n' +
      'Ethernet 4    Microsoft KM-TEST Loopback Adapter    57     Up    2-10-8C-3F-1F-*        \n'
    expect(parseNetAdapterText(text)).toEqual([
      {index: 57, alias: 'Ethernet 4', description: 'Microsoft KM-TEST Loopback Adapter', status: 'up', mac: '2-10-8C-3F-1F-*'},
    ])
  })

  it('reads Format-List * output with ComponentID', () => {
    const text = 'Name                 : LB-Loopback\nInterfaceDescription : Microsoft KM-TEST Loopback Adapter\nifIndex              : 23\n' +
      'Status               : Up\nComponentID          : *msloop\nMacAddress           : 02-00-4C-4F-4F-50\n'
    expect(parseNetAdapterText(text)).toEqual([
      {index: 23, alias: 'LB-Loopback', description: 'Microsoft KM-TEST Loopback Adapter', hardwareId: '*msloop', status: 'up', mac: '02-00-4C-4F-4F-50'},
    ])
  })

  it.each([
    ['prose', 'The loopback adapter is missing.'],
    ['a row without a name', 'Name  ifIndex\n----  -------\n        3\n'],
  ])('throws ParseError on %s', (_name, text) => {
    expect(() => parseNetAdapterText(text)).toThrow(ParseError)
  })
})

describe('looksLikeNetAdapterText', () => {
  it('recognizes the table header and the list view, not other cmdlets', () => {
    expect(looksLikeNetAdapterText('Name                      InterfaceDescription                    ifIndex Status       MacAddress             LinkSpeed')).toBe(true)
    expect(looksLikeNetAdapterText('Name                 : Ethernet\nInterfaceDescription : Intel(R) I219\nMacAddress           : 84-7B-EB-38-FE-EB\n')).toBe(true)
    expect(looksLikeNetAdapterText('ifIndex DestinationPrefix NextHop RouteMetric ifMetric PolicyStore')).toBe(false)
    expect(looksLikeNetAdapterText('Name : Domain\nEnabled : True\n')).toBe(false)
  })
})
