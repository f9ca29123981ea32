import {existsSync, readdirSync, readFileSync} from 'node:fs'

import {describe, expect, it} from 'vitest'

import {ParseError} from '../../../src/parse/parse-error.js'
import {looksLikeIpconfig, parseIpconfig} from '../../../src/parse/windows/ipconfig.js'

const ROOT = new URL('../../../fixtures/windows/', import.meta.url)
const read = (path: string): string => readFileSync(new URL(path, ROOT), 'utf8')
const goldens = readdirSync(ROOT).filter((dir) => dir.startsWith('misc-') && existsSync(new URL(`${dir}/ipconfig-all.expected.json`, ROOT)))

describe('parseIpconfig', () => {
  it.each(goldens)('golden fixture %s (with SOURCE.md)', (dir) => {
    expect(existsSync(new URL(`${dir}/SOURCE.md`, ROOT))).toBe(true)
    expect(parseIpconfig(read(`${dir}/ipconfig-all.txt`))).toEqual(JSON.parse(read(`${dir}/ipconfig-all.expected.json`)))
  })

  // One real adapter section per display language (lines copied from the captures in fixtures/windows).
  it.each([
    ['en', 'Ethernet adapter Ethernet:', 'IPv4 Address. . . . . . . . . . . : 10.0.0.22(Preferred)', 'Subnet Mask . . . . . . . . . . . : 255.255.255.0', 'Default Gateway . . . . . . . . . : 10.0.0.3', 'Ethernet'],
    ['de', 'Drahtlos-LAN-Adapter WiFi:', 'IPv4-Adresse  . . . . . . . . . . : 192.168.2.104(Bevorzugt) ', 'Subnetzmaske  . . . . . . . . . . : 255.255.255.0', 'Standardgateway . . . . . . . . . : 10.0.0.3', 'WiFi'],
    ['fr', 'Carte réseau sans fil Wi-Fi :', 'Adresse IPv4. . . . . . . . . . . . . .: 10.33.76.229(préféré)', 'Masque de sous-réseau. . . . . . . . . : 255.255.255.0', 'Passerelle par défaut. . . . . . . . . : 10.0.0.3', 'Wi-Fi'],
    ['es', 'Adaptador de LAN inalámbrica Wi-Fi:', 'Dirección IPv4. . . . . . . . . . . . . . : 192.168.200.156(Preferido)', 'Máscara de subred . . . . . . . . . . . . : 255.255.255.0', 'Puerta de enlace predeterminada . . . . . : 10.0.0.3', 'Wi-Fi'],
    ['ru', 'Адаптер беспроводной локальной сети Беспроводная сеть:', 'IPv4-адрес. . . . . . . . . . . . : 192.168.1.36(Основной)', 'Маска подсети . . . . . . . . . . : 255.255.255.0', 'Основной шлюз. . . . . . . . . : 10.0.0.3', 'Беспроводная сеть'],
    ['zh-CN', '以太网适配器 以太网 2:', 'IPv4 地址 . . . . . . . . . . . . : 172.22.8.18(首选)', '子网掩码  . . . . . . . . . . . . : 255.255.255.0', '默认网关. . . . . . . . . . . . . : 10.0.0.3', '以太网 2'],
    ['ja', 'イーサネット アダプター イーサネット 2:', 'IPv4 アドレス . . . . . . . . . . . .: 192.168.56.102', 'サブネット マスク . . . . . . . . . .: 255.255.255.0', 'デフォルト ゲートウェイ . . . . . . .: 10.0.0.3', 'イーサネット 2'],
  ])('reads %s labels', (_, header, address, mask, gateway, alias) => {
    const parsed = parseIpconfig([header, '', `   ${address}`, `   ${mask}`, `   ${gateway}`].join('\n'))
    expect(parsed.adapters).toEqual([{alias, status: 'up'}])
    expect(parsed.addresses).toEqual([{alias, family: 'inet', address: expect.stringMatching(/^\d+\.\d+\.\d+\.\d+$/), prefixLength: 24}])
    expect(parsed.gateways).toEqual([{destination: '0.0.0.0/0', family: 'inet', nextHop: '10.0.0.3', alias}])
  })

  it('gives the same result for CRLF and trailing spaces', () => {
    for (const dir of ['misc-win81-de-crwinnetdiag', 'misc-xp-sp3-en-loopback-adapter', 'misc-win7-ja-console-wrap']) {
      const text = read(`${dir}/ipconfig-all.txt`)
      expect(parseIpconfig(text.replace(/\n/g, '  \r\n'))).toEqual(parseIpconfig(text))
    }
  })

  it('reads XP (8-space indent, "IP Address", no status suffix) like Vista and later', () => {
    const xp = parseIpconfig(read('misc-xp-sp3-en-loopback-adapter/ipconfig-all.txt'))
    expect(xp.adapters.find((a) => a.description === 'Microsoft Loopback Adapter')?.alias).toBe('Local Area Connection 2')
    expect(xp.addresses).toContainEqual({alias: 'Local Area Connection 2', family: 'inet', address: '10.10.10.10', prefixLength: 24})
  })

  it('reads continuation lines: a second gateway, DNS servers, a value on the line after its label', () => {
    expect(parseIpconfig(read('misc-win81-de-crwinnetdiag/ipconfig-all.txt')).gateways.map((g) => g.nextHop)).toEqual(['fe80::1', '192.168.2.1'])
    expect(parseIpconfig(read('misc-win10-es-labstizonal/ipconfig-all.txt')).gateways).toHaveLength(1)
  })

  it('pairs each IPv4 address with the mask printed after it (several VIPs on one loopback)', () => {
    const text = [
      'Ethernet adapter loopback:', '',
      '   IPv4 Address. . . . . . . . . . . : 192.0.2.10(Preferred)',
      '   Subnet Mask . . . . . . . . . . . : 255.255.255.255',
      '   IPv4 Address. . . . . . . . . . . : 192.0.2.11(Duplicate)',
      '   Subnet Mask . . . . . . . . . . . : 255.255.255.0',
    ].join('\n')
    expect(parseIpconfig(text).addresses.map((a) => `${a.address}/${a.prefixLength}`)).toEqual(['192.0.2.10/32', '192.0.2.11/24'])
  })

  it('keeps non-ASCII aliases as written and joins a header split by a line break in the name', () => {
    const de = parseIpconfig(read('misc-win81-de-crwinnetdiag/ipconfig-all.txt'))
    expect(de.adapters[0]?.alias).toBe('Lenovo Easyplus Hotspot')
    const ru = parseIpconfig(read('misc-win11-ru-virtualbox-wifi/ipconfig-all.txt'))
    expect(ru.adapters.map((a) => a.alias)).toContain('Подключение по локальной сети* 10')
  })

  it('rejoins a line an 80-column console copy broke (ja, Windows 7)', () => {
    const ja = parseIpconfig(read('misc-win7-ja-console-wrap/ipconfig-all.txt'))
    expect(ja.adapters[0]?.description).toBe('Intel(R) 82579LM Gigabit Network Connection')
  })

  it.each([
    ['no adapter section', 'Windows IP Configuration\n\n   Host Name . . . . . : web01\n'],
    ['an unsupported language (Italian header)', 'Scheda Ethernet Ethernet:\n\n   Indirizzo IPv4. . . . : 10.0.0.1\n'],
    ['an address without a mask', 'Ethernet adapter E:\n\n   IPv4 Address. . . : 10.0.0.1\n'],
    ['a non-contiguous mask', 'Ethernet adapter E:\n\n   IPv4 Address. . . : 10.0.0.1\n   Subnet Mask . . . : 255.0.255.0\n'],
    ['a bad address', 'Ethernet adapter E:\n\n   IPv4 Address. . . : 10.0.0.300\n   Subnet Mask . . . : 255.0.0.0\n'],
    ['an unknown yes/no word', 'Ethernet adapter E:\n\n   DHCP Enabled. . . : Maybe\n'],
    ['prose inside a section', 'Ethernet adapter E:\n\n   IPv4 Address. . . : 10.0.0.1\n   Subnet Mask . . . : 255.0.0.0\nthanks, Bob\n'],
    ['a line that is no label', 'Ethernet adapter E:\n\n   just some words\n'],
  ])('refuses %s', (_, text) => {
    expect(() => parseIpconfig(text)).toThrow(ParseError)
  })

  it('detects ipconfig output', () => {
    expect(looksLikeIpconfig(read('misc-win7-zh-cn-plain/ipconfig-all.txt'))).toBe(true)
    expect(looksLikeIpconfig(read('misc-xp-sp3-en-loopback-adapter/ipconfig-all.txt'))).toBe(true)
    expect(looksLikeIpconfig(read('misc-win81-de-crwinnetdiag/route-print.txt'))).toBe(false)
    expect(looksLikeIpconfig('Hello: see the attached file.')).toBe(false)
  })
})
