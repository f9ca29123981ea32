import {readFileSync} from 'node:fs'

import {describe, expect, it} from 'vitest'

import {ParseError} from '../../../src/parse/parse-error.js'
import {looksLikeNetshInterfaces, parseNetshInterfaces} from '../../../src/parse/windows/netsh-interfaces.js'

const fixture = (scenario: string, id = 'netsh-ipv4-interfaces'): string =>
  readFileSync(new URL(`../../../fixtures/windows/${scenario}/${id}.txt`, import.meta.url), 'utf8')

const HEADER = ['Idx     Met         MTU          State                Name', '---  ----------  ----------  ------------  ---------------------------']

describe('parseNetshInterfaces', () => {
  it('gives the same rows for CRLF, console padding and a BOM', () => {
    const text = fixture('netsh-win10-wsl-anyconnect')
    const expected = parseNetshInterfaces(text)
    expect(parseNetshInterfaces(text.replace(/\n/g, '\r\n'))).toEqual(expected)
    expect(parseNetshInterfaces(text.replace(/\n/g, '      \r\n'))).toEqual(expected)
    expect(parseNetshInterfaces(`\uFEFF${text}`)).toEqual(expected)
  })

  it('keeps names with spaces, brackets, #, *, Cyrillic and Chinese whole', () => {
    const rows = parseNetshInterfaces(
      [
        ...HEADER,
        ' 14          25        1500  connected     Подключение по локальной сети 2',
        ' 15          25        1500  disconnected  LAN-Verbindung* 3',
        ' 16          35        1400  connected     本地连接 [VPN] #2',
        ' 17        5000        1500  connected     vEthernet (Intel(R) Ethernet #2 - Virtual Switch)',
      ].join('\r\n'),
    )
    expect(rows.map((row) => row.alias)).toEqual([
      'Подключение по локальной сети 2',
      'LAN-Verbindung* 3',
      '本地连接 [VPN] #2',
      'vEthernet (Intel(R) Ethernet #2 - Virtual Switch)',
    ])
    expect(rows[2]).toEqual({index: 16, metric: 35, mtu: 1400, state: 'connected', alias: '本地连接 [VPN] #2'})
  })

  it('reads rows under a header in any language (German, Russian, Japanese)', () => {
    for (const header of ['Idx     Met         MTU          Status               Name', 'Инд     Метрика     MTU          Состояние            Имя', 'Idx     Met         MTU          状態                 名前']) {
      const rows = parseNetshInterfaces([header, HEADER[1], '  1          75  4294967295  connected     Loopback Pseudo-Interface 1'].join('\n'))
      expect(rows).toEqual([{index: 1, metric: 75, mtu: 4294967295, state: 'connected', alias: 'Loopback Pseudo-Interface 1'}])
    }
  })

  it('ends the table at the first line that is not a row (interactive netsh, Ok.)', () => {
    const text = [...HEADER, '  5           5        1500  disconnected  以太网 2', '', 'netsh interface ipv6>set interface 5 dadtransmits=0', '确定。'].join('\n')
    expect(parseNetshInterfaces(text)).toHaveLength(1)
  })

  it('gives an empty list for a header without rows', () => {
    expect(parseNetshInterfaces(HEADER.join('\n'))).toEqual([])
  })

  it('refuses text without the dashed header, and a row missing columns', () => {
    expect(() => parseNetshInterfaces('')).toThrow(ParseError)
    expect(() => parseNetshInterfaces('  1  75  4294967295  connected  Loopback')).toThrow(ParseError)
    expect(() => parseNetshInterfaces([...HEADER, '  5          25'].join('\n'))).toThrow(/on line 3/)
  })

  it('detects the table and nothing else', () => {
    expect(looksLikeNetshInterfaces(fixture('netsh-zh-cn-win11-zerotier'))).toBe(true)
    expect(looksLikeNetshInterfaces(fixture('netsh-zh-cn-server-ipv6-dualstack', 'netsh-ipv6-interfaces'))).toBe(true)
    expect(looksLikeNetshInterfaces(fixture('netsh-zh-cn-lab9-wlan', 'netsh-ipv4-interface-5'))).toBe(false)
    expect(looksLikeNetshInterfaces('Hello, the VIP does not answer.')).toBe(false)
  })
})
