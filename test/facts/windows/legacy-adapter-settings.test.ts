/**
 * Bindings and DNS registration from wmic and the registry (Windows 2003 and 2008). The outputs
 * are synthetic, written in the layouts of the real captures the parser tests read
 * (fixtures/windows/wmic-win10-nicconfig-value, reg-query-*): REG.EXE 3.0 with tabs and `\0\0`
 * for 2003, four spaces for 2008.
 */
import {describe, expect, it} from 'vitest'

import {bindingsFromRegistry, dnsClientsFromWmi, orLegacy} from '../../../src/facts/windows/legacy-adapter-settings.js'
import type {Fact} from '../../../src/facts/model.js'
import type {WinAddress} from '../../../src/facts/windows-model.js'
import {commandFailure, FakeSource} from '../../collect/fake-source.js'

const LB = '{2D0A8C4E-1B7F-4E55-9A43-6C1D2E3F4A5B}'
const NIC = '{7E1F3A90-5C2B-4D8E-B6A1-0F9E8D7C6B5A}'

const nicconfig = (lbRegisters: boolean): string =>
  [
    '', '',
    'Description=Intel(R) PRO/1000 MT Network Connection', 'DomainDNSRegistrationEnabled=FALSE', 'FullDNSRegistrationEnabled=TRUE', 'Index=1',
    'IPAddress={"198.51.100.20"}', `SettingID=${NIC}`, '', '',
    'Description=Microsoft Loopback Adapter', 'DomainDNSRegistrationEnabled=FALSE', `FullDNSRegistrationEnabled=${lbRegisters ? 'TRUE' : 'FALSE'}`, 'Index=2',
    'IPAddress={"198.51.100.10"}', `SettingID=${LB.toLowerCase()}`, '', '',
    'Description=RAS Async Adapter', 'DomainDNSRegistrationEnabled=', 'FullDNSRegistrationEnabled=', 'Index=3', 'IPAddress=', 'SettingID={78032B7E-4968-42D3-9F37-287EA86C0AAA}', '', '',
  ].join('\r\r\n')

const xpLinkage = (service: string, devices: string[]): string =>
  ['! REG.EXE VERSION 3.0', '', `HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Services\\${service}\\Linkage`, `    Bind\tREG_MULTI_SZ\t${devices.join('\\0')}\\0\\0`, ''].join('\r\n')

const ADDRESSES: Fact<WinAddress[]> = {
  status: 'ok',
  value: [
    {alias: 'Local Area Connection', family: 'inet', address: '198.51.100.20', prefixLength: 24},
    {alias: 'Bouclage réseau', family: 'inet', address: '198.51.100.10', prefixLength: 24},
  ],
  source: 'ipconfig /all',
}

function host2003(options: {serverOnLoopback?: boolean; lbRegisters?: boolean; lanmanServer?: string | ReturnType<typeof commandFailure>} = {}): FakeSource {
  const server = [`\\Device\\NetBT_Tcpip_${NIC}`, ...(options.serverOnLoopback ? [`\\Device\\NetBT_Tcpip_${LB}`] : []), '\\Device\\NetbiosSmb']
  return new FakeSource({
    commands: {
      'wmic-nicconfig': nicconfig(options.lbRegisters ?? false),
      'reg-linkage-tcpip': xpLinkage('Tcpip', [`\\Device\\${NIC}`, `\\Device\\${LB}`, '\\Device\\NdisWanIp']),
      'reg-linkage-tcpip6': commandFailure('nonzero-exit', 'reg query HKLM\\SYSTEM\\CurrentControlSet\\Services\\Tcpip6\\Linkage /v Bind exited with 1'),
      'reg-linkage-lanmanworkstation': xpLinkage('LanmanWorkstation', [`\\Device\\NetBT_Tcpip_${NIC}`, '\\Device\\NetbiosSmb']),
      'reg-linkage-lanmanserver': options.lanmanServer ?? xpLinkage('LanmanServer', server),
      'reg-linkage-lltdio': commandFailure('nonzero-exit', 'exited with 1'),
      'reg-linkage-rspndr': commandFailure('nonzero-exit', 'exited with 1'),
    },
  })
}

const enabledOn = (fact: Awaited<ReturnType<typeof bindingsFromRegistry>>, alias: string): string[] =>
  fact.status === 'ok' ? fact.value.filter((b) => b.alias === alias && b.enabled).map((b) => b.componentId) : []

