/**
 * Windows facts from pasted text must be what the bundle's parsers make of the same output: the
 * golden results of the fixtures/windows captures each paste fixture was built from, assembled
 * as a bundle's are (interfaces from adapters and addresses, routes from the Windows routes,
 * Linux-only facts unsupported). What the paste lacks is unavailable with the command to ask
 * for; a parse error points at pasted lines; a paste mixing Linux and Windows is audited as the
 * platform with more sections.
 */
import {describe, expect, it} from 'vitest'

import type {Fact, FactUnavailable, HostFacts} from '../../src/facts/model.js'
import {interfacesFromWindows} from '../../src/facts/windows/normalize.js'
import type {WinRoute} from '../../src/facts/windows-model.js'
import {legacyFirewall, type NetshFirewallState, type NetshPortOpening} from '../../src/parse/windows/netsh-firewall-legacy.js'
import {parseNetshInterface} from '../../src/parse/windows/netsh-interface.js'
import {factsFromPaste} from '../../src/paste/paste-facts.js'
import {pasteFixture, windowsFixture, windowsGolden} from './paste-fixtures.js'

function value<T>(fact: Fact<T> | undefined): T {
  if (fact === undefined) throw new Error('expected a Windows fact, got none')
  if (fact.status !== 'ok') throw new Error(`expected an ok fact, got ${fact.reason}: ${fact.detail}`)
  return fact.value
}

function unavailable<T>(fact: Fact<T> | undefined): FactUnavailable {
  if (fact === undefined || fact.status === 'ok') throw new Error('expected an unavailable fact')
  return fact
}

/** `{adapters, addresses, gateways}` of a golden ipconfig, `{interfaces, routes}` of a golden route print. */
const ipconfigGolden = (scenario: string) => windowsGolden(scenario, 'ipconfig-all') as {adapters: unknown[]; addresses: unknown[]}
const routesGolden = (scenario: string) => (windowsGolden(scenario, 'route-print') as {routes: WinRoute[]}).routes

/** What a bundle makes of Windows routes for the shared rules. */
const commonRoutes = (routes: readonly WinRoute[]) =>
  routes.map((r) => ({destination: r.destination, family: r.family, table: 'main', type: 'unicast', ...(r.nextHop ? {gateway: r.nextHop} : {}), ...(r.alias ? {dev: r.alias} : {})}))

const LINUX_ONLY = ['ipv4Conf', 'bootSysctl', 'persistedAddresses', 'networkStack'] as const

