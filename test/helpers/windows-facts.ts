/**
 * HostFacts for Windows rule tests: a correctly configured Windows Server 2019 DR real server
 * (RIP 192.0.2.20/24 on "Ethernet", VIP 198.51.100.10/32 on the KM-TEST loopback "LB-Loopback",
 * weak host settings, only TCP/IP bound, no DNS registration, HTTP allowed in every profile,
 * IIS on All Unassigned) that each case changes where it matters.
 */
import type {Fact, HostFacts, Listener} from '../../src/facts/model.js'
import {interfacesFromWindows} from '../../src/facts/windows/normalize.js'
import type {WindowsFactsShape} from '../../src/facts/windows-model.js'
import {NO_STACK, ok} from './host-facts.js'

export const WIN_VIP = '198.51.100.10'
export const WIN_RIP = '192.0.2.20'

export function goodWindows(): WindowsFactsShape & {listeners: Listener[]} {
  return {
    windowsOs: {caption: 'Microsoft Windows Server 2019 Standard', version: '10.0.17763', build: 17_763},
    adapters: [
      {index: 5, alias: 'Ethernet', description: 'Intel(R) 82574L Gigabit Network Connection', status: 'up'},
      {index: 12, alias: 'LB-Loopback', description: 'Microsoft KM-TEST Loopback Adapter', hardwareId: '*MSLOOP', status: 'up'},
    ],
    ipInterfaces: [
      {index: 5, alias: 'Ethernet', family: 'inet', weakHostReceive: true, weakHostSend: false, interfaceMetric: 15},
      {index: 12, alias: 'LB-Loopback', family: 'inet', weakHostReceive: true, weakHostSend: true, interfaceMetric: 25},
      {index: 1, alias: 'Loopback Pseudo-Interface 1', family: 'inet', weakHostReceive: false, weakHostSend: false, interfaceMetric: 75},
    ],
    winAddresses: [
      {index: 5, alias: 'Ethernet', family: 'inet', address: WIN_RIP, prefixLength: 24},
      {index: 12, alias: 'LB-Loopback', family: 'inet', address: WIN_VIP, prefixLength: 32, skipAsSource: true},
      {index: 1, alias: 'Loopback Pseudo-Interface 1', family: 'inet', address: '127.0.0.1', prefixLength: 8},
    ],
    winRoutes: [{destination: 'default', family: 'inet', nextHop: '192.0.2.1', index: 5}],
    bindings: [
      {alias: 'LB-Loopback', componentId: 'ms_tcpip', enabled: true},
      {alias: 'LB-Loopback', componentId: 'ms_tcpip6', enabled: false},
      {alias: 'LB-Loopback', componentId: 'ms_msclient', displayName: 'Client for Microsoft Networks', enabled: false},
      {alias: 'Ethernet', componentId: 'ms_msclient', enabled: true},
    ],
    dnsClients: [
      {alias: 'Ethernet', index: 5, registerThisConnectionsAddress: true},
      {alias: 'LB-Loopback', index: 12, registerThisConnectionsAddress: false},
    ],
    connectionProfiles: [{alias: 'LB-Loopback', index: 12, category: 'Public'}],
    firewallProfiles: [
      {name: 'Domain', enabled: true},
      {name: 'Private', enabled: true},
      {name: 'Public', enabled: true, defaultInboundAction: 'Block'},
    ],
    firewallRules: [
      {name: 'IIS-WebServerRole-HTTP-In-TCP', displayName: 'World Wide Web Services (HTTP Traffic-In)', enabled: true, direction: 'Inbound', action: 'Allow', profiles: 'Any', protocol: 'TCP', localPorts: ['80'], localAddresses: ['Any']},
    ],
    legacyFirewall: {enabled: false, openPorts: []},
    iisBindings: [{site: 'Default Web Site', protocol: 'http', address: '*', port: 80}],
    httpIpListen: [],
    listeners: [{protocol: 'tcp', address: '0.0.0.0', port: 80}],
  }
}

/** HostFacts from a (changed) Windows server; `drop` makes facts unavailable, as a 2003 host lacks cmdlets. */
export function windowsFacts(shape = goodWindows(), drop: Array<keyof WindowsFactsShape> = []): HostFacts {
  const fact = <K extends keyof WindowsFactsShape>(key: K): Fact<WindowsFactsShape[K]> =>
    drop.includes(key) ? {status: 'unavailable', reason: 'not-collected', detail: `${key} is not in this capture`, source: 'test'} : ok(shape[key], `test ${key}`)
  const notLinux = {status: 'unavailable' as const, reason: 'not-collected' as const, detail: 'not a Linux host', source: 'test'}
  return {
    os: ok({platform: 'windows', hostname: 'WIN-RS1', distro: shape.windowsOs.caption, release: shape.windowsOs.version, kernel: shape.windowsOs.version}),
    interfaces: ok(interfacesFromWindows(shape.adapters, shape.winAddresses), 'test adapters'),
    routes: ok([], 'test routes'),
    listeners: ok(shape.listeners, 'Get-NetTCPConnection'),
    ipv4Conf: notLinux,
    bootSysctl: notLinux,
    persistedAddresses: notLinux,
    networkStack: ok({...NO_STACK}),
    privileged: true,
    windowsOs: fact('windowsOs'),
    adapters: fact('adapters'),
    ipInterfaces: fact('ipInterfaces'),
    winAddresses: fact('winAddresses'),
    winRoutes: fact('winRoutes'),
    bindings: fact('bindings'),
    dnsClients: fact('dnsClients'),
    connectionProfiles: fact('connectionProfiles'),
    firewallProfiles: fact('firewallProfiles'),
    firewallRules: fact('firewallRules'),
    legacyFirewall: fact('legacyFirewall'),
    iisBindings: fact('iisBindings'),
    httpIpListen: fact('httpIpListen'),
  }
}

/** A changed copy of the good server. */
export function windowsWith(change: (shape: ReturnType<typeof goodWindows>) => void, drop: Array<keyof WindowsFactsShape> = []): HostFacts {
  const shape = goodWindows()
  change(shape)
  return windowsFacts(shape, drop)
}
