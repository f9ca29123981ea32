import {describe, expect, it} from 'vitest'

import {ParseError} from '../../../src/parse/parse-error.js'
import {looksLikeNetIPAddressText, parseNetIPAddressJson, parseNetIPAddressText} from '../../../src/parse/windows/ps-netipaddress.js'

/** collect.ps1 shape: Select-Object * of MSFT_NetIPAddress (enums as numbers, SkipAsSource a boolean). */
function entry(extra: object = {}): object {
  return {
    IPAddress: '198.51.100.10', InterfaceIndex: 23, InterfaceAlias: 'LB-Loopback', AddressFamily: 2, Type: 1, PrefixLength: 32,
    PrefixOrigin: 1, SuffixOrigin: 1, AddressState: 4, SkipAsSource: true, Store: 1, ifIndex: 23,
    ...extra,
  }
}

const VIP = {index: 23, alias: 'LB-Loopback', family: 'inet', address: '198.51.100.10', prefixLength: 32, skipAsSource: true}

describe('parseNetIPAddressJson', () => {
  it('reads numeric and named enums, as an array or a single object', () => {
    expect(parseNetIPAddressJson(JSON.stringify([entry()]))).toEqual([VIP])
    expect(parseNetIPAddressJson(JSON.stringify(entry({AddressFamily: 'IPv4', Store: 'ActiveStore'})))).toEqual([VIP])
  })

  it('drops the %zone of link-local addresses and canonicalizes IPv6', () => {
    const text = JSON.stringify([entry({IPAddress: 'FE80::5EFE:192.0.2.7%6', AddressFamily: 23, PrefixLength: 128, SkipAsSource: false})])
    expect(parseNetIPAddressJson(text)).toEqual([{...VIP, family: 'inet6', address: 'fe80::5efe:c000:207', prefixLength: 128, skipAsSource: false}])
  })

  it('leaves out PersistentStore entries; [] is no address', () => {
    expect(parseNetIPAddressJson(JSON.stringify([entry({Store: 0})]))).toEqual([])
    expect(parseNetIPAddressJson('[]')).toEqual([])
  })

  it.each([
    ['a family that does not match the address', JSON.stringify([entry({AddressFamily: 23})])],
    ['a prefix longer than the family allows', JSON.stringify([entry({PrefixLength: 33})])],
    ['no PrefixLength', JSON.stringify([entry({PrefixLength: null})])],
    ['a host name instead of an address', JSON.stringify([entry({IPAddress: 'vip.example'})])],
    ['a SkipAsSource that is not a boolean', JSON.stringify([entry({SkipAsSource: 'sometimes'})])],
  ])('throws ParseError on %s', (_name, text) => {
    expect(() => parseNetIPAddressJson(text)).toThrow(ParseError)
  })
})

describe('parseNetIPAddressText', () => {
  it('reads the table view, which shows no alias (alias is then empty)', () => {
    // Layout of `Get-NetIPAddress | Format-Table` (PowerShell 5.1), values made up.
    const text =
      'ifIndex IPAddress                                       PrefixLength PrefixOrigin SuffixOrigin AddressState PolicyStore\r\n' +
      '------- ---------                                       ------------ ------------ ------------ ------------ -----------\r\n' +
      '23      198.51.100.10                                             32 Manual       Manual       Preferred    ActiveStore\r\n' +
      '23      198.51.100.10                                             32 Manual       Manual       Preferred    Persiste...\r\n'
    expect(parseNetIPAddressText(text)).toEqual([{index: 23, alias: '', family: 'inet', address: '198.51.100.10', prefixLength: 32}])
  })

  it('reads SkipAsSource True from the list view', () => {
    const text = 'IPAddress         : 198.51.100.10\nInterfaceIndex    : 23\nInterfaceAlias    : LB-Loopback\nAddressFamily     : IPv4\n' +
      'PrefixLength      : 32\nSkipAsSource      : True\nPolicyStore       : ActiveStore\n'
    expect(parseNetIPAddressText(text)).toEqual([VIP])
  })

  it('throws ParseError on a record without an address', () => {
    expect(() => parseNetIPAddressText('InterfaceIndex : 23\nPrefixLength : 32\n')).toThrow(ParseError)
  })
})

describe('looksLikeNetIPAddressText', () => {
  it('recognizes the first line of the list view and the table header', () => {
    expect(looksLikeNetIPAddressText('IPAddress         : 10.1.1.2')).toBe(true)
    expect(looksLikeNetIPAddressText('ifIndex IPAddress   PrefixLength PrefixOrigin SuffixOrigin AddressState PolicyStore')).toBe(true)
    expect(looksLikeNetIPAddressText('IP Address. . . . . . . . . . . : 10.1.1.2')).toBe(false)
  })
})
