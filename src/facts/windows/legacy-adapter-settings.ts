/**
 * Adapter bindings and DNS registration on Windows 2003 and 2008/2008 R2, which have neither
 * Get-NetAdapterBinding nor Get-DnsClient:
 * - DNS registration is Win32_NetworkAdapterConfiguration's FullDNSRegistrationEnabled ("Register
 *   this connection's addresses in DNS"), read with `wmic nicconfig`.
 * - Bindings are the registry's `Services\<service>\Linkage\Bind` lists: a network component is
 *   bound to an adapter when its service's Bind list names the adapter's GUID (the nicconfig
 *   SettingID), as `\Device\{GUID}`, `\Device\Tcpip_{GUID}`, `\Device\NetBT_Tcpip_{GUID}`...
 *   Microsoft's own SMB binding repair script (TSS tss_SMB_Fix-SmbBindings.ps1) decides "bound"
 *   the same way. Unticking a component in the adapter's properties drops the adapter from
 *   that list.
 * WMI's Win32_NetworkAdapterConfiguration has no connection name, so each adapter is matched to
 * its alias by its IP addresses (ipconfig or netsh gave those with the alias).
 */
import {linkageCommand, type LinkageService, WINDOWS_COMMANDS} from '../../collect/windows-commands.js'
import type {RawSource} from '../../collect/raw-source.js'
import {parseRegQuery, regStrings} from '../../parse/windows/reg-query.js'
import {parseWmicNicConfig, type WmicNicConfig} from '../../parse/windows/wmic-list.js'
import {sameAddress} from '../cidr.js'
import {factFromCommand} from '../from-capture.js'
import type {Fact} from '../model.js'
import type {WinAddress, WinBinding, WinDnsClient} from '../windows-model.js'

/**
 * The Get-NetAdapterBinding component each service is, and whether its Linkage key must be
 * readable. TCP/IP, the client and File and Printer Sharing exist on every 2003 and 2008
 * server; IPv6 and the LLTD components are absent from a 2003 install, so a failed query of
 * theirs means "not installed" (no binding), not "unknown".
 */
const COMPONENTS: ReadonlyArray<{service: LinkageService; componentId: string; displayName: string; required: boolean}> = [
  {service: 'Tcpip', componentId: 'ms_tcpip', displayName: 'Internet Protocol (TCP/IP)', required: true},
  {service: 'Tcpip6', componentId: 'ms_tcpip6', displayName: 'Internet Protocol Version 6 (TCP/IPv6)', required: false},
  {service: 'LanmanWorkstation', componentId: 'ms_msclient', displayName: 'Client for Microsoft Networks', required: true},
  {service: 'LanmanServer', componentId: 'ms_server', displayName: 'File and Printer Sharing for Microsoft Networks', required: true},
  {service: 'lltdio', componentId: 'ms_lltdio', displayName: 'Link-Layer Topology Discovery Mapper I/O Driver', required: false},
  {service: 'rspndr', componentId: 'ms_rspndr', displayName: 'Link-Layer Topology Discovery Responder', required: false},
]

/** The cmdlet's fact when it has one; else the legacy one, unless that was simply not collected either. */
export async function orLegacy<T>(cmdlet: Fact<T>, legacy: () => Promise<Fact<T>>): Promise<Fact<T>> {
  if (cmdlet.status === 'ok') return cmdlet
  const fallback = await legacy()
  return fallback.status === 'ok' || fallback.reason !== 'not-collected' ? fallback : cmdlet
}

/** FullDNSRegistrationEnabled of each adapter whose addresses tie it to an alias. */
export async function dnsClientsFromWmi(source: RawSource, addresses: Fact<WinAddress[]>): Promise<Fact<WinDnsClient[]>> {
  const configs = await namedConfigs(source, addresses)
  if (configs.status !== 'ok') return configs
  const value = configs.value.flatMap(({alias, config}): WinDnsClient[] =>
    config.fullDnsRegistration === undefined ? [] : [{alias, registerThisConnectionsAddress: config.fullDnsRegistration, setting: 'FullDNSRegistrationEnabled'}],
  )
  return {...configs, value}
}

/** One WinBinding per adapter (with an alias and a GUID) and installed component. */
export async function bindingsFromRegistry(source: RawSource, addresses: Fact<WinAddress[]>): Promise<Fact<WinBinding[]>> {
  const configs = await namedConfigs(source, addresses)
  if (configs.status !== 'ok') return configs
  const sources = [configs.source]
  const bound: Array<{componentId: string; displayName: string; devices: string[]}> = []
  for (const component of COMPONENTS) {
    const fact = factFromCommand(await source.run(linkageCommand(component.service)), (text) => regStrings(parseRegQuery(text), 'Bind') ?? [])
    if (fact.status !== 'ok') {
      if (component.required) return fact
      continue
    }
    sources.push(fact.source)
    bound.push({componentId: component.componentId, displayName: component.displayName, devices: fact.value.map((d) => d.toUpperCase())})
  }

  const value = configs.value.flatMap(({alias, config}) => {
    const guid = config.settingId?.toUpperCase()
    if (guid === undefined) return []
    return bound.map((c): WinBinding => ({alias, componentId: c.componentId, displayName: c.displayName, enabled: c.devices.some((device) => device.includes(guid))}))
  })
  return {status: 'ok', value, source: sources.join('; ')}
}

/** nicconfig instances with the alias of the adapter holding one of their addresses; the others are dropped. */
async function namedConfigs(source: RawSource, addresses: Fact<WinAddress[]>): Promise<Fact<Array<{alias: string; config: WmicNicConfig}>>> {
  const nic = factFromCommand(await source.run(WINDOWS_COMMANDS.wmicNicConfig), parseWmicNicConfig)
  if (nic.status !== 'ok') return nic
  if (addresses.status !== 'ok') return addresses
  const value = nic.value.flatMap((config) => {
    const owner = addresses.value.find((a) => config.ipAddresses.some((ip) => sameAddress(ip, a.address)))
    return owner === undefined ? [] : [{alias: owner.alias, config}]
  })
  return {status: 'ok', value, source: `${nic.source} (matched to adapters by address: ${addresses.source})`}
}
