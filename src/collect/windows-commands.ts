/**
 * What a Windows audit reads, by bundle command id (docs/bundle-format.md, "Command ids
 * (Windows)"). collect.ps1 and collect.cmd run these; a live Windows run would too. The argv
 * is what the collector records; rsaudit itself only looks the ids up in bundles.
 */
import type {CommandSpec} from './raw-source.js'

const TIMEOUT_MS = 30_000

function command(id: string, ...argv: [string, ...string[]]): CommandSpec {
  return {id, argv, timeoutMs: TIMEOUT_MS}
}

function cmdlet(id: string, pipeline: string): CommandSpec {
  return command(id, 'powershell', '-NoProfile', '-Command', `${pipeline} | ConvertTo-Json -Depth 4`)
}

export const WINDOWS_COMMANDS = {
  os: cmdlet('ps-os', 'Get-CimInstance Win32_OperatingSystem'),
  netAdapter: cmdlet('ps-netadapter', 'Get-NetAdapter'),
  netIpInterface: cmdlet('ps-netipinterface', 'Get-NetIPInterface'),
  netIpAddress: cmdlet('ps-netipaddress', 'Get-NetIPAddress'),
  netRoute: cmdlet('ps-netroute', 'Get-NetRoute'),
  netAdapterBinding: cmdlet('ps-netadapterbinding', 'Get-NetAdapterBinding'),
  dnsClient: cmdlet('ps-dnsclient', 'Get-DnsClient'),
  netConnectionProfile: cmdlet('ps-netconnectionprofile', 'Get-NetConnectionProfile'),
  netFirewallProfile: cmdlet('ps-netfirewallprofile', 'Get-NetFirewallProfile'),
  netFirewallRule: cmdlet('ps-netfirewallrule', 'Get-NetFirewallRule'),
  netTcpListen: cmdlet('ps-nettcpconnection-listen', 'Get-NetTCPConnection -State Listen'),
  netshIpv4Interfaces: command('netsh-ipv4-interfaces', 'netsh', 'interface', 'ipv4', 'show', 'interfaces'),
  netshIpv4Addresses: command('netsh-ipv4-addresses', 'netsh', 'interface', 'ipv4', 'show', 'addresses'),
  netshIpConfig: command('netsh-ip-config', 'netsh', 'interface', 'ip', 'show', 'config'),
  ipconfigAll: command('ipconfig-all', 'ipconfig', '/all'),
  routePrint: command('route-print', 'route', 'print'),
  advfirewallProfiles: command('netsh-advfirewall-profiles', 'netsh', 'advfirewall', 'show', 'allprofiles'),
  advfirewallRules: command('netsh-advfirewall-rules-in', 'netsh', 'advfirewall', 'firewall', 'show', 'rule', 'name=all', 'dir=in', 'verbose'),
  firewallState: command('netsh-firewall-state', 'netsh', 'firewall', 'show', 'state'),
  firewallPortopening: command('netsh-firewall-portopening', 'netsh', 'firewall', 'show', 'portopening'),
  netstat: command('netstat-ano', 'netstat', '-ano'),
  httpIplisten: command('netsh-http-iplisten', 'netsh', 'http', 'show', 'iplisten'),
  appcmdSites: command('appcmd-list-site', 'appcmd', 'list', 'site'),
  /** Windows 2003 and 2008 (no Get-DnsClient, Get-NetAdapterBinding): DNS registration and GUID of each adapter. Properties 2003's WMI has. */
  wmicNicConfig: command('wmic-nicconfig', 'wmic', 'nicconfig', 'get', 'Description,DomainDNSRegistrationEnabled,FullDNSRegistrationEnabled,Index,IPAddress,SettingID', '/value'),
} as const satisfies Record<string, CommandSpec>

/**
 * The network components whose bindings the registry shows on Windows 2003 and 2008: each
 * service's `Linkage\Bind` lists the devices it is bound to, by adapter GUID.
 */
export const LINKAGE_SERVICES = ['Tcpip', 'Tcpip6', 'LanmanServer', 'LanmanWorkstation', 'lltdio', 'rspndr'] as const
export type LinkageService = (typeof LINKAGE_SERVICES)[number]

/** `reg query HKLM\SYSTEM\CurrentControlSet\Services\<service>\Linkage /v Bind`, id `reg-linkage-<service in lower case>`. */
export function linkageCommand(service: LinkageService): CommandSpec {
  return command(`reg-linkage-${service.toLowerCase()}`, 'reg', 'query', `HKLM\\SYSTEM\\CurrentControlSet\\Services\\${service}\\Linkage`, '/v', 'Bind')
}

/** `netsh interface ipv4 show interface <idx>`, one per index. */
export function netshInterfaceCommand(index: number): CommandSpec {
  return command(`netsh-ipv4-interface-${index}`, 'netsh', 'interface', 'ipv4', 'show', 'interface', String(index))
}

export const WINDOWS_PATHS = {
  applicationHost: 'C:/Windows/System32/inetsrv/config/applicationHost.config',
  metabase: 'C:/Windows/System32/inetsrv/MetaBase.xml',
} as const
