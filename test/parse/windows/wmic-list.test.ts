import {readFileSync} from 'node:fs'

import {describe, expect, it} from 'vitest'

import {ParseError} from '../../../src/parse/parse-error.js'
import {parseWmicList, parseWmicNicConfig, wmicArray} from '../../../src/parse/windows/wmic-list.js'

const ROOT = new URL('../../../fixtures/windows/wmic-win10-nicconfig-value/', import.meta.url)
const read = (name: string): string => readFileSync(new URL(name, ROOT), 'utf8')

/** WMIC ends its lines in CR CR LF; the captures lost their line endings on the way to the web. */
const crcrlf = (text: string): string => text.replace(/\n/g, '\r\r\n')

describe('parseWmicNicConfig', () => {
  const expected = JSON.parse(read('wmic-nicconfig.expected.json')) as unknown

  it('reads the real capture (fixtures/windows/wmic-win10-nicconfig-value, with SOURCE.md)', () => {
    expect(read('SOURCE.md')).toContain('IBIT-ZEE/AAA-ScriptsX')
    expect(parseWmicNicConfig(read('wmic-nicconfig.txt'))).toEqual(expected)
  })

  it('reads the same capture with CRLF and with WMIC\'s CR CR LF line endings and leading blank lines', () => {
    const text = read('wmic-nicconfig.txt')
    expect(parseWmicNicConfig(text.replace(/\n/g, '\r\n'))).toEqual(expected)
    expect(parseWmicNicConfig(`\r\r\n\r\r\n${crcrlf(text)}\r\r\n`)).toEqual(expected)
  })

  it('reads UTF-16LE output that was decoded byte by byte (a NUL after every ASCII character)', () => {
    const bytes = Buffer.from(crcrlf(read('wmic-nicconfig.txt')), 'utf16le')
    expect(parseWmicNicConfig(bytes.toString('latin1'))).toEqual(expected)
  })

  it('keeps a translated Description as it is (synthetic: a French loopback adapter, property names and TRUE/FALSE as WMIC prints them everywhere)', () => {
    const text = ['', 'Description=Carte de bouclage Microsoft', 'DomainDNSRegistrationEnabled=FALSE', 'FullDNSRegistrationEnabled=FALSE', 'Index=2',
      'IPAddress={"198.51.100.10"}', 'SettingID={2D0A8C4E-1B7F-4E55-9A43-6C1D2E3F4A5B}', ''].join('\r\r\n')
    expect(parseWmicNicConfig(text)).toEqual([{index: 2, description: 'Carte de bouclage Microsoft', settingId: '{2D0A8C4E-1B7F-4E55-9A43-6C1D2E3F4A5B}',
      ipAddresses: ['198.51.100.10'], fullDnsRegistration: false, domainDnsRegistration: false}])
  })

  it('refuses the real capture whose instances have no Index', () => {
    expect(() => parseWmicNicConfig(read('wmic-nicconfig-2.txt'))).toThrow(/no numeric Index/)
  })

  it.each([
    ['a line without =', 'Index=1\r\nDescription Loopback\r\n'],
    ['a property name that is not one', 'Index=1\r\nFull DNS=TRUE\r\n'],
    ['a boolean that is not TRUE or FALSE', 'Index=1\r\nFullDNSRegistrationEnabled=Yes\r\n'],
    ['an address that is not one', 'Index=1\r\nIPAddress={"198.51.100.300"}\r\n'],
    ['an array without braces', 'Index=1\r\nIPAddress="198.51.100.10"\r\n'],
  ])('throws ParseError on %s (synthetic)', (_name, text) => {
    expect(() => parseWmicNicConfig(text)).toThrow(ParseError)
  })

  it('is empty for empty output (WMIC prints "No Instance(s) Available." on stderr)', () => {
    expect(parseWmicNicConfig('\r\r\n')).toEqual([])
  })
})

describe('parseWmicList', () => {
  it('reads every property of the real get-all capture, empty values and empty arrays included', () => {
    const records = parseWmicList(read('wmic-nicconfig-2.txt'))
    expect(records).toHaveLength(2)
    expect(records[0]).toMatchObject({InterfaceIndex: '14', IPAddress: '{"10.0.2.8"}', DefaultIPGateway: ''})
    expect(records[1]).toMatchObject({DHCPServer: '', DNSDomainSuffixSearchOrder: '{}', FullDNSRegistrationEnabled: 'TRUE', SettingID: '{6A7C2FD4-9364-4EA5-9ECC-4FF2912C0487}'})
    expect(Object.keys(records[1] ?? {})).toHaveLength(51)
  })

  it('starts a new instance when a property repeats, for output whose blank lines were lost (synthetic)', () => {
    expect(parseWmicList('Index=1\nIndex=2\n')).toEqual([{Index: '1'}, {Index: '2'}])
  })
})

describe('wmicArray', () => {
  it('splits quoted and bare items', () => {
    expect(wmicArray('{"a b","c"}')).toEqual(['a b', 'c'])
    expect(wmicArray('{256}')).toEqual(['256'])
    expect(wmicArray('{}')).toEqual([])
    expect(wmicArray('')).toEqual([])
  })
})
