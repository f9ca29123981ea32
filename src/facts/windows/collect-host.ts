/**
 * Gathers Windows facts from a RawSource (a bundle from collect.ps1 or collect.cmd). Each
 * fact prefers the PowerShell cmdlets' JSON (2012 and later: values are not localized) and
 * falls back to netsh, ipconfig, route print and netstat (2003, 2008, and hosts without the
 * cmdlets), whose localized text the parsers read by structure, and to wmic and the registry
 * for bindings and DNS registration.
 */
import {WINDOWS_COMMANDS as C, WINDOWS_PATHS, netshInterfaceCommand} from '../../collect/windows-commands.js'
import type {RawSource} from '../../collect/raw-source.js'
import {parseApplicationHostSites} from '../../parse/windows/iis-config.js'
import {parseIis6Metabase} from '../../parse/windows/iis6-metabase.js'
import {parseIpconfig} from '../../parse/windows/ipconfig.js'
import {parseAppcmdSites} from '../../parse/windows/appcmd-sites.js'
import {parseNetshAddresses} from '../../parse/windows/netsh-addresses.js'
import {parseNetshAdvfirewallProfiles, parseNetshAdvfirewallRules} from '../../parse/windows/netsh-advfirewall.js'
import {legacyFirewall, parseNetshFirewallPortopening, parseNetshFirewallState} from '../../parse/windows/netsh-firewall-legacy.js'
import {parseNetshHttpIplisten} from '../../parse/windows/netsh-http-iplisten.js'
import {parseNetshInterface} from '../../parse/windows/netsh-interface.js'
import {parseNetshInterfaces} from '../../parse/windows/netsh-interfaces.js'
import {parseNetstatAno} from '../../parse/windows/netstat-ano.js'
import {parseDnsClientJson} from '../../parse/windows/ps-dnsclient.js'
import {parseNetAdapterJson} from '../../parse/windows/ps-netadapter.js'
import {parseNetAdapterBindingJson} from '../../parse/windows/ps-netadapterbinding.js'
import {parseNetConnectionProfileJson} from '../../parse/windows/ps-netconnectionprofile.js'
import {parseNetFirewallProfileJson} from '../../parse/windows/ps-netfirewallprofile.js'
import {parseNetFirewallRuleJson} from '../../parse/windows/ps-netfirewallrule.js'
import {parseNetIPAddressJson} from '../../parse/windows/ps-netipaddress.js'
import {parseNetIPInterfaceJson} from '../../parse/windows/ps-netipinterface.js'
import {parseNetRouteJson} from '../../parse/windows/ps-netroute.js'
import {parseNetTcpConnectionJson} from '../../parse/windows/ps-nettcpconnection.js'
import {parseOsJson} from '../../parse/windows/ps-os.js'
import {parseRoutePrint} from '../../parse/windows/route-print.js'
import {factFromCommand, factFromFile, firstAvailable} from '../from-capture.js'
import type {Fact, HostFacts} from '../model.js'
import type {WindowsOs, WinIpInterface} from '../windows-model.js'
import {bindingsFromRegistry, dnsClientsFromWmi, orLegacy} from './legacy-adapter-settings.js'
import {commonInterfaces, commonRoutes, metricsFromIpConfig} from './normalize.js'

