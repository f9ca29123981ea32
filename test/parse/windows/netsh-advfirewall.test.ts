import {readFileSync} from 'node:fs'

import {describe, expect, it} from 'vitest'

import {ParseError} from '../../../src/parse/parse-error.js'
import {
  looksLikeNetshAdvfirewallProfiles,
  looksLikeNetshAdvfirewallRules,
  parseNetshAdvfirewallProfiles,
  parseNetshAdvfirewallRules,
} from '../../../src/parse/windows/netsh-advfirewall.js'
import {
  ACTION_VALUES,
  ANY_VALUES,
  DIRECTION_VALUES,
  LANGUAGES,
  ON_OFF_VALUES,
  PROFILE_STATE_LABELS,
  PROFILE_VALUES,
  RULE_LABELS,
  type Term,
  termText,
  YES_NO_VALUES,
  type Language,
} from '../../../src/parse/windows/netsh-labels.js'

const fixture = (scenario: string, id: string): string =>
  readFileSync(new URL(`../../../fixtures/windows/${scenario}/${id}.txt`, import.meta.url), 'utf8')
const DASHES = '-'.repeat(70)

/**
 * Profile titles per language: en, zh and fr as real captures print them, de, es and ja as tools
 * reading real output match them (netsh-labels.ts EVIDENCE: de-aquamaint-firewall,
 * es-distrivale-remote-access, ja-inetfw-netsh-pl); the ru titles are guesses.
 */
const TITLES: Record<Language, readonly [string, string, string]> = {
  en: ['Domain Profile Settings:', 'Private Profile Settings:', 'Public Profile Settings:'],
  de: ['Domänenprofil-Einstellungen:', 'Privates Profil-Einstellungen:', 'Öffentliches Profil-Einstellungen:'],
  fr: ['Paramètres Profil de domaine :', 'Paramètres Profil privé :', 'Paramètres Profil public :'],
  es: ['Configuración de Perfil de dominio:', 'Configuración de Perfil privado:', 'Configuración de Perfil público:'],
  ru: ['Параметры профиля домена:', 'Параметры частного профиля:', 'Параметры общего профиля:'],
  zh: ['域配置文件 设置:', '专用配置文件 设置:', '公用配置文件 设置:'],
  ja: ['ドメイン プロファイル 設定:', 'プライベート プロファイル 設定:', 'パブリック プロファイル 設定:'],
}

function profiles(language: Language, titles = TITLES[language], policy = 'BlockInbound,AllowOutbound'): string {
  const state = termText(PROFILE_STATE_LABELS.state[language][0] as Term)
  const values = [ON_OFF_VALUES.on, ON_OFF_VALUES.off, ON_OFF_VALUES.on].map((value) => termText(value[language][0] as Term))
  return titles
    .flatMap((title, index) => ['', title, DASHES, `${state}                                  ${values[index]}`, `Firewall Policy                       ${policy}`, 'InboundUserNotification               Disable'])
    .join('\r\n')
}

