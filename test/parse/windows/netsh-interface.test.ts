import {readFileSync} from 'node:fs'

import {describe, expect, it} from 'vitest'

import {ParseError} from '../../../src/parse/parse-error.js'
import {looksLikeNetshInterface, parseNetshInterface} from '../../../src/parse/windows/netsh-interface.js'
import {INTERFACE_LABELS, INTERFACE_TITLES, LANGUAGES, type Term, termText} from '../../../src/parse/windows/netsh-labels.js'

const fixture = (scenario: string, id: string): string =>
  readFileSync(new URL(`../../../fixtures/windows/${scenario}/${id}.txt`, import.meta.url), 'utf8')
const LAB9 = fixture('netsh-zh-cn-lab9-wlan', 'netsh-ipv4-interface-5')
const WSL = fixture('netsh-win10-wslroutesvc-go-test', 'netsh-ipv4-interface-39')

/** A block with the field order netsh prints, labels and title supplied by the caller. */
function block(title: string, label: (key: keyof typeof INTERFACE_LABELS) => string, compartment = false): string {
  return [
    title,
    '----------------------------------------------',
    'IfLuid                             : ethernet_32775',
    'IfIndex                            : 11',
    ...(compartment ? ['Compartment Id                     : 1'] : []),
    `${label('state')}                              : connected`,
    `${label('metric')}                             : 254`,
    'Link MTU                           : 1500 bytes',
    'Reachable Time                     : 30500 ms',
    'Base Reachable Time                : 30000 ms',
    'Retransmission Interval            : 1000 ms',
    'DAD Transmits                      : 3',
    'Site Prefix Length                 : 64',
    'Site Id                            : 1',
    'Forwarding                         : disabled',
    'Advertising                        : disabled',
    'Neighbor Discovery                 : enabled',
    'Neighbor Unreachability Detection  : enabled',
    'Router Discovery                   : dhcp',
    'Managed Address Configuration      : enabled',
    'Other Stateful Configuration       : enabled',
    `${label('weakHostSend')}                    : enabled`,
    `${label('weakHostReceive')}                 : enabled`,
    `${label('automaticMetric')}               : disabled`,
    'Ignore Default Routes              : disabled',
  ].join('\r\n')
}
const LOOPBACK = {index: 11, family: 'inet', connected: true, interfaceMetric: 254, weakHostSend: true, weakHostReceive: true, automaticMetric: false}

