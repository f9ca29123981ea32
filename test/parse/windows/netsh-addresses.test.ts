import {readFileSync} from 'node:fs'

import {describe, expect, it} from 'vitest'

import {ParseError} from '../../../src/parse/parse-error.js'
import {looksLikeNetshIpConfig, parseNetshAddresses, parseNetshIpConfig} from '../../../src/parse/windows/netsh-addresses.js'

const fixture = (scenario: string, id: string): string =>
  readFileSync(new URL(`../../../fixtures/windows/${scenario}/${id}.txt`, import.meta.url), 'utf8')
const GO = fixture('netsh-golang-net-windows-test', 'netsh-ipv4-addresses')

describe('parseNetshIpConfig', () => {
  it('reads the 2003/XP layout: a SubnetMask line, the loopback metric 254, the gateway', () => {
    // XP/2003 put the mask on its own `SubnetMask:` line (as a Python lab helper's comment quotes it);
    // the values are a DR loopback's, with documentation addresses.
    const text = [
      'Configuration for interface "Local Area Connection 2"',
      '    DHCP enabled:                         No',
      '    IP Address:                           192.0.2.80',
      '    SubnetMask:                           255.255.255.0',
      '    InterfaceMetric:                      254',
      '',
      'Configuration for interface "Local Area Connection"',
      '    DHCP enabled:                         No',
      '    IP Address:                           192.0.2.11',
      '    SubnetMask:                           255.255.255.0',
      '    Default Gateway:                      192.0.2.1',
      '    GatewayMetric:                        0',
      '    InterfaceMetric:                      0',
      '    Statically Configured DNS Servers:    192.0.2.53',
      '                                          192.0.2.54',
      '    Statically Configured WINS Servers:   None',
    ].join('\r\n')
    expect(parseNetshIpConfig(text)).toEqual([
      {alias: 'Local Area Connection 2', dhcp: false, gateways: [], interfaceMetric: 254, addresses: [{alias: 'Local Area Connection 2', family: 'inet', address: '192.0.2.80', prefixLength: 24}]},
      {alias: 'Local Area Connection', dhcp: false, gateways: ['192.0.2.1'], interfaceMetric: 0, addresses: [{alias: 'Local Area Connection', family: 'inet', address: '192.0.2.11', prefixLength: 24}]},
    ])
  })

  it('reads German labels by the shape of the values', () => {
    // Labels as a German wifi tool's test quotes `netsh interface ipv4 show config` (unverified capture).
    const text = [
      'Konfiguration für Schnittstelle "WLAN"',
      '    DHCP aktiviert:                       Ja',
      '    IP-Adresse:                           192.168.8.101',
      '    Subnetzpräfix:                        192.168.8.0/24 (Maske 255.255.255.0)',
      '    Standardgateway:                      192.168.8.1',
      '    Gatewaymetrik:                        0',
      '    Schnittstellenmetrik:                 35',
    ].join('\n')
    expect(parseNetshIpConfig(text)).toEqual([
      {alias: 'WLAN', dhcp: true, gateways: ['192.168.8.1'], interfaceMetric: 35, addresses: [{alias: 'WLAN', family: 'inet', address: '192.168.8.101', prefixLength: 24}]},
    ])
  })

  it('reads Chinese labels, with the full-width colon too', () => {
    const text = ['接口配置 "以太网"', ' DHCP 已启用: 否', ' IP 地址: 172.21.172.151', ' 子网前缀: 172.21.168.0/21 (掩码 255.255.248.0)', ' 默认网关: 172.21.168.1', ' 网关跃点: 0', ' 接口跃点数: 25'].join('\n')
    const expected = [{alias: '以太网', dhcp: false, gateways: ['172.21.168.1'], interfaceMetric: 25, addresses: [{alias: '以太网', family: 'inet', address: '172.21.172.151', prefixLength: 21}]}]
    expect(parseNetshIpConfig(text)).toEqual(expected)
    expect(parseNetshIpConfig(text.replace(/: /g, '： '))).toEqual(expected)
  })

  it('keeps quoted aliases with spaces, brackets, # and Cyrillic', () => {
    const alias = (name: string): string | undefined => parseNetshIpConfig(`Configuration for interface "${name}"\n    DHCP enabled:   No\n`)[0]?.alias
    expect(alias('vEthernet (Intel #2)')).toBe('vEthernet (Intel #2)')
    expect(parseNetshIpConfig('Конфигурация интерфейса «Подключение по локальной сети»\n    DHCP включен:   Нет\n')[0]?.alias).toBe('Подключение по локальной сети')
  })

  it('gives the same result for CRLF and console padding, and flattens addresses', () => {
    const expected = parseNetshIpConfig(GO)
    expect(parseNetshIpConfig(GO.replace(/\n/g, '        \r\n'))).toEqual(expected)
    expect(parseNetshAddresses(GO)).toEqual(expected.flatMap((config) => config.addresses))
    expect(expected[0]).toMatchObject({dhcp: true, gateways: ['10.0.0.254'], interfaceMetric: 10})
  })

  it('refuses text without a block header, and a prefix with no address above it', () => {
    expect(() => parseNetshIpConfig('')).toThrow(ParseError)
    expect(() => parseNetshIpConfig('    IP Address:      10.0.0.2\n')).toThrow(ParseError)
    expect(() => parseNetshIpConfig('Configuration for interface "x"\n    Subnet Prefix:   10.0.0.0/24 (mask 255.255.255.0)\n')).toThrow(/above the subnet prefix/)
  })

  it('detects config blocks', () => {
    expect(looksLikeNetshIpConfig(GO)).toBe(true)
    expect(looksLikeNetshIpConfig(fixture('netsh-win10-wslroutesvc-go-test', 'netsh-ip-config'))).toBe(true)
    expect(looksLikeNetshIpConfig('He said "hello"\nand left')).toBe(false)
  })
})
