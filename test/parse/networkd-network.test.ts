import {readFileSync} from 'node:fs'
import {join} from 'node:path'

import {describe, expect, it} from 'vitest'

import {parseNetworkdNetwork} from '../../src/parse/networkd-network.js'
import {FIXTURES_ROOT} from '../helpers/fixtures.js'

const read = (...parts: string[]) => readFileSync(join(FIXTURES_ROOT, 'networkd-lo-vip', ...parts), 'utf8')
const FILE = '/etc/systemd/network/10-lo.network'
const short = (text: string) => parseNetworkdNetwork(text, FILE).map((a) => `${a.interface} ${a.address}/${a.prefixLength} @${a.line}`)

describe('parseNetworkdNetwork', () => {
  it('reads a real lo VIP .network file', () => {
    const file = '/etc/systemd/network/lo-vip.network'
    expect(parseNetworkdNetwork(read('etc', 'systemd', 'network', 'lo-vip.network'), file)).toEqual([
      {mechanism: 'systemd-networkd', interface: 'lo', address: '192.168.1.100', prefixLength: 32, file, line: 5, effective: true},
    ])
  })

  it('reports a non-host prefix on lo as written (MPLS lab)', () => {
    expect(short(read('mpls-r1', 'etc', 'systemd', 'network', '10-lo.network'))).toEqual(['lo 1.1.1.1/24 @5'])
  })

  it('reads repeated [Network] Address= and [Address] sections with Label=', () => {
    const text = '[Match]\nName=lo\n[Network]\nAddress=127.0.0.1/8\nAddress=198.51.100.10/32\n[Address]\nAddress=198.51.100.11/32\nLabel=lo:vip\n[Address]\nAddress=198.51.100.12/32\n'
    expect(short(text)).toEqual(['lo 127.0.0.1/8 @4', 'lo 198.51.100.10/32 @5', 'lo:vip 198.51.100.11/32 @7', 'lo 198.51.100.12/32 @10'])
  })

  it('matches Name= globs and lists, and honours "!" and empty resets', () => {
    const net = '[Network]\nAddress=198.51.100.10/32\n'
    expect(short(`[Match]\nName=eth0 l*\n${net}`)).toHaveLength(1)
    expect(short(`[Match]\nName=eth*\n${net}`)).toEqual([])
    expect(short(`[Match]\nName=!eth*\n${net}`)).toHaveLength(1)
    expect(short(`[Match]\nName=!lo eth0\n${net}`)).toEqual([])
    expect(short(`[Match]\nName=lo\nName=\nName=eth0\n${net}`)).toEqual([])
  })

  it('treats an empty [Match] as matching every link, lo included, and Type=loopback as lo', () => {
    const net = '[Network]\nAddress=198.51.100.10/32\n'
    expect(short(`[Match]\n${net}`)).toHaveLength(1)
    expect(short(`[Match]\nType=loopback\n${net}`)).toHaveLength(1)
    expect(short(`[Match]\nMACAddress=00:11:22:33:44:55\n${net}`)).toEqual([])
  })

  it('ignores comments and tolerates CRLF and continuation lines', () => {
    expect(short('# lo\r\n[Match]\r\n; x\r\nName=eth0 \\\r\n  lo\r\n[Network]\r\nAddress=198.51.100.10/32 \r\n')).toEqual(['lo 198.51.100.10/32 @7'])
  })
})