describe('facts equal what the parsers give for the raw sections', () => {
  it('a 2008-style cmd.exe ticket: ipconfig, route print, netsh interface table and one interface, netstat', () => {
    const {facts, platform} = factsFromPaste(pasteFixture('windows-2008-cmd-ticket'))
    expect(platform).toBe('windows')
    const ipconfig = ipconfigGolden('misc-xp-sp3-en-loopback-adapter')
    expect(value(facts.adapters)).toEqual(ipconfig.adapters)
    expect(value(facts.winAddresses)).toEqual(ipconfig.addresses)
    expect(value(facts.interfaces)).toEqual(interfacesFromWindows(value(facts.adapters), value(facts.winAddresses)))
    expect(value(facts.interfaces).find((nic) => nic.name === 'Local Area Connection 2')).toMatchObject({loopback: true, noArp: true, addresses: [{address: '10.10.10.10', prefixLength: 24}]})
    const routes = routesGolden('misc-xp-forum-asix-usb-ethernet')
    expect(value(facts.winRoutes)).toEqual(routes)
    expect(value(facts.routes)).toEqual(commonRoutes(routes))
    expect(value(facts.listeners)).toEqual(windowsGolden('misc-win81-de-crwinnetdiag', 'netstat-ano'))
    // The index of `show interface 39` is the block's IfIndex too.
    expect(value(facts.ipInterfaces)).toEqual([windowsGolden('netsh-win10-wslroutesvc-go-test', 'netsh-ipv4-interface-39')])
  })

  it('a PowerShell ticket: each cmdlet through its Format-Table/Format-List parser', () => {
    const {facts} = factsFromPaste(pasteFixture('windows-powershell-ticket'))
    expect(value(facts.ipInterfaces)).toEqual(windowsGolden('ps-davejlong-win10-netipinterface', 'ps-netipinterface-text'))
    expect(value(facts.winAddresses)).toEqual(windowsGolden('ps-sample-winserver2019-dc-netipaddress', 'ps-netipaddress-text'))
    expect(value(facts.adapters)).toEqual(windowsGolden('ps-sample-win10-netadapter-kmtest-loopback', 'ps-netadapter-text'))
    expect(value(facts.firewallProfiles)).toEqual(windowsGolden('ps-sample-lab-netfirewallprofile-disabled', 'ps-netfirewallprofile-text'))
    expect(value(facts.winRoutes)).toEqual(windowsGolden('ps-sample-k8s-node-netroute', 'ps-netroute-text'))
    expect(value(facts.listeners)).toEqual(windowsGolden('ps-thm-winserver2016-tcp-listen', 'ps-nettcpconnection-listen-text'))
    expect(value(facts.windowsOs)).toEqual(windowsGolden('ps-crtp-lab-winserver2019-os', 'ps-os-text'))
    expect(facts.os).toEqual({
      status: 'ok',
      value: {platform: 'windows', hostname: 'unknown', distro: 'unknown', release: '10.0.17763', kernel: '17763'},
      source: 'pasted "gwmi -Class win32_operatingsystem" (lines 172-177)',
    })
  })

  it('a Simplified-Chinese ticket: localized ipconfig, netsh, route print, netstat and advfirewall', () => {
    const {facts} = factsFromPaste(pasteFixture('windows-zh-cn-ticket'))
    const ipconfig = ipconfigGolden('misc-win7-zh-cn-plain')
    expect(value(facts.adapters)).toEqual(ipconfig.adapters)
    expect(value(facts.winAddresses)).toEqual(ipconfig.addresses)
    expect(value(facts.ipInterfaces)).toEqual([windowsGolden('netsh-zh-cn-lab9-wlan', 'netsh-ipv4-interface-5')])
    expect(value(facts.winRoutes)).toEqual(routesGolden('misc-win7-zh-cn-loopback-adapters'))
    expect(value(facts.listeners)).toEqual(windowsGolden('misc-win10-zh-cn-incident-response', 'netstat-ano'))
    expect(value(facts.firewallProfiles)).toEqual(windowsGolden('netsh-zh-cn-qianxin-proxy-currentprofile', 'netsh-advfirewall-profiles'))
  })

  it('a CRLF paste without prompts: legacy firewall, HTTP.sys, appcmd, advfirewall, netsh addresses', () => {
    const {facts} = factsFromPaste(pasteFixture('windows-crlf-no-prompts'))
    const state = windowsGolden('netsh-win2008-iis-webshell-state', 'netsh-firewall-state') as NetshFirewallState
    const openings = windowsGolden('netsh-xp-metasploit-unleashed-portopening', 'netsh-firewall-portopening') as NetshPortOpening[]
    expect(value(facts.legacyFirewall)).toEqual(legacyFirewall(state, openings))
    expect(facts.legacyFirewall?.source).toBe('pasted "netsh firewall show state" (lines 4-17); pasted "netsh firewall show portopening" (lines 27-42)')
    expect(value(facts.httpIpListen)).toEqual(windowsGolden('netsh-iis-clone-iplisten', 'netsh-http-iplisten'))
    expect(value(facts.iisBindings)).toEqual(windowsGolden('misc-iis-appcmd-specific-ip', 'appcmd-list-site'))
    expect(value(facts.firewallRules)).toEqual(windowsGolden('netsh-dcos-admin-router-rule', 'netsh-advfirewall-rules-in'))
    expect(value(facts.firewallProfiles)).toEqual(windowsGolden('netsh-htb-academy-allprofiles-off', 'netsh-advfirewall-profiles'))
    const config = windowsGolden('netsh-win10-wslroutesvc-go-test', 'netsh-ip-config') as Array<{addresses: unknown[]}>
    expect(value(facts.winAddresses)).toEqual(config.flatMap((block) => block.addresses))
    // As a 2003 bundle does: the interface metric from the `show config` block when nothing else shows it.
    expect(value(facts.ipInterfaces)).toEqual([{alias: 'vEthernet (WSL)', family: 'inet', interfaceMetric: 15}])
    // Addresses without adapters make no interfaces: a loopback adapter is known by its description.
    expect(unavailable(facts.interfaces).detail).toContain('`Get-NetAdapter` or `ipconfig /all`')
  })

  it('names the pasted lines in each source', () => {
    const {facts} = factsFromPaste(pasteFixture('windows-2008-cmd-ticket'))
    expect(facts.adapters?.source).toBe('pasted "ipconfig /all" (lines 10-62)')
    expect(facts.interfaces.source).toBe('pasted "ipconfig /all" (lines 10-62)')
    expect(facts.ipInterfaces?.source).toBe('pasted "netsh interface ipv4 show interfaces" (lines 96-100); pasted "netsh interface ipv4 show interface 39" (lines 104-135)')
    expect(facts.listeners.source).toBe('pasted "netstat -ano" (lines 142-267)')
    expect(factsFromPaste(pasteFixture('windows-powershell-ticket')).facts.winRoutes?.source).toBe('pasted "Get-NetRoute" (lines 138-142)')
  })
})

