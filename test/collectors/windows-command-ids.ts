/**
 * The Windows command ids of the bundle format, as the table proposed for
 * docs/bundle-format.md ("Command ids (Windows)"). The collector tests check both Windows
 * collectors against it, so the scripts and the documented ids cannot drift apart.
 */

export type WindowsCollector = 'collect.ps1' | 'collect.cmd'

export interface WindowsCommandId {
  /** The id; `<idx>` stands for an interface index. */
  id: string
  /** What runs, as recorded in `argv` (a cmdlet pipeline is recorded behind `powershell -NoProfile -Command`). */
  argv: string
  /** The `.out` content. */
  output: 'JSON array' | 'text'
  collectors: readonly WindowsCollector[]
  when: string
}

const PS1: readonly WindowsCollector[] = ['collect.ps1']
const BOTH: readonly WindowsCollector[] = ['collect.ps1', 'collect.cmd']
const CMDLET = 'Windows Server 2012+ (PowerShell 3.0+); else `command-missing`'
const LEGACY = 'collect.cmd always; collect.ps1 when Get-NetAdapterBinding is missing (2003, 2008); `nonzero-exit` where the key does not exist'

export const WINDOWS_COMMAND_IDS: readonly WindowsCommandId[] = [
  {id: 'ps-os', argv: 'Get-CimInstance Win32_OperatingSystem', output: 'JSON array', collectors: PS1, when: 'always: Get-WmiObject before PowerShell 3.0, JSON written by the script; one object with Caption, Version, BuildNumber, CSDVersion, OSArchitecture, ProductType, OSLanguage, MUILanguages'},
  {id: 'ps-netadapter', argv: 'Get-NetAdapter', output: 'JSON array', collectors: PS1, when: CMDLET},
  {id: 'ps-netipinterface', argv: 'Get-NetIPInterface', output: 'JSON array', collectors: PS1, when: CMDLET},
  {id: 'ps-netipaddress', argv: 'Get-NetIPAddress', output: 'JSON array', collectors: PS1, when: CMDLET},
  {id: 'ps-netroute', argv: 'Get-NetRoute', output: 'JSON array', collectors: PS1, when: CMDLET},
  {id: 'ps-netadapterbinding', argv: 'Get-NetAdapterBinding', output: 'JSON array', collectors: PS1, when: CMDLET},
  {id: 'ps-dnsclient', argv: 'Get-DnsClient', output: 'JSON array', collectors: PS1, when: CMDLET},
  {id: 'ps-netconnectionprofile', argv: 'Get-NetConnectionProfile', output: 'JSON array', collectors: PS1, when: CMDLET},
  {id: 'ps-netfirewallprofile', argv: 'Get-NetFirewallProfile', output: 'JSON array', collectors: PS1, when: CMDLET},
  {id: 'ps-netfirewallrule', argv: 'Get-NetFirewallRule', output: 'JSON array', collectors: PS1, when: `${CMDLET}. One object a rule: Name, InstanceID, DisplayName, Group, DisplayGroup, Enabled, Direction, Action, Profile, EdgeTraversalPolicy, PrimaryStatus, PolicyStoreSourceType (enum names as strings), Protocol, LocalPort, RemotePort, IcmpType (port filter), LocalAddress, RemoteAddress (address filter), Program (application filter)`},
  {id: 'ps-nettcpconnection-listen', argv: 'Get-NetTCPConnection -State Listen', output: 'JSON array', collectors: PS1, when: CMDLET},
  {id: 'netsh-ipv4-interfaces', argv: 'netsh interface ipv4 show interfaces', output: 'text', collectors: BOTH, when: 'always; `nonzero-exit` on 2003, which has no ipv4 context'},
  {id: 'netsh-ipv4-interface-<idx>', argv: 'netsh interface ipv4 show interface <idx>', output: 'text', collectors: BOTH, when: 'once for each index in netsh-ipv4-interfaces'},
  {id: 'netsh-ipv6-interfaces', argv: 'netsh interface ipv6 show interfaces', output: 'text', collectors: BOTH, when: 'always'},
  {id: 'netsh-ipv4-addresses', argv: 'netsh interface ipv4 show addresses', output: 'text', collectors: BOTH, when: 'always'},
  {id: 'netsh-ip-config', argv: 'netsh interface ip show config', output: 'text', collectors: BOTH, when: 'always'},
  {id: 'ipconfig-all', argv: 'ipconfig /all', output: 'text', collectors: BOTH, when: 'always'},
  {id: 'route-print', argv: 'route print', output: 'text', collectors: BOTH, when: 'always'},
  {id: 'netsh-advfirewall-profiles', argv: 'netsh advfirewall show allprofiles', output: 'text', collectors: BOTH, when: 'always; `nonzero-exit` before 2008'},
  {id: 'netsh-advfirewall-rules-in', argv: 'netsh advfirewall firewall show rule name=all dir=in verbose', output: 'text', collectors: BOTH, when: 'always; `nonzero-exit` before 2008'},
  {id: 'netsh-firewall-state', argv: 'netsh firewall show state', output: 'text', collectors: BOTH, when: 'collect.cmd always; collect.ps1 only before 2008 (OS major version < 6)'},
  {id: 'netsh-firewall-portopening', argv: 'netsh firewall show portopening', output: 'text', collectors: BOTH, when: 'collect.cmd always; collect.ps1 only before 2008'},
  {id: 'netstat-ano', argv: 'netstat -ano', output: 'text', collectors: BOTH, when: 'always'},
  {id: 'netsh-http-iplisten', argv: 'netsh http show iplisten', output: 'text', collectors: BOTH, when: 'always; `nonzero-exit` before 2008'},
  {id: 'appcmd-list-site', argv: 'appcmd list site', output: 'text', collectors: BOTH, when: '%windir%\\system32\\inetsrv\\appcmd.exe (IIS 7+); `command-missing` without it'},
  {id: 'ver', argv: 'cmd /d /c ver', output: 'text', collectors: BOTH, when: 'always'},
  {id: 'wmic-nicconfig', argv: 'wmic nicconfig get Description,DomainDNSRegistrationEnabled,FullDNSRegistrationEnabled,Index,IPAddress,SettingID /value', output: 'text', collectors: BOTH, when: `${LEGACY}; UTF-16LE with a byte order mark from collect.cmd`},
  {id: 'reg-linkage-tcpip', argv: 'reg query HKLM\\SYSTEM\\CurrentControlSet\\Services\\Tcpip\\Linkage /v Bind', output: 'text', collectors: BOTH, when: LEGACY},
  {id: 'reg-linkage-tcpip6', argv: 'reg query HKLM\\SYSTEM\\CurrentControlSet\\Services\\Tcpip6\\Linkage /v Bind', output: 'text', collectors: BOTH, when: LEGACY},
  {id: 'reg-linkage-lanmanserver', argv: 'reg query HKLM\\SYSTEM\\CurrentControlSet\\Services\\LanmanServer\\Linkage /v Bind', output: 'text', collectors: BOTH, when: LEGACY},
  {id: 'reg-linkage-lanmanworkstation', argv: 'reg query HKLM\\SYSTEM\\CurrentControlSet\\Services\\LanmanWorkstation\\Linkage /v Bind', output: 'text', collectors: BOTH, when: LEGACY},
  {id: 'reg-linkage-lltdio', argv: 'reg query HKLM\\SYSTEM\\CurrentControlSet\\Services\\lltdio\\Linkage /v Bind', output: 'text', collectors: BOTH, when: LEGACY},
  {id: 'reg-linkage-rspndr', argv: 'reg query HKLM\\SYSTEM\\CurrentControlSet\\Services\\rspndr\\Linkage /v Bind', output: 'text', collectors: BOTH, when: LEGACY},
]

/** The table as markdown, for docs/bundle-format.md. */
export function windowsCommandTable(): string {
  const rows = WINDOWS_COMMAND_IDS.map((c) => `| \`${c.id}\` | \`${c.argv}\` | ${c.output} | ${c.collectors.join(', ')} | ${c.when} |`)
  return ['| id | argv | output | written by | when |', '|---|---|---|---|---|', ...rows].join('\n')
}
