import {readFileSync} from 'node:fs'
import {join} from 'node:path'

import {describe, expect, it} from 'vitest'

import {parseNmKeyfile} from '../../src/parse/nm-keyfile.js'
import {FIXTURES_ROOT} from '../helpers/fixtures.js'

const FILE = '/etc/NetworkManager/system-connections/lo.nmconnection'

describe('parseNmKeyfile', () => {
  it('reads a real type=loopback profile', () => {
    const file = '/etc/NetworkManager/system-connections/fabric-lo.nmconnection'
    const text = readFileSync(join(FIXTURES_ROOT, 'rhel9-nm-loopback', 'etc', 'NetworkManager', 'system-connections', 'fabric-lo.nmconnection'), 'utf8')
    expect(parseNmKeyfile(text, file)).toEqual([
      {mechanism: 'networkmanager', interface: 'lo', address: '10.99.0.1', prefixLength: 32, file, line: 9, effective: true},
    ])
  })

  it('reads addressN with gateways, ipv6 and the legacy list forms', () => {
    const text = [
      '[connection]',
      'id=lo',
      'interface-name=lo',
      '[ipv4]',
      'address1=127.0.0.1/8',
      'address2=198.51.100.10/32,0.0.0.0',
      'addresses1=198.51.100.11;32;0.0.0.0;',
      'addresses=198.51.100.12/32;198.51.100.13/32;',
      'dns=1.1.1.1;',
      '[ipv6]',
      'address1=2001:db8::10/128',
    ].join('\n')
    expect(parseNmKeyfile(text, FILE).map((a) => `${a.address}/${a.prefixLength} @${a.line}`)).toEqual([
      '127.0.0.1/8 @5',
      '198.51.100.10/32 @6',
      '198.51.100.11/32 @7',
      '198.51.100.12/32 @8',
      '198.51.100.13/32 @8',
      '2001:db8::10/128 @11',
    ])
  })

  it('ignores profiles that are not for the loopback', () => {
    expect(parseNmKeyfile('[connection]\nid=eth0\ntype=ethernet\ninterface-name=eth0\n[ipv4]\naddress1=10.0.0.5/24\n', FILE)).toEqual([])
  })

  it('marks autoconnect=false as not effective, and tolerates comments and CRLF', () => {
    const text = '# managed by hand\r\n[connection]\r\ntype=loopback\r\nautoconnect=false\r\n; note\r\n[ipv4]\r\naddress1=198.51.100.10/32\r\n'
    expect(parseNmKeyfile(text, FILE)).toEqual([
      {
        mechanism: 'networkmanager',
        interface: 'lo',
        address: '198.51.100.10',
        prefixLength: 32,
        file: FILE,
        line: 7,
        effective: false,
        note: 'autoconnect=false: NetworkManager does not activate this profile at boot',
      },
    ])
  })
})