describe('what the paste lacks', () => {
  const {facts} = factsFromPaste(pasteFixture('windows-2008-cmd-ticket'))

  it.each([
    ['windowsOs', '`Get-CimInstance Win32_OperatingSystem | Format-List Caption,Version,BuildNumber`'],
    ['bindings', '`Get-NetAdapterBinding`'],
    ['dnsClients', '`Get-DnsClient | Format-List`'],
    ['connectionProfiles', '`Get-NetConnectionProfile`'],
    ['firewallProfiles', '`Get-NetFirewallProfile` or `netsh advfirewall show allprofiles`'],
    ['firewallRules', '`netsh advfirewall firewall show rule name=all dir=in verbose` or `Get-NetFirewallRule`'],
    ['legacyFirewall', '`netsh firewall show state` and `netsh firewall show portopening`'],
    ['iisBindings', '`%windir%\\system32\\inetsrv\\appcmd list site`'],
    ['httpIpListen', '`netsh http show iplisten`'],
  ] as const)('%s: names the command to paste', (name, ask) => {
    expect(facts[name]).toEqual({status: 'unavailable', reason: 'not-collected', detail: `not in the pasted text (paste the output of ${ask})`, source: 'pasted text'})
  })

  it('asks for Get-NetIPInterface | Format-List or netsh show interface when no interface settings were pasted', () => {
    const {facts: ps} = factsFromPaste(`PS C:\\> Get-NetAdapter\n${windowsFixture('ps-sample-win10-netadapter-kmtest-loopback', 'ps-netadapter-text.txt')}`)
    expect(unavailable(ps.ipInterfaces).detail).toBe('not in the pasted text (paste the output of `Get-NetIPInterface | Format-List` or `netsh interface ipv4 show interface <index>`)')
  })

  it('reports the Linux-only facts as unsupported, as a bundle does', () => {
    for (const name of LINUX_ONLY) expect(facts[name]).toEqual({status: 'unavailable', reason: 'unsupported', detail: 'a Linux fact; this is a Windows host', source: 'platform'})
    expect(facts.privileged).toBe(false)
  })
})

describe('netsh show interface with the interface table', () => {
  const TABLE = windowsFixture('netsh-win2008r2-jumbo-frames', 'netsh-ipv4-interfaces.txt')
  // A block whose title wording the parser does not know, and without a Metric line.
  const BLOCK = ['Paramètres de interface', '----------------------------------------------', 'IfLuid                             : ethernet_32775',
    'IfIndex                            : 11', 'State                              : connected', 'Weak Host Sends                    : enabled', 'Weak Host Receives                 : enabled'].join('\n')

  it('takes the index from the command, and alias and metric from the table row', () => {
    const {facts} = factsFromPaste(`C:\\>netsh interface ipv4 show interfaces\n${TABLE}\nC:\\>netsh interface ipv4 show interface 11\n${BLOCK}`)
    expect(parseNetshInterface(BLOCK, 'inet').alias).toBe('')
    expect(value(facts.ipInterfaces)).toEqual([{...parseNetshInterface(BLOCK, 'inet'), index: 11, alias: 'LAN 1 - 192.168.10.x', interfaceMetric: 5}])
  })

  it('reads the family from `netsh interface ipv6`', () => {
    const {facts} = factsFromPaste(`C:\\>netsh interface ipv6 show interface 11\n${BLOCK}`)
    expect(value(facts.ipInterfaces)).toMatchObject([{family: 'inet6', index: 11, alias: ''}])
  })
})

describe('parse errors become unavailable facts with pasted line numbers', () => {
  const BAD_TABLE = ['ifIndex IPAddress      PrefixLength PrefixOrigin SuffixOrigin AddressState PolicyStore', '------- ---------      ------------ ------------ ------------ ------------ -----------',
    '12      300.1.1.1                32 Manual       Manual       Preferred    ActiveStore'].join('\n')

  it('points at the pasted line of a bad row', () => {
    const {facts} = factsFromPaste(`Addresses:\nPS C:\\> Get-NetIPAddress\n\n${BAD_TABLE}`)
    expect(unavailable(facts.winAddresses)).toMatchObject({reason: 'parse-error', detail: expect.stringMatching(/IPAddress is not an IP address.*\(pasted line 6\)$/), source: 'pasted "Get-NetIPAddress" (lines 4-6)'})
  })

  it('falls back to the next source, as a bundle does', () => {
    const ipconfig = windowsFixture('misc-xp-sp3-en-loopback-adapter', 'ipconfig-all.txt')
    const {facts} = factsFromPaste(`PS C:\\> Get-NetIPAddress\n${BAD_TABLE}\n\nPS C:\\> ipconfig /all\n${ipconfig}`)
    expect(value(facts.winAddresses)).toEqual(ipconfigGolden('misc-xp-sp3-en-loopback-adapter').addresses)
  })
})

