import {readFileSync} from 'node:fs'

import {describe, expect, it} from 'vitest'

import {ParseError} from '../../../src/parse/parse-error.js'
import {
  legacyFirewall,
  looksLikeNetshFirewallPortopening,
  looksLikeNetshFirewallState,
  parseNetshFirewallPortopening,
  parseNetshFirewallState,
} from '../../../src/parse/windows/netsh-firewall-legacy.js'
import {ENABLE_VALUES, LANGUAGES, LEGACY_LABELS, type Term, termText} from '../../../src/parse/windows/netsh-labels.js'

const fixture = (scenario: string, id: string): string =>
  readFileSync(new URL(`../../../fixtures/windows/${scenario}/${id}.txt`, import.meta.url), 'utf8')
const DASHES = '-'.repeat(67)
const XP_PORTS = fixture('netsh-xp-metasploit-unleashed-portopening', 'netsh-firewall-portopening')
const STATE_2016 = fixture('netsh-win2016-winpeas-padded', 'netsh-firewall-state')

function state(profileLabel: string, modeLabel: string, mode: string): string {
  return ['', 'Firewall status:', DASHES, `${profileLabel.padEnd(34)}= Standard`, `${modeLabel.padEnd(34)}= ${mode}`, `${'Exception mode'.padEnd(34)}= Enable`, ''].join('\r\n')
}

describe('parseNetshFirewallState', () => {
  it.each(LANGUAGES)('reads Operational mode and its value in %s', (language) => {
    const label = termText(LEGACY_LABELS.operationalMode[language][0] as Term)
    expect(parseNetshFirewallState(state('Profile', label, termText(ENABLE_VALUES.enable[language][0] as Term))).enabled).toBe(true)
    expect(parseNetshFirewallState(state('Profile', label, termText(ENABLE_VALUES.disable[language][0] as Term))).enabled).toBe(false)
  })

  it('takes the second status line as Operational mode when its label is unknown', () => {
    expect(parseNetshFirewallState(state('Profil', 'Modus der Firewall', 'Disable'))).toEqual({profile: 'Standard', enabled: false, openPorts: []})
  })

  it('reads open ports with programs, and the same with CRLF', () => {
    const text = [
      'Firewall status:', DASHES,
      'Profile                           = Domain',
      'Operational mode                  = Enable',
      '',
      'Ports currently open on all network interfaces:',
      'Port   Protocol  Version  Program',
      DASHES,
      '80     TCP       IPv4     C:\\WINDOWS\\system32\\inetsrv\\inetinfo.exe',
      '137    UDP       IPv4     (null)',
    ].join('\n')
    const expected = {
      profile: 'Domain',
      enabled: true,
      openPorts: [
        {port: 80, protocol: 'TCP', enabled: true, name: 'C:\\WINDOWS\\system32\\inetsrv\\inetinfo.exe'},
        {port: 137, protocol: 'UDP', enabled: true},
      ],
    }
    expect(parseNetshFirewallState(text)).toEqual(expected)
    expect(parseNetshFirewallState(text.replace(/\n/g, '\r\n'))).toEqual(expected)
  })

  it('refuses text without a status block and an unknown mode', () => {
    expect(() => parseNetshFirewallState('')).toThrow(ParseError)
    expect(() => parseNetshFirewallState(XP_PORTS)).toThrow(ParseError)
    expect(() => parseNetshFirewallState(state('Profile', 'Operational mode', 'Sometimes'))).toThrow(/Enable or Disable, found "Sometimes"/)
  })
})

describe('parseNetshFirewallPortopening', () => {
  it('reads the Vista+ layout with its Traffic direction column', () => {
    const text = [
      'Port configuration for Domain profile:',
      'Port   Protocol  Mode    Traffic direction     Name',
      DASHES,
      '49663  TCP       Enable  Inbound               49663 Inbound',
      '',
      'Port configuration for Standard profile:',
      'Port   Protocol  Mode    Traffic direction     Name',
      DASHES,
      '3306   TCP       Disable Inbound               Closed Port 3306 for MySQL',
    ].join('\r\n')
    expect(parseNetshFirewallPortopening(text)).toEqual([
      {profile: 'Domain', port: 49663, protocol: 'TCP', enabled: true, name: '49663 Inbound'},
      {profile: 'Standard', port: 3306, protocol: 'TCP', enabled: false, name: 'Closed Port 3306 for MySQL'},
    ])
  })

  it('reads only port tables out of `show config` (service, program and ICMP tables have no ports)', () => {
    const text = [
      'Service configuration for Standard profile:', 'Mode     Customized  Name', DASHES, 'Enable   No          Remote Desktop', '',
      'Port configuration for Standard profile:', 'Port   Protocol  Mode    Traffic direction     Name', DASHES, '',
      'ICMP configuration for Standard profile:', 'Mode     Type  Description', DASHES, 'Enable   2     Allow outbound packet too big',
    ].join('\n')
    expect(parseNetshFirewallPortopening(text)).toEqual([])
  })

  it('names profiles of unknown wording by order: Domain, then Standard', () => {
    const text = XP_PORTS.replace('Port configuration for Domain profile:', 'Portkonfiguration für Profil A:').replace('Port configuration for Standard profile:', 'Portkonfiguration für Profil B:')
    expect(parseNetshFirewallPortopening(text)).toEqual(parseNetshFirewallPortopening(XP_PORTS))
  })

  it('refuses text without a port table and rows that are not TCP/UDP or Enable/Disable', () => {
    expect(() => parseNetshFirewallPortopening('')).toThrow(ParseError)
    expect(() => parseNetshFirewallPortopening(XP_PORTS.replace('137    UDP', '137    GRE'))).toThrow(/TCP or UDP, found "GRE"/)
    expect(() => parseNetshFirewallPortopening(XP_PORTS.replace('445    TCP       Enable', '445    TCP       Perhaps'))).toThrow(ParseError)
  })
})

describe('legacyFirewall', () => {
  it('adds the current profile exceptions to the open ports, once each', () => {
    const combined = legacyFirewall(parseNetshFirewallState(STATE_2016), parseNetshFirewallPortopening(XP_PORTS))
    expect(combined.enabled).toBe(true)
    expect(combined.openPorts).toEqual([
      {port: 49663, protocol: 'TCP', enabled: true},
      {port: 445, protocol: 'TCP', enabled: true, name: 'Service Firewall'},
      {port: 139, protocol: 'TCP', enabled: true, name: 'NetBIOS Session Service'},
      {port: 137, protocol: 'UDP', enabled: true, name: 'NetBIOS Name Service'},
      {port: 138, protocol: 'UDP', enabled: true, name: 'NetBIOS Datagram Service'},
    ])
  })
})

describe('legacy firewall detection', () => {
  it('tells state from portopening output', () => {
    expect(looksLikeNetshFirewallState(STATE_2016)).toBe(true)
    expect(looksLikeNetshFirewallState(XP_PORTS)).toBe(false)
    expect(looksLikeNetshFirewallPortopening(XP_PORTS)).toBe(true)
    expect(looksLikeNetshFirewallPortopening(STATE_2016)).toBe(false)
  })
})

describe('legacy firewall detection in other languages', () => {
  it('finds a German status block and a port table under any title', () => {
    expect(looksLikeNetshFirewallState(state('Profil', 'Betriebsmodus', 'Aktivieren'))).toBe(true)
    expect(looksLikeNetshFirewallPortopening(XP_PORTS.replace(/Port configuration for (\w+) profile:/g, 'Portkonfiguration ($1):'))).toBe(true)
  })
})