describe('parseNetshInterface', () => {
  it.each(LANGUAGES)('reads labels and title in %s', (language) => {
    const [prefix, suffix] = INTERFACE_TITLES[language][0] as readonly [string, string, unknown?]
    const text = block(`${prefix}LB-Loopback${suffix}`, (key) => termText(INTERFACE_LABELS[key][language][0] as Term))
    expect(parseNetshInterface(text)).toEqual({alias: 'LB-Loopback', ...LOOPBACK})
  })

  it('falls back to netsh field order when every label is in an unknown language', () => {
    const unknown = (key: string): string => `Étiquette-${key.length}`
    expect(parseNetshInterface(block('Unbekannter Titel', unknown))).toEqual({alias: '', ...LOOPBACK})
    // Vista/7/2008 print Compartment Id before State; the anchors do not move with it.
    expect(parseNetshInterface(block('Unbekannter Titel', unknown, true))).toEqual({alias: '', ...LOOPBACK})
  })

  it('reads the real zh-CN capture the same with the weak-host labels unknown', () => {
    const unknownLabels = LAB9.replace('弱主机发送', '???').replace('弱主机接收', '???').replace('使用自动跃点数', '???')
    expect(parseNetshInterface(unknownLabels)).toEqual(parseNetshInterface(LAB9))
  })

  it('reads the real en block by field order when its labels are in an unknown language', () => {
    // Synthetic: the WSL capture with every label after IfIndex spelled backwards, a stand-in for a
    // translation in no table (no real de/fr/es/ru/ja block was found).
    const backwards = (text: string): string =>
      text.replace(/^([A-Z][A-Za-z ]+?)(\s+:)/gm, (_line, label: string, rest: string) => (label === 'IfLuid' || label === 'IfIndex' ? label : [...label].reverse().join('')) + rest)
    const unknown = backwards(WSL)
    expect(unknown).toContain('sdneS tsoH kaeW')
    expect(parseNetshInterface(unknown)).toEqual(parseNetshInterface(WSL))
  })

  it('leaves the weak-host fields unknown when a field shifted in breaks the Send/Receive pair', () => {
    // Synthetic: as above, plus one flag line before Weak Host Sends, as a future Windows might add.
    const shifted = WSL.replace('Weak Host Sends', 'Xyzzy Mode                         : enabled\nWeak Host Sends').replace(
      /^([A-Z][A-Za-z ]+?)(\s+:)/gm,
      (_line, label: string, rest: string) => (['IfLuid', 'IfIndex', 'State', 'Metric'].includes(label) ? label : [...label].reverse().join('')) + rest,
    )
    const parsed = parseNetshInterface(shifted)
    expect(parsed).toMatchObject({index: 39, connected: true, interfaceMetric: 15})
    expect(parsed).not.toHaveProperty('weakHostSend')
    expect(parsed).not.toHaveProperty('weakHostReceive')
    expect(parsed).not.toHaveProperty('automaticMetric')
  })

  it('reads the zh-CN capture by position when the weak-host labels lost their encoding', () => {
    const lost = LAB9.replace('弱主机发送', '\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD').replace('弱主机接收', '\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD')
    expect(parseNetshInterface(lost)).toEqual(parseNetshInterface(LAB9))
  })

  it('accepts the full-width colon, CRLF and console padding', () => {
    const expected = parseNetshInterface(LAB9)
    expect(parseNetshInterface(LAB9.replace(/ : /g, ' ： '))).toEqual(expected)
    expect(parseNetshInterface(LAB9.replace(/\n/g, '                    \r\n'))).toEqual(expected)
  })

  it('keeps aliases with spaces, brackets, # and Cyrillic from the title', () => {
    const title = (text: string): string => parseNetshInterface(`${text}\n${WSL.split('\n').slice(2).join('\n')}`).alias
    expect(title('Interface vEthernet (Intel(R) Ethernet #2) Parameters')).toBe('vEthernet (Intel(R) Ethernet #2)')
    expect(title('Параметры интерфейса Подключение по локальной сети 2')).toBe('Подключение по локальной сети 2')
    expect(title('接口 本地连接 [VPN] #2 参数')).toBe('本地连接 [VPN] #2')
  })

  it('takes the family from the caller, else from an echoed ipv6 command', () => {
    const ipv6 = [
      'PS C:\\Users\\jqkno> netsh interface ipv6 show interface "wi-fi"',
      '',
      'Interface Wi-Fi Parameters',
      '----------------------------------------------',
      'IfLuid                             : wireless_32768',
      'IfIndex                            : 24',
      'State                              : connected',
      'Metric                             : 45',
    ].join('\n')
    expect(parseNetshInterface(ipv6)).toMatchObject({alias: 'Wi-Fi', family: 'inet6', index: 24, interfaceMetric: 45})
    expect(parseNetshInterface(WSL, 'inet6').family).toBe('inet6')
    expect(parseNetshInterface(WSL).family).toBe('inet')
  })

  it('leaves weak-host fields out of a reflowed copy instead of guessing their position', () => {
    // Second capture of KB 949589 as the Microsoft docs reflowed it.
    const text = [
      'Interface Local Area Connection Parameters',
      '----------------------------------------------',
      'IfLuid                            : ethernet_7',
      'IfIndex                           : 9',
      'Compartment Id                    : 1',
      'State                             : connected',
      'Metric                            : 20',
      'Link MTU                          : 1500 bytes',
      'Reachable Time                    : 61500 ms',
      ' Base Reachable Time              : 60000 ms Retransmission Interval : 1000 ms DAD Transmits : 3 Site Prefix',
      'Length : 64 Site Id : 1 Forwarding : disabled Advertising : disabled Neighbor',
      'Discovery : enabled Neighbor Unreachability Detecion : enabled Router Discovery',
      ': dhcp Managed Address Configuration : enabled Other Stateful Configuration :',
      'enabled Weak Host Sends : disabled Weak Host Receives : disabled Use Automatic',
      'Metric : enabled Ignore Default routes : disabled',
    ].join('\n')
    expect(parseNetshInterface(text)).toEqual({alias: 'Local Area Connection', family: 'inet', index: 9, connected: true, interfaceMetric: 20})
  })

  it('refuses a block without IfIndex and labelled fields with impossible values', () => {
    expect(() => parseNetshInterface('')).toThrow(ParseError)
    expect(() => parseNetshInterface(WSL.replace(/IfIndex.*\n/, ''))).toThrow(ParseError)
    expect(() => parseNetshInterface(WSL.replace('Weak Host Sends                    : disabled', 'Weak Host Sends                    : maybe'))).toThrow(/enabled or disabled, found "maybe"/)
    expect(() => parseNetshInterface(WSL.replace('Metric                             : 15', 'Metric                             : high'))).toThrow(ParseError)
    expect(() => parseNetshInterface(WSL.replace('State                              : connected', 'State                              : up'))).toThrow(ParseError)
  })

  it('detects an interface block and not the interfaces table', () => {
    expect(looksLikeNetshInterface(LAB9)).toBe(true)
    expect(looksLikeNetshInterface(fixture('netsh-win10-wsl-anyconnect', 'netsh-ipv4-interfaces'))).toBe(false)
    expect(looksLikeNetshInterface('IfIndex : 3')).toBe(false)
  })
})
