/**
 * `{{placeholders}}` in rule messages and remediation commands. Messages show values as
 * plain text and keep unknown names visible (the rule tester catches them); commands quote
 * every value for their shell and are dropped, never printed half-filled, when a value is
 * missing. The last block feeds a hostile interface name through real rules to show it
 * reaches the printed fix quoted.
 */
import {describe, expect, it} from 'vitest'

import {fillCommand, fillMessage, placeholdersIn} from '../../src/engine/interpolate.js'
import type {RuleResult} from '../../src/engine/types.js'
import {address, conf, ethernet, hostFacts, loopback} from '../helpers/host-facts.js'
import {runCase} from '../helpers/rule-tester.js'
import {ruleById} from './real-rules.js'

describe('fillMessage', () => {
  it('fills names with text and numbers', () => {
    expect(fillMessage('{{interface}} is {{effective}}', {interface: 'eth0', effective: 0})).toBe('eth0 is 0')
  })

  it('allows spaces inside the braces and dots in names', () => {
    expect(fillMessage('{{ vip }} / {{a.b}}', {vip: '198.51.100.10', 'a.b': 'x'})).toBe('198.51.100.10 / x')
  })

  it('keeps an unknown placeholder visible', () => {
    expect(fillMessage('{{vip}} on {{device}}', {vip: '198.51.100.10'})).toBe('198.51.100.10 on {{device}}')
  })

  it('fills an empty string (messages may have optional parts such as a drift note)', () => {
    expect(fillMessage('safe.{{drift}}', {drift: ''})).toBe('safe.')
  })

  it('does not quote values in messages', () => {
    expect(fillMessage('on {{interface}}', {interface: "eth0;reboot 'x'"})).toBe("on eth0;reboot 'x'")
  })

  it('fills every occurrence of a name', () => {
    expect(fillMessage('{{a}}-{{a}}', {a: 1})).toBe('1-1')
  })
})

describe('fillCommand', () => {
  it('fills and quotes each value for the shell', () => {
    expect(fillCommand('ip addr del {{cidr}} dev {{device}}', {cidr: '198.51.100.10/32', device: 'my nic'}, 'bash')).toBe("ip addr del 198.51.100.10/32 dev 'my nic'")
    expect(fillCommand('Remove-NetIPAddress {{cidr}} -InterfaceAlias {{device}}', {cidr: '198.51.100.10/32', device: "it's"}, 'powershell')).toBe(
      "Remove-NetIPAddress 198.51.100.10/32 -InterfaceAlias 'it''s'",
    )
    expect(fillCommand('netsh interface ip delete address {{device}}', {device: 'Ethernet 2'}, 'cmd')).toBe('netsh interface ip delete address "Ethernet 2"')
  })

  it('leaves the command out when a value is missing', () => {
    expect(fillCommand('sysctl -w {{allAssignment}} {{ifaceAssignment}}', {allAssignment: 'net.ipv4.conf.all.arp_ignore=1'}, 'bash')).toBeUndefined()
  })

  it('leaves the command out when a value is empty', () => {
    expect(fillCommand('ip addr del {{cidr}} dev lo', {cidr: ''}, 'bash')).toBeUndefined()
  })

  it('keeps the number 0 (a value, not a missing one)', () => {
    expect(fillCommand('sysctl -w x={{value}}', {value: 0}, 'bash')).toBe('sysctl -w x=0')
  })

  it('returns a template without placeholders unchanged', () => {
    expect(fillCommand('sysctl --system', {}, 'bash')).toBe('sysctl --system')
  })

  it('quotes a hostile value instead of letting it end the command', () => {
    expect(fillCommand('ip addr del {{cidr}} dev {{device}}', {cidr: '198.51.100.10/32', device: 'eth0;reboot'}, 'bash')).toBe(
      "ip addr del 198.51.100.10/32 dev 'eth0;reboot'",
    )
  })
})

describe('placeholdersIn', () => {
  it('lists the names in order, repeats included', () => {
    expect(placeholdersIn("printf '%s\\n' {{allLine}} >> {{ dropInFile }} {{allLine}}")).toEqual(['allLine', 'dropInFile', 'allLine'])
    expect(placeholdersIn('sysctl --system')).toEqual([])
  })
})

describe('remediation from real rules', () => {
  const HOSTILE = 'eth0;reboot'
  const VIP = '198.51.100.10'

  const bash = (results: RuleResult[], persistent: boolean) =>
    results.flatMap((r) => r.remediation.filter((fix) => fix.shell === 'bash' && fix.persistent === persistent).flatMap((fix) => fix.commands))

  it('drops the per-interface command when max() does not need it, keeping the rest', () => {
    const results = runCase(ruleById('arp-ignore'), hostFacts())
    expect(bash(results, false)).toEqual(['sysctl -w net.ipv4.conf.all.arp_ignore=1'])
    expect(bash(results, true)).toEqual(["printf '%s\\n' 'net.ipv4.conf.all.arp_ignore = 1' >> /etc/sysctl.d/90-rsaudit-realserver.conf", 'sysctl --system'])
  })

  it('quotes a hostile interface name in the arp-ignore fix and shows it plainly in the message', () => {
    const facts = hostFacts({interfaces: [loopback(), ethernet(HOSTILE)], ipv4Conf: conf(['lo', HOSTILE], {[HOSTILE]: {arp_ignore: 9}})})
    const results = runCase(ruleById('arp-ignore'), facts)
    expect(results.map((r) => r.subject)).toEqual([HOSTILE])
    expect(results[0]?.message).toContain(`${HOSTILE}=9`)
    expect(bash(results, false)).toEqual(['sysctl -w net.ipv4.conf.all.arp_ignore=1', "sysctl -w 'net.ipv4.conf.eth0;reboot.arp_ignore=1'"])
    expect(bash(results, true)).toContain("printf '%s\\n' 'net.ipv4.conf.eth0;reboot.arp_ignore = 1' >> /etc/sysctl.d/90-rsaudit-realserver.conf")
  })

  it('quotes a hostile interface name that holds the VIP', () => {
    const facts = hostFacts({interfaces: [loopback(), ethernet(HOSTILE, address('192.0.2.10/24'), address(`${VIP}/32`))]})
    const results = runCase(ruleById('vip-not-on-arp-interface'), facts, {vips: [VIP]})
    expect(bash(results, false)).toEqual([`ip addr del ${VIP}/32 dev 'eth0;reboot'`, `ip addr replace ${VIP}/32 dev lo`])
  })

  it('never leaves an unquoted ; from a host value in any bash command', () => {
    const facts = hostFacts({
      interfaces: [loopback(address(`${VIP}/24`)), ethernet(HOSTILE, address('192.0.2.10/24'), address(`${VIP}/32`))],
      ipv4Conf: conf(['lo', HOSTILE], {}, 7),
    })
    const commands = ['arp-ignore', 'arp-announce', 'vip-not-on-arp-interface', 'vip-host-prefix', 'sysctl-persistent'].flatMap((id) => {
      const results = runCase(ruleById(id), facts, {vips: [VIP]})
      return [...bash(results, false), ...bash(results, true)]
    })
    expect(commands.filter((command) => command.includes(HOSTILE)).length).toBeGreaterThan(0)
    for (const command of commands) expect(command.replaceAll(/'[^']*'/g, "''"), command).not.toContain(';')
  })
})
