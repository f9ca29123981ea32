import {describe, expect, it} from 'vitest'

import {ParseError} from '../../../src/parse/parse-error.js'
import {
  looksLikeNetConnectionProfileText,
  parseNetConnectionProfileJson,
  parseNetConnectionProfileText,
} from '../../../src/parse/windows/ps-netconnectionprofile.js'

describe('parseNetConnectionProfileJson', () => {
  it('maps NetworkCategory 0, 1, 2 and the names', () => {
    const text = JSON.stringify([
      {Name: 'Network', InterfaceAlias: 'Ethernet', InterfaceIndex: 3, NetworkCategory: 0, IPv4Connectivity: 4, IPv6Connectivity: 1},
      {Name: 'corp', InterfaceAlias: 'Ethernet 2', InterfaceIndex: 5, NetworkCategory: 2},
      {Name: 'home', InterfaceAlias: 'Wi-Fi', InterfaceIndex: 16, NetworkCategory: 1},
      {Name: 'lab', InterfaceAlias: 'Ethernet 3', InterfaceIndex: 7, NetworkCategory: 'DomainAuthenticated'},
    ])
    expect(parseNetConnectionProfileJson(text).map((profile) => profile.category)).toEqual(['Public', 'DomainAuthenticated', 'Private', 'DomainAuthenticated'])
  })

  it('gives unknown when the category is missing; reads a single object and []', () => {
    expect(parseNetConnectionProfileJson('{"InterfaceAlias": "Ethernet", "InterfaceIndex": 3}')).toEqual([{alias: 'Ethernet', index: 3, category: 'unknown'}])
    expect(parseNetConnectionProfileJson('[]')).toEqual([])
  })

  it.each([
    ['an unknown category', '[{"InterfaceAlias": "Ethernet", "NetworkCategory": 3}]'],
    ['no alias', '[{"Name": "Network", "NetworkCategory": 0}]'],
  ])('throws ParseError on %s', (_name, text) => {
    expect(() => parseNetConnectionProfileJson(text)).toThrow(ParseError)
  })
})

describe('parseNetConnectionProfileText', () => {
  it('reads a record whose colon is out of line (Microsoft docs sample)', () => {
    // From the AllJoyn troubleshooting page of the Windows docs (code search index file 38894005937), indentation removed.
    const text = 'Name             : myWirelessNetwork\nInterfaceAlias   : vEthernet (Intel(R) Dual Band Wireless-AC 7260 Virtual Switch)\n' +
      'InterfaceIndex   : 24\nNetworkCategory : Private\nIPv4Connectivity : Internet\nIPv6Connectivity : LocalNetwork\n'
    expect(parseNetConnectionProfileText(text)).toEqual([{alias: 'vEthernet (Intel(R) Dual Band Wireless-AC 7260 Virtual Switch)', index: 24, category: 'Private'}])
  })

  it('recognizes the list view', () => {
    expect(looksLikeNetConnectionProfileText('Name             : Network\nInterfaceAlias   : Ethernet\nInterfaceIndex   : 3\nNetworkCategory  : Public\n')).toBe(true)
    expect(looksLikeNetConnectionProfileText('Name : Domain\nEnabled : True\n')).toBe(false)
  })
})