describe('the host', () => {
  const ADAPTERS = windowsFixture('ps-sample-win10-netadapter-kmtest-loopback', 'ps-netadapter-text.txt')

  it('comes from a PowerShell remoting prompt', () => {
    const {facts, hosts} = factsFromPaste(`[WEB01]: PS C:\\Users\\admin\\Documents> Get-NetAdapter\n${ADAPTERS}`)
    expect(hosts).toEqual(['WEB01'])
    expect(facts.os).toEqual({status: 'ok', value: {platform: 'windows', hostname: 'WEB01', distro: 'unknown', release: 'unknown', kernel: 'unknown'}, source: 'pasted prompt "[WEB01]: PS C:\\Users\\admin\\Documents>" (line 1)'})
  })

  it('comes from `hostname` output; a path prompt names none', () => {
    const {facts, hosts, sections} = factsFromPaste(`PS C:\\Users\\admin> hostname\nWEB01\nPS C:\\Users\\admin> Get-NetAdapter\n${ADAPTERS}`)
    expect(sections.map((s) => s.kind)).toEqual(['hostname', 'ps-netadapter'])
    expect(hosts).toEqual(['WEB01'])
    expect(value(facts.os)).toMatchObject({hostname: 'WEB01'})
    expect(facts.os.source).toBe('pasted "hostname" (lines 2-2)')
    expect(value(factsFromPaste(`C:\\Users\\admin>ipconfig /all\n${windowsFixture('misc-xp-sp3-en-loopback-adapter', 'ipconfig-all.txt')}`).facts.os).hostname).toBe('unknown')
  })

  it('lists every host when `hostname` printed two names', () => {
    expect(factsFromPaste('PS C:\\> hostname\nWEB01\n\nPS C:\\> hostname\nweb02').hosts).toEqual(['WEB01', 'web02'])
  })
})

describe('a paste mixing Linux and Windows output', () => {
  // Each output describes its own host: the facts of one platform are audited, the other's
  // sections are listed with the ignored blocks, marked with their kind.
  const kinds = (facts: HostFacts) => Object.keys(facts).filter((name) => name.startsWith('win') || name === 'adapters')

  it('audits the platform with more sections and leaves the other`s out', () => {
    const linux = pasteFixture('crlf-trailing-spaces').replace(/\r\n/g, '\n')
    const windows = pasteFixture('windows-ipconfig-netsh')
    const pasted = factsFromPaste(`${windows}\n${linux}`)
    expect(pasted.platform).toBe('linux')
    expect(pasted.sections.every((s) => !s.kind.startsWith('ipconfig') && !s.kind.startsWith('ps-') && !s.kind.startsWith('netsh'))).toBe(true)
    expect(pasted.ignored.filter((b) => b.kind !== undefined).map((b) => [b.kind, b.startLine, b.endLine])).toEqual([
      ['ipconfig-all', 4, 44],
      ['netsh-ipv4-interfaces', 47, 56],
      ['ps-netipinterface', 59, 64],
    ])
    expect(kinds(pasted.facts)).toEqual([])
  })

  it('audits Windows when Windows output is the larger part, the Linux section ignored', () => {
    const ipAddr = '$ ip addr\n1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue state UNKNOWN\n    inet 127.0.0.1/8 scope host lo'
    const pasted = factsFromPaste(`${pasteFixture('windows-2008-cmd-ticket')}\n${ipAddr}`)
    expect(pasted.platform).toBe('windows')
    expect(pasted.sections).toHaveLength(5)
    expect(pasted.ignored.at(-1)).toMatchObject({kind: 'ip-addr', startLine: 275, endLine: 276})
    expect(value(pasted.facts.adapters)).toHaveLength(4)
  })

  it('on a tie, audits the platform whose output comes first', () => {
    const ipAddr = '$ ip addr\n1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue state UNKNOWN\n    inet 127.0.0.1/8 scope host lo'
    const netroute = `PS C:\\> Get-NetRoute\n${windowsFixture('ps-sample-k8s-node-netroute', 'ps-netroute-text.txt')}`
    expect(factsFromPaste(`${ipAddr}\n\n${netroute}`).platform).toBe('linux')
    expect(factsFromPaste(`${netroute}\n\n${ipAddr}`).platform).toBe('windows')
  })
})
