import {readFileSync} from 'node:fs'

import {describe, expect, it} from 'vitest'

import {ParseError} from '../../../src/parse/parse-error.js'
import {
  ADDRESS_FAMILY,
  cmdletParsers,
  isTruncated,
  looksLikeText,
  optionalEnum,
  optionalList,
  parseJsonObjects,
  parseTextRecords,
  requiredText,
  STORE,
} from '../../../src/parse/windows/ps-shared.js'

const F = 'Get-Test'

/** Rows as plain objects of the named properties, for compact expectations. */
function values(text: string, ...names: string[]): Array<Record<string, unknown>> {
  return parseTextRecords(text, F).map((row) => Object.fromEntries(names.map((name) => [name, row.value(name)])))
}

describe('parseJsonObjects', () => {
  it('reads an array, a single object (one item piped to ConvertTo-Json) and an empty array', () => {
    expect(parseJsonObjects('[{"a": 1}, {"a": 2}]', F)).toEqual([{a: 1}, {a: 2}])
    expect(parseJsonObjects('{\r\n    "a":  1\r\n}\r\n', F)).toEqual([{a: 1}])
    expect(parseJsonObjects('[]\r\n', F)).toEqual([])
  })

  it('drops a UTF-8 BOM', () => {
    expect(parseJsonObjects('\uFEFF[{"a": 1}]', F)).toEqual([{a: 1}])
  })

  it.each([
    ['empty text', ''],
    ['blank text', ' \r\n'],
    ['truncated JSON', '[{"Name": "Ethernet",'],
    ['a Format-List paste', 'Name : Ethernet'],
    ['a non-object entry', '["Ethernet"]'],
    ['null', 'null'],
  ])('throws ParseError on %s', (_name, text) => {
    expect(() => parseJsonObjects(text, F)).toThrow(ParseError)
  })
})

describe('JSON properties', () => {
  /** InstanceID and RemoteAddress of each address filter, through the shared JSON reader. */
  const addresses = cmdletParsers('Get-NetFirewallAddressFilter', (fields, format) => ({
    id: requiredText(fields, format, 'InstanceID'),
    remote: optionalList(fields, format, 'RemoteAddress'),
  }))

  it('reads an array PowerShell 5.1 wrapped as {"value": [...], "Count": n} (real address filters)', () => {
    const filters = readFileSync(new URL('../../../fixtures/windows/json-mondoo-cnquery-ws2016-firewall/firewall-rule-filters.json', import.meta.url), 'utf8')
    const parsed = addresses.json(JSON.stringify((JSON.parse(filters) as {Address: unknown}).Address))
    expect(parsed.find((filter) => filter.id === 'CoreNet-ICMP6-RS-Out')?.remote).toEqual(['LocalSubnet6', 'ff02::2', 'fe80::/64'])
    expect(parsed.find((filter) => filter.id === 'NETDIS-LLMNR-In-UDP')?.remote).toEqual(['LocalSubnet'])
  })

  it.each([
    ['a third key', '{"value": ["a"], "Count": 1, "Length": 1}'],
    ['a value that is no array', '{"value": "a", "Count": 1}'],
  ])('leaves an object with %s alone: not a list (synthetic)', (_name, value) => {
    expect(() => addresses.json(`[{"InstanceID": "x", "RemoteAddress": ${value}}]`)).toThrow(ParseError)
  })
})