describe('bindingsFromRegistry', () => {
  it('binds a component to an adapter when its service\'s Linkage Bind names the adapter GUID, in any case', async () => {
    const fact = await bindingsFromRegistry(host2003(), ADDRESSES)
    expect(enabledOn(fact, 'Bouclage réseau')).toEqual(['ms_tcpip'])
    expect(enabledOn(fact, 'Local Area Connection')).toEqual(['ms_tcpip', 'ms_msclient', 'ms_server'])
    expect(fact.status === 'ok' && fact.value.find((b) => b.alias === 'Bouclage réseau' && b.componentId === 'ms_server')).toEqual({
      alias: 'Bouclage réseau', componentId: 'ms_server', displayName: 'File and Printer Sharing for Microsoft Networks', enabled: false,
    })
  })

  it('sees File and Printer Sharing left on the loopback', async () => {
    expect(enabledOn(await bindingsFromRegistry(host2003({serverOnLoopback: true}), ADDRESSES), 'Bouclage réseau')).toEqual(['ms_tcpip', 'ms_server'])
  })

  it('skips components that are not installed (no Tcpip6 or LLTD key on 2003), and names its sources', async () => {
    const fact = await bindingsFromRegistry(host2003(), ADDRESSES)
    expect(fact.status === 'ok' && [...new Set(fact.value.map((b) => b.componentId))]).toEqual(['ms_tcpip', 'ms_msclient', 'ms_server'])
    expect(fact.status === 'ok' && fact.source).toContain('reg query HKLM\\SYSTEM\\CurrentControlSet\\Services\\LanmanServer\\Linkage /v Bind')
  })

  it('is unavailable when a component every server has cannot be read, never a pass', async () => {
    const fact = await bindingsFromRegistry(host2003({lanmanServer: commandFailure('permission-denied', 'access denied')}), ADDRESSES)
    expect(fact).toMatchObject({status: 'unavailable', reason: 'permission-denied'})
  })

  it('is unavailable without wmic, or without the adapters\' addresses', async () => {
    expect(await bindingsFromRegistry(new FakeSource({commands: {}}), ADDRESSES)).toMatchObject({status: 'unavailable', reason: 'not-collected'})
    const noAddresses: Fact<WinAddress[]> = {status: 'unavailable', reason: 'parse-error', detail: 'x', source: 'ipconfig /all'}
    expect(await bindingsFromRegistry(host2003(), noAddresses)).toMatchObject({status: 'unavailable', reason: 'parse-error'})
  })
})

describe('dnsClientsFromWmi', () => {
  it('reads FullDNSRegistrationEnabled of the adapters it can name, and says so', async () => {
    expect(await dnsClientsFromWmi(host2003(), ADDRESSES)).toMatchObject({
      status: 'ok',
      value: [
        {alias: 'Local Area Connection', registerThisConnectionsAddress: true, setting: 'FullDNSRegistrationEnabled'},
        {alias: 'Bouclage réseau', registerThisConnectionsAddress: false, setting: 'FullDNSRegistrationEnabled'},
      ],
    })
    const on = await dnsClientsFromWmi(host2003({lbRegisters: true}), ADDRESSES)
    expect(on.status === 'ok' && on.value.find((c) => c.alias === 'Bouclage réseau')?.registerThisConnectionsAddress).toBe(true)
  })
})

describe('orLegacy', () => {
  const cmdletFailed: Fact<number> = {status: 'unavailable', reason: 'permission-denied', detail: 'Get-DnsClient failed', source: 'ps-dnsclient'}
  it('prefers the cmdlet, then the legacy fact, and keeps the cmdlet\'s reason when the legacy source was not collected', async () => {
    expect(await orLegacy({status: 'ok', value: 1, source: 'cmdlet'}, () => Promise.reject(new Error('not called')))).toMatchObject({value: 1})
    expect(await orLegacy(cmdletFailed, async () => ({status: 'ok', value: 2, source: 'wmic'}))).toMatchObject({value: 2})
    expect(await orLegacy(cmdletFailed, async () => ({status: 'unavailable', reason: 'not-collected', detail: 'x', source: 'wmic'}))).toBe(cmdletFailed)
    expect(await orLegacy(cmdletFailed, async () => ({status: 'unavailable', reason: 'parse-error', detail: 'x', source: 'wmic'}))).toMatchObject({reason: 'parse-error'})
  })
})