export async function collectWindowsFacts(source: RawSource): Promise<HostFacts> {
  const run = async <T>(spec: (typeof C)[keyof typeof C], parse: (text: string) => T) => factFromCommand(await source.run(spec), parse)
  const identity = await source.identity()
  const [windowsOs, adapters, winAddresses, ipInterfaces, winRoutes, listeners] = await Promise.all([
    firstAvailable<WindowsOs>([() => run(C.os, parseOsJson), async () => osFromIdentity(identity)]),
    firstAvailable([() => run(C.netAdapter, parseNetAdapterJson), () => run(C.ipconfigAll, (t) => parseIpconfig(t).adapters)]),
    firstAvailable([() => run(C.netIpAddress, parseNetIPAddressJson), () => run(C.netshIpv4Addresses, parseNetshAddresses), () => run(C.ipconfigAll, (t) => parseIpconfig(t).addresses)]),
    firstAvailable([() => run(C.netIpInterface, parseNetIPInterfaceJson), () => netshIpInterfaces(source), () => run(C.netshIpConfig, metricsFromIpConfig)]),
    firstAvailable([() => run(C.netRoute, parseNetRouteJson), () => run(C.routePrint, (t) => parseRoutePrint(t).routes)]),
    firstAvailable([() => run(C.netTcpListen, parseNetTcpConnectionJson), () => run(C.netstat, parseNetstatAno)]),
  ])
  const notLinux = {status: 'unavailable' as const, reason: 'unsupported' as const, detail: 'a Linux fact; this is a Windows host', source: 'platform'}
  return {
    os: identity,
    interfaces: commonInterfaces(adapters, winAddresses),
    routes: commonRoutes(winRoutes),
    listeners,
    ipv4Conf: notLinux,
    bootSysctl: notLinux,
    persistedAddresses: notLinux,
    networkStack: notLinux,
    privileged: source.privileged,
    windowsOs,
    adapters,
    winAddresses,
    ipInterfaces,
    winRoutes,
    bindings: await orLegacy(await run(C.netAdapterBinding, parseNetAdapterBindingJson), () => bindingsFromRegistry(source, winAddresses)),
    dnsClients: await orLegacy(await run(C.dnsClient, parseDnsClientJson), () => dnsClientsFromWmi(source, winAddresses)),
    connectionProfiles: await run(C.netConnectionProfile, parseNetConnectionProfileJson),
    firewallProfiles: await firstAvailable([() => run(C.netFirewallProfile, parseNetFirewallProfileJson), () => run(C.advfirewallProfiles, parseNetshAdvfirewallProfiles)]),
    firewallRules: await firstAvailable([() => run(C.netFirewallRule, parseNetFirewallRuleJson), () => run(C.advfirewallRules, parseNetshAdvfirewallRules)]),
    legacyFirewall: await legacyFirewallFact(source),
    iisBindings: await iisBindings(source),
    httpIpListen: await run(C.httpIplisten, parseNetshHttpIplisten),
  }
}



function osFromIdentity(identity: Awaited<ReturnType<RawSource['identity']>>): Fact<WindowsOs> {
  if (identity.status !== 'ok') return identity
  return {status: 'ok', value: {caption: identity.value.distro, version: identity.value.release}, source: identity.source}
}

/** netsh on 2008 and older: the interface list, then `show interface N` for each index. */
async function netshIpInterfaces(source: RawSource): Promise<Fact<WinIpInterface[]>> {
  const list = factFromCommand(await source.run(C.netshIpv4Interfaces), parseNetshInterfaces)
  if (list.status !== 'ok') return list
  const settings: WinIpInterface[] = []
  for (const row of list.value) {
    const detail = factFromCommand(await source.run(netshInterfaceCommand(row.index)), (text) => parseNetshInterface(text, 'inet'))
    if (detail.status !== 'ok') return detail
    settings.push({...detail.value, index: row.index, alias: detail.value.alias || row.alias, interfaceMetric: detail.value.interfaceMetric ?? row.metric})
  }

  return {status: 'ok', value: settings, source: list.source}
}


async function legacyFirewallFact(source: RawSource): Promise<HostFacts['legacyFirewall']> {
  const state = factFromCommand(await source.run(C.firewallState), parseNetshFirewallState)
  if (state.status !== 'ok') return state
  const openings = factFromCommand(await source.run(C.firewallPortopening), parseNetshFirewallPortopening)
  return {status: 'ok', value: legacyFirewall(state.value, openings.status === 'ok' ? openings.value : []), source: state.source}
}

/** IIS 7+ config, else appcmd, else the IIS 6 metabase; none at all means IIS is not installed. */
async function iisBindings(source: RawSource): Promise<HostFacts['iisBindings']> {
  const config = await source.readFile(WINDOWS_PATHS.applicationHost)
  if (config.content !== undefined) return factFromFile(config, parseApplicationHostSites)
  const appcmd = await source.run(C.appcmdSites)
  if (!appcmd.failure) return factFromCommand(appcmd, parseAppcmdSites)
  const metabase = await source.readFile(WINDOWS_PATHS.metabase)
  if (metabase.content !== undefined) return factFromFile(metabase, parseIis6Metabase)
  const denied = [config, metabase].find((file) => file.failure?.reason === 'permission-denied')
  if (denied?.failure) return {status: 'unavailable', reason: 'permission-denied', detail: denied.failure.detail, source: denied.path}
  if ([config, metabase].some((file) => file.failure?.reason === 'not-collected') && appcmd.failure?.reason === 'not-collected') {
    return {status: 'unavailable', reason: 'not-collected', detail: 'IIS configuration is not in the capture', source: WINDOWS_PATHS.applicationHost}
  }

  return {status: 'ok', value: [], source: 'no IIS configuration on this host'}
}