describe('parseTextRecords: Format-Table', () => {
  const table =
    'ifIndex InterfaceAlias   AddressFamily PolicyStore\r\n' +
    '------- --------------   ------------- -----------\r\n' +
    '21      Ethernet 2       IPv6          Persiste...\r\n' +
    '21      Ethernet 2       IPv4          ActiveStore\r\n'

  it('cuts rows at the columns of the dashed underline, with CRLF line ends', () => {
    expect(values(table, 'ifIndex', 'InterfaceAlias', 'AddressFamily', 'PolicyStore')).toEqual([
      {ifIndex: '21', InterfaceAlias: 'Ethernet 2', AddressFamily: 'IPv6', PolicyStore: 'Persiste...'},
      {ifIndex: '21', InterfaceAlias: 'Ethernet 2', AddressFamily: 'IPv4', PolicyStore: 'ActiveStore'},
    ])
  })

  it('gives the 1-based line of each row and undefined for blank cells and unknown columns', () => {
    const rows = parseTextRecords('\nName  Value\n----  -----\nx\n', F)
    expect(rows[0]?.line).toBe(4)
    expect(rows[0]?.value('Value')).toBeUndefined()
    expect(rows[0]?.value('Nope')).toBeUndefined()
  })

  it('joins a header label wrapped over several lines (Get-DnsClient)', () => {
    const text =
      'InterfaceAlias Interface RegisterThis\n' +
      '               Index     ConnectionsA\n' +
      '                         ddress\n' +
      '-------------- --------- ------------\n' +
      'Ethernet              12         True\n'
    expect(values(text, 'InterfaceAlias', 'InterfaceIndex', 'RegisterThisConnectionsAddress')).toEqual([
      {InterfaceAlias: 'Ethernet', InterfaceIndex: '12', RegisterThisConnectionsAddress: 'True'},
    ])
  })

  it('appends Format-Table -Wrap continuation lines (blank first cell) to the cell above', () => {
    const text = 'Name     DisplayName          Enabled\n----     -----------          -------\nEthernet Internet Protocol     True\n         Version 4 (TCP/IPv4)\n'
    expect(values(text, 'Name', 'DisplayName', 'Enabled')).toEqual([
      {Name: 'Ethernet', DisplayName: 'Internet Protocol Version 4 (TCP/IPv4)', Enabled: 'True'},
    ])
  })

  it('counts East Asian wide characters as two columns, as the console does', () => {
    const text = 'Name   Enabled\n----   -------\n以太网 True\n'
    expect(values(text, 'Name', 'Enabled')).toEqual([{Name: '以太网', Enabled: 'True'}])
  })

  it('gives a right-aligned value that reaches left of its column to that column', () => {
    // Get-NetAdapter's last column is as wide as its label; `862.4 Mbps` starts one cell left of it.
    const text = 'MacAddress             LinkSpeed\n----------             ---------\n00-05-9A-3C-7A-00     862.4 Mbps\n'
    expect(values(text, 'MacAddress', 'LinkSpeed')).toEqual([{MacAddress: '00-05-9A-3C-7A-00', LinkSpeed: '862.4 Mbps'}])
  })

  it('keeps a hand-edited cell that runs past its column with the column it started in', () => {
    const text = 'Name  Desc     ifIndex\n----  ----    -------\nEth4  Loopbacks    57\n'
    expect(values(text, 'Name', 'Desc', 'ifIndex')).toEqual([{Name: 'Eth4', Desc: 'Loopbacks', ifIndex: '57'}])
  })

  it('strips ANSI colors and tolerates a common indentation', () => {
    const text = '  \u001b[32;1mName\u001b[0m     \u001b[32;1mEnabled\u001b[0m\n  ----     -------\n  Ethernet True\n'
    expect(values(text, 'Name', 'Enabled')).toEqual([{Name: 'Ethernet', Enabled: 'True'}])
  })

  it.each([
    ['a prompt right above the header', 'PS C:\\> Get-NetAdapterBinding | Where-Object {$_.Enabled}\nName     Enabled\n----     -------\nEthernet True\n'],
    ['an underline without a header', '--------\nEthernet\n'],
    ['only blank lines', '\r\n\r\n'],
  ])('throws ParseError on %s', (_name, text) => {
    expect(() => parseTextRecords(text, F)).toThrow(ParseError)
  })
})