describe('parseNetshAdvfirewallProfiles', () => {
  it.each(LANGUAGES)('reads titles, State and its value in %s', (language) => {
    expect(parseNetshAdvfirewallProfiles(profiles(language))).toEqual([
      {name: 'Domain', enabled: true, defaultInboundAction: 'Block'},
      {name: 'Private', enabled: false, defaultInboundAction: 'Block'},
      {name: 'Public', enabled: true, defaultInboundAction: 'Block'},
    ])
  })

  it('names the three allprofiles blocks by their order when the titles are unreadable', () => {
    const parsed = parseNetshAdvfirewallProfiles(profiles('en', ['????:', '????:', '????:']))
    expect(parsed.map((profile) => profile.name)).toEqual(['Domain', 'Private', 'Public'])
    expect(() => parseNetshAdvfirewallProfiles(profiles('en').split('\r\n').slice(0, 6).join('\n').replace('Domain', '????'))).toThrow(ParseError)
  })

  it('reads every default inbound policy', () => {
    const action = (policy: string): unknown => parseNetshAdvfirewallProfiles(profiles('en', undefined, policy))[0]?.defaultInboundAction
    expect(action('BlockInboundAlways,AllowOutbound')).toBe('Block')
    expect(action('AllowInbound,AllowOutbound')).toBe('Allow')
    expect(action('NotConfigured,NotConfigured')).toBe('NotConfigured')
  })

  it('is unchanged by CRLF, console padding and a full-width colon in the title', () => {
    const text = fixture('netsh-htb-academy-allprofiles-off', 'netsh-advfirewall-profiles')
    const expected = parseNetshAdvfirewallProfiles(text)
    expect(parseNetshAdvfirewallProfiles(text.replace(/\n/g, '                  \r\n'))).toEqual(expected)
    const zh = fixture('netsh-zh-cn-qianxin-proxy-currentprofile', 'netsh-advfirewall-profiles')
    expect(parseNetshAdvfirewallProfiles(zh.replace('设置:', '设置：'))).toEqual(parseNetshAdvfirewallProfiles(zh))
  })

  it('reads the real fr-FR capture by position when titles and the State label are in no table', () => {
    const fr = fixture('netsh-fr-ynov-tp1-allprofiles', 'netsh-advfirewall-profiles')
    const unknown = fr.replace(/Paramètres Profil [^:\n]+ :/g, 'Xyzzy :').replaceAll('État', 'Xyzzy')
    expect(unknown).not.toMatch(/État|Profil/)
    expect(parseNetshAdvfirewallProfiles(unknown)).toEqual(parseNetshAdvfirewallProfiles(fr))
  })

  it('leaves a State in no table unknown (a ParseError) rather than reading it as ON or OFF', () => {
    // Synthetic: the fr capture with the guessed OFF word replaced by one in no table.
    const fr = fixture('netsh-fr-ynov-tp1-allprofiles', 'netsh-advfirewall-profiles')
    expect(() => parseNetshAdvfirewallProfiles(fr.replace('Actif', 'Hors service'))).toThrow(/State ON or OFF, found "Hors service"/)
  })

  it('refuses the mojibake capture, saying the encoding was lost', () => {
    const text = fixture('netsh-zh-cn-webshell-mojibake', 'netsh-advfirewall-profiles.raw')
    expect(() => parseNetshAdvfirewallProfiles(text)).toThrow(ParseError)
    expect(() => parseNetshAdvfirewallProfiles(text)).toThrow(/lost its encoding/)
  })

  it('refuses text without profile blocks and a State that is not ON/OFF', () => {
    expect(() => parseNetshAdvfirewallProfiles('')).toThrow(ParseError)
    expect(() => parseNetshAdvfirewallProfiles('Ok.')).toThrow(ParseError)
    expect(() => parseNetshAdvfirewallProfiles(profiles('en').replace('OFF', 'MAYBE'))).toThrow(/State ON or OFF, found "MAYBE"/)
  })

  it('detects profile output and not rule output', () => {
    expect(looksLikeNetshAdvfirewallProfiles(fixture('netsh-zh-cn-qianxin-proxy-currentprofile', 'netsh-advfirewall-profiles'))).toBe(true)
    expect(looksLikeNetshAdvfirewallProfiles(fixture('netsh-dcos-admin-router-rule', 'netsh-advfirewall-rules-in'))).toBe(false)
  })
})

function rule(language: Language, name: string, overrides: Partial<Record<keyof typeof RULE_LABELS, string>> = {}): string {
  const label = (key: keyof typeof RULE_LABELS): string => `${termText(RULE_LABELS[key][language][0] as Term)}:`.padEnd(38)
  const any = termText(ANY_VALUES.Any[language][0] as Term)
  const profileList = (['Domain', 'Private', 'Public'] as const).map((profile) => termText(PROFILE_VALUES[profile][language][0] as Term)).join(',')
  const values = {
    enabled: termText(YES_NO_VALUES.yes[language][0] as Term),
    direction: termText(DIRECTION_VALUES.Inbound[language][0] as Term),
    profiles: profileList,
    localIp: any,
    protocol: 'TCP',
    localPort: '80,443,8000-8080',
    action: termText(ACTION_VALUES.Allow[language][0] as Term),
    ...overrides,
  }
  return [
    `${label('ruleName')}${name}`,
    DASHES,
    `${label('enabled')}${values.enabled}`,
    `${label('direction')}${values.direction}`,
    `${label('profiles')}${values.profiles}`,
    'Grouping:',
    `${label('localIp')}${values.localIp}`,
    `RemoteIP:                             ${any}`,
    `${label('protocol')}${values.protocol}`,
    `${label('localPort')}${values.localPort}`,
    `RemotePort:                           ${any}`,
    `${label('action')}${values.action}`,
    '',
  ].join('\r\n')
}
const WEB = {
  displayName: 'LB VIP HTTP',
  enabled: true,
  direction: 'Inbound',
  action: 'Allow',
  profiles: ['Domain', 'Private', 'Public'],
  protocol: 'TCP',
  localPorts: ['80', '443', '8000-8080'],
  localAddresses: ['Any'],
}

