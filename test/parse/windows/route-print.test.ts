import {existsSync, readdirSync, readFileSync} from 'node:fs'

import {describe, expect, it} from 'vitest'

import {ParseError} from '../../../src/parse/parse-error.js'
import {looksLikeRoutePrint, parseRoutePrint} from '../../../src/parse/windows/route-print.js'

const ROOT = new URL('../../../fixtures/windows/', import.meta.url)
const read = (path: string): string => readFileSync(new URL(path, ROOT), 'utf8')
const goldens = readdirSync(ROOT).filter((dir) => dir.startsWith('misc-') && existsSync(new URL(`${dir}/route-print.expected.json`, ROOT)))

const RULE = '='.repeat(75)

describe('parseRoutePrint', () => {
  it.each(goldens)('golden fixture %s (with SOURCE.md)', (dir) => {
    expect(existsSync(new URL(`${dir}/SOURCE.md`, ROOT))).toBe(true)
    expect(parseRoutePrint(read(`${dir}/route-print.txt`))).toEqual(JSON.parse(read(`${dir}/route-print.expected.json`)))
  })

  it('gives the same result for CRLF and trailing spaces', () => {
    const text = read('misc-win81-de-crwinnetdiag/route-print.txt')
    expect(parseRoutePrint(text.replace(/\n/g, ' \r\n'))).toEqual(parseRoutePrint(text))
  })

  it.each([
    ['On-link', 'en'],
    ['Auf Verbindung', 'de'],
    ['在链路上', 'zh-CN'],
    ['リンク上', 'ja'],
  ])('reads "%s" (%s) as an on-link route without a next hop', (onLink) => {
    const text = [RULE, 'Active Routes:', 'Network Destination        Netmask          Gateway       Interface  Metric',
      `      192.0.2.10  255.255.255.255 ${onLink}        192.0.2.10    281`, RULE].join('\n')
    expect(parseRoutePrint(text).routes).toEqual([{destination: '192.0.2.10/32', family: 'inet', metric: 281, interfaceAddress: '192.0.2.10'}])
  })

  it('reads an IPv6 row whose gateway went to the next line (long destination)', () => {
    const text = ['IPv6 Route Table', RULE, 'Active Routes:', ' If Metric Network Destination      Gateway',
      ' 12    291 2001:db8:1234:5678:abcd:ef01:2345:6789/128', '                                    On-link',
      '  4    266 ::/0                     fe80::1%4', RULE, 'Persistent Routes:',
      ' If Metric Network Destination      Gateway', '  0 4294967295 ::/0                     fe80::9', RULE].join('\n')
    expect(parseRoutePrint(text).routes).toEqual([
      {destination: '2001:db8:1234:5678:abcd:ef01:2345:6789/128', family: 'inet6', index: 12, metric: 291},
      {destination: '::/0', family: 'inet6', index: 4, metric: 266, nextHop: 'fe80::1'},
    ])
  })

  it('skips persistent routes, whose metric may be a word', () => {
    const text = `${read('misc-azure-ws2012-two-nics/route-print.txt')}Persistent Routes:\n  Network Address          Netmask  Gateway Address  Metric\n          0.0.0.0          0.0.0.0      192.168.1.1  Default\n${RULE}\n`
    expect(parseRoutePrint(text).routes).toHaveLength(17)
  })

  it('rejoins an XP adapter name wrapped at the 80th column', () => {
    const xp = parseRoutePrint(read('misc-xp-forum-asix-usb-ethernet/route-print.txt'))
    expect(xp.interfaces[1]).toEqual({index: 0x10003, mac: '00-50-B6-07-29-69', description: 'ASIX AX88772 USB2.0 to Fast Ethernet Adapter - Packet Scheduler Miniport'})
  })

  it.each([
    ['prose', 'The route table is attached.'],
    ['a broken row', `${RULE}\nActive Routes:\nNetwork Destination Netmask Gateway Interface Metric\n 0.0.0.0 0.0.0.0 10.0.0.1\n${RULE}`],
    ['a non-contiguous netmask', `${RULE}\nActive Routes:\nheader\n 10.0.0.0 255.0.255.0 On-link 10.0.0.5 1\n${RULE}`],
    ['a gateway that is a broken address', `${RULE}\nActive Routes:\nheader\n 10.0.0.0 255.0.0.0 10.0.0.300 10.0.0.5 1\n${RULE}`],
    ['an IPv6 row cut after its destination', `${RULE}\nActive Routes:\nheader\n 12    291 2001:db8::/64`],
  ])('refuses %s', (_, text) => {
    expect(() => parseRoutePrint(text)).toThrow(ParseError)
  })

  it('detects route print output', () => {
    expect(looksLikeRoutePrint(read('misc-win7-zh-cn-loopback-adapters/route-print.txt'))).toBe(true)
    expect(looksLikeRoutePrint(read('misc-azure-ws2012-two-nics/route-print.txt'))).toBe(true)
    expect(looksLikeRoutePrint(read('misc-win81-de-crwinnetdiag/ipconfig-all.txt'))).toBe(false)
    expect(looksLikeRoutePrint(`${RULE}\nnothing here\n${RULE}`)).toBe(false)
  })
})