describe('parseTextRecords: Format-List', () => {
  it('reads blocks separated by blank lines; empty values and trailing spaces are blank', () => {
    const text = '\r\n\r\nName       : Domain\r\nEnabled    : False\r\nOwner      : \r\n\r\nName       : Public\r\nEnabled    : True   \r\n'
    expect(values(text, 'Name', 'Enabled', 'Owner')).toEqual([
      {Name: 'Domain', Enabled: 'False', Owner: undefined},
      {Name: 'Public', Enabled: 'True', Owner: undefined},
    ])
  })

  it('joins a wrapped value (continuation lines indented to the value column)', () => {
    const text = 'Name        : rule\nDescription : Inbound rule for Windows Remote Management via\n              WS-Management. [TCP 5985]\nEnabled     : True\n'
    expect(values(text, 'Description', 'Enabled')).toEqual([
      {Description: 'Inbound rule for Windows Remote Management via WS-Management. [TCP 5985]', Enabled: 'True'},
    ])
  })

  it('keeps colons in values and units in keys', () => {
    const text = 'ValidLifetime   : 23:52:27\nNlMtu(Bytes)    : 1500\nNetworkCategory : Private\n'
    expect(values(text, 'ValidLifetime', 'NlMtu(Bytes)', 'NetworkCategory')).toEqual([
      {'ValidLifetime': '23:52:27', 'NlMtu(Bytes)': '1500', 'NetworkCategory': 'Private'},
    ])
  })

  it('throws ParseError on a line that is neither a property nor a continuation', () => {
    expect(() => parseTextRecords('Name : x\nthis is prose\n', F)).toThrow(ParseError)
    expect(() => parseTextRecords('prose first\n', F)).toThrow(ParseError)
  })
})

describe('values', () => {
  const one = (value: unknown) => ({where: 'entry 1', value: () => value})

  it('decodes enums from numbers, names in any case and numeric text', () => {
    expect(optionalEnum(one(23), F, ADDRESS_FAMILY, 'AddressFamily')).toBe('IPv6')
    expect(optionalEnum(one('ipv4'), F, ADDRESS_FAMILY, 'AddressFamily')).toBe('IPv4')
    expect(optionalEnum(one('2'), F, ADDRESS_FAMILY, 'AddressFamily')).toBe('IPv4')
  })

  it('recovers a cut enum name only when its prefix is unique', () => {
    expect(optionalEnum(one('Persiste...'), F, STORE, 'Store')).toBe('PersistentStore')
    expect(optionalEnum(one('Activ\u2026'), F, STORE, 'Store')).toBe('ActiveStore')
    expect(optionalEnum(one('IPv...'), F, ADDRESS_FAMILY, 'AddressFamily')).toBeUndefined()
  })

  it('throws ParseError on an unknown enum value', () => {
    expect(() => optionalEnum(one(5), F, ADDRESS_FAMILY, 'AddressFamily')).toThrow(ParseError)
    expect(() => optionalEnum(one('IPX'), F, ADDRESS_FAMILY, 'AddressFamily')).toThrow(ParseError)
  })

  it('reads lists from JSON arrays, single values and {a, b} text', () => {
    expect(optionalList(one(['80', 443]), F, 'LocalPort')).toEqual(['80', '443'])
    expect(optionalList(one('Any'), F, 'LocalPort')).toEqual(['Any'])
    expect(optionalList(one('{80, 8000-8080}'), F, 'LocalPort')).toEqual(['80', '8000-8080'])
    expect(optionalList(one('{}'), F, 'LocalPort')).toEqual([])
  })

  it('tells cut values by their ellipsis', () => {
    expect(isTruncated('VMware Network Adapte...8')).toBe(true)
    expect(isTruncated('Persist\u2026')).toBe(true)
    expect(isTruncated('Ethernet 2')).toBe(false)
  })
})

describe('looksLikeText', () => {
  it('recognizes a table header line and a list record, not prose', () => {
    expect(looksLikeText('ifIndex DestinationPrefix NextHop', ['ifIndex', 'DestinationPrefix'], ['DestinationPrefix'])).toBe(true)
    expect(looksLikeText('\nDestinationPrefix : 0.0.0.0/0\nNextHop : 192.0.2.1\n', ['ifIndex'], ['DestinationPrefix', 'NextHop'])).toBe(true)
    expect(looksLikeText('The route to 0.0.0.0/0 is wrong', ['ifIndex', 'DestinationPrefix'], ['DestinationPrefix'])).toBe(false)
    expect(looksLikeText('', ['ifIndex'], ['x'])).toBe(false)
  })
})