describe('parseNetshAdvfirewallRules', () => {
  it.each(LANGUAGES)('reads labels and values in %s', (language) => {
    expect(parseNetshAdvfirewallRules(rule(language, 'LB VIP HTTP'))).toEqual([WEB])
  })

  it('reads values whose labels are in an unknown language by their kind', () => {
    const text = rule('en', 'LB VIP HTTP')
      .replace('Enabled:', 'Label-A:')
      .replace('Direction:', 'Label-B:')
      .replace('Action:', 'Label-C:')
    expect(parseNetshAdvfirewallRules(text)).toEqual([WEB])
  })

  it('keeps names with colons, brackets, Cyrillic and Chinese', () => {
    const names = ['Web: HTTP (80)', 'Веб-сервер (HTTP-In) #2', '万维网服务(HTTP 流入量)']
    const parsed = parseNetshAdvfirewallRules(names.map((name) => rule('en', name)).join('\r\n'))
    expect(parsed.map((entry) => entry.displayName)).toEqual(names)
  })

  it('reads a verbose block: specific address, block action, profile subset, no port line for ICMP', () => {
    const text = [
      'Rule Name:                            Core Networking - Destination Unreachable (ICMPv4-In)',
      DASHES,
      'Description:                          Destination Unreachable error messages',
      'Enabled:                              No',
      'Direction:                            In',
      'Profiles:                             Private,Public',
      'Grouping:                             Core Networking',
      'LocalIP:                              198.51.100.10/32,LocalSubnet',
      'RemoteIP:                             Any',
      'Protocol:                             ICMPv4',
      '                                      Type    Code',
      '                                      3       4',
      'Edge traversal:                       No',
      'Program:                              System',
      'InterfaceTypes:                       Any',
      'Security:                             NotRequired',
      'Rule source:                          Local Setting',
      'Action:                               Block',
      '',
      'Ok.',
    ].join('\n')
    expect(parseNetshAdvfirewallRules(text)).toEqual([
      {
        displayName: 'Core Networking - Destination Unreachable (ICMPv4-In)',
        enabled: false,
        direction: 'Inbound',
        action: 'Block',
        profiles: ['Private', 'Public'],
        protocol: 'ICMPv4',
        localPorts: [],
        localAddresses: ['198.51.100.10/32', 'LocalSubnet'],
      },
    ])
  })

  it('takes Any profiles and a full-width colon', () => {
    const text = rule('zh', '远程桌面', {profiles: '任何'}).replace(/^(\S+?):/gm, '$1：')
    expect(parseNetshAdvfirewallRules(text)[0]?.profiles).toBe('Any')
  })

  it('gives an empty list for "No rules match"', () => {
    expect(parseNetshAdvfirewallRules('\r\nNo rules match the specified criteria.\r\n')).toEqual([])
  })

  it('refuses text without rules and rules without Enabled, Direction or Action', () => {
    expect(() => parseNetshAdvfirewallRules('')).toThrow(ParseError)
    expect(() => parseNetshAdvfirewallRules(rule('en', 'x').replace(/Action:.*/, ''))).toThrow(/an Action line in rule "x"/)
    expect(() => parseNetshAdvfirewallRules(rule('en', 'x', {enabled: 'Perhaps'}))).toThrow(ParseError)
    expect(() => parseNetshAdvfirewallRules(rule('en', 'x', {profiles: 'Domain,Office'}))).toThrow(/Domain, Private or Public, found "Office"/)
  })

  it('detects rule output by its localized Rule Name label', () => {
    expect(looksLikeNetshAdvfirewallRules(fixture('netsh-de-dayz-server-manager-rule', 'netsh-advfirewall-rules-in'))).toBe(true)
    expect(looksLikeNetshAdvfirewallRules(fixture('netsh-fr-system-info-collector-rules', 'netsh-advfirewall-rules-in'))).toBe(true)
    expect(looksLikeNetshAdvfirewallRules(fixture('netsh-htb-academy-allprofiles-off', 'netsh-advfirewall-profiles'))).toBe(false)
  })
})
