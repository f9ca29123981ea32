/**
 * Which Windows command prints which parser input. After a Windows prompt the name is matched
 * without case, netsh keywords may be abbreviated, and in a PowerShell pipeline the last stage
 * that is not a formatter or filter printed the output. Commands that change state or print a
 * form no text parser reads (`| ConvertTo-Json`, `Format-Wide`) are no kind. Alone on a line a
 * command must not read as a sentence.
 */
import {describe, expect, it} from 'vitest'

import {kindOfCommand} from '../../src/paste/kinds.js'
import {readPrompt} from '../../src/paste/prompt.js'
import {netshFamily, netshInterfaceIndex} from '../../src/paste/windows-command.js'

describe('kindOfCommand after a Windows prompt', () => {
  it.each([
    ['ipconfig /all', 'ipconfig-all'],
    ['IPCONFIG /ALL', 'ipconfig-all'],
    ['ipconfig', 'ipconfig-all'],
    ['ipconfig /all | more', 'ipconfig-all'],
    ['route print', 'route-print'],
    ['ROUTE PRINT -4', 'route-print'],
    ['route print 10.*', 'route-print'],
    ['netstat -rn', 'route-print'],
    ['netstat -ano', 'netstat-ano'],
    ['netstat -aon | findstr LISTENING', 'netstat-ano'],
    ['netstat -a -n -o', 'netstat-ano'],
    ['netsh interface ipv4 show interfaces', 'netsh-ipv4-interfaces'],
    ['netsh int ipv4 sh int', 'netsh-ipv4-interfaces'],
    ['netsh interface ip show interfaces', 'netsh-ipv4-interfaces'],
    ['netsh interface ipv4 show interface', 'netsh-ipv4-interfaces'],
    ['netsh interface ipv4 show interface 12', 'netsh-ipv4-interface'],
    ['netsh int ipv4 sh int 12', 'netsh-ipv4-interface'],
    ['netsh interface ipv4 show interfaces interface=12', 'netsh-ipv4-interface'],
    ['netsh interface ipv6 show interface "wi-fi"', 'netsh-ipv4-interface'],
    ['netsh interface ipv4 show addresses', 'netsh-ipv4-addresses'],
    ['netsh interface ip show config', 'netsh-ip-config'],
    ['netsh advfirewall show allprofiles', 'netsh-advfirewall-profiles'],
    ['netsh advfirewall show currentprofile', 'netsh-advfirewall-profiles'],
    ['netsh advfirewall firewall show rule name=all dir=in verbose', 'netsh-advfirewall-rules-in'],
    ['netsh advfirewall firewall show rule name="Open Port 61001 for admin router"', 'netsh-advfirewall-rules-in'],
    ['netsh firewall show state', 'netsh-firewall-state'],
    ['netsh firewall show portopening', 'netsh-firewall-portopening'],
    ['netsh http show iplisten', 'netsh-http-iplisten'],
    ['%windir%\\system32\\inetsrv\\appcmd list site', 'appcmd-list-site'],
    ['C:\\Windows\\System32\\inetsrv\\appcmd.exe list sites', 'appcmd-list-site'],
    ['Get-NetIPInterface', 'ps-netipinterface'],
    ['get-netipinterface | fl', 'ps-netipinterface'],
    ['Get-NetIPInterface | Format-List *', 'ps-netipinterface'],
    ['Get-NetIPInterface -AddressFamily IPv4 | ft -AutoSize', 'ps-netipinterface'],
    ['Get-NetAdapter | Where-Object {$_.InterfaceDescription -Match "Cisco AnyConnect"} | Get-NetIPInterface', 'ps-netipinterface'],
    ['Get-NetIPAddress | Format-List', 'ps-netipaddress'],
    ['Get-NetAdapter', 'ps-netadapter'],
    ['Get-NetRoute -AddressFamily IPv4', 'ps-netroute'],
    ['Get-NetAdapterBinding -Name LB-Loopback', 'ps-netadapterbinding'],
    ['Get-DnsClient | fl', 'ps-dnsclient'],
    ['Get-NetConnectionProfile', 'ps-netconnectionprofile'],
    ['Get-NetFirewallProfile -PolicyStore ActiveStore', 'ps-netfirewallprofile'],
    ['Get-NetFirewallRule -Direction Inbound -Enabled True', 'ps-netfirewallrule'],
    ['Get-NetTCPConnection -State Listen', 'ps-nettcpconnection-listen'],
    ['Get-CimInstance Win32_OperatingSystem | fl Caption,Version,BuildNumber', 'ps-os'],
    ['gwmi win32_operatingsystem', 'ps-os'],
    ['Get-WmiObject -Class win32_operatingsystem -ComputerName us-dc.us.techcorp.local', 'ps-os'],
    ['hostname', 'hostname'],
  ])('%s prints %s', (command, kind) => {
    expect(kindOfCommand(command, true, 'windows')).toBe(kind)
  })

  it.each([
    'ipconfig /release',
    'ipconfig /displaydns',
    'route add 10.0.0.0 mask 255.0.0.0 10.0.0.1',
    'netstat -an',
    'netstat -s',
    'netsh interface ipv4 set interface 12 weakhostsend=enabled',
    'netsh firewall show opmode',
    'netsh http add iplisten 10.0.0.1',
    'appcmd list apppool',
    'Get-NetIPInterface | ConvertTo-Json',
    'Get-NetIPInterface | Format-Wide',
    'Get-NetIPConfiguration',
    'gip',
    'Set-NetIPInterface -InterfaceAlias LB -WeakHostSend Enabled',
    'ip a',
    '',
  ])('%j prints nothing a parser reads', (command) => {
    expect(kindOfCommand(command, true, 'windows')).toBeUndefined()
  })

  it('reads a Linux prompt`s command as Linux only', () => {
    expect(kindOfCommand('ipconfig /all', true)).toBeUndefined()
    expect(kindOfCommand('hostname', true)).toBeUndefined()
    expect(kindOfCommand('ip a', true)).toBe('ip-addr')
  })
})

describe('a Windows command alone on a line', () => {
  it.each([
    ['ipconfig /all', 'ipconfig-all'],
    ['netstat -ano', 'netstat-ano'],
    ['netsh interface ipv4 show interfaces', 'netsh-ipv4-interfaces'],
    ['Get-NetIPInterface -InterfaceAlias "Ethernet 2"', 'ps-netipinterface'],
    ['Get-CimInstance Win32_OperatingSystem', 'ps-os'],
  ])('%s prints %s', (line, kind) => {
    expect(kindOfCommand(line, false)).toBe(kind)
  })

  it.each([
    'ipconfig /all shows the VIP on the loopback adapter',
    'Get-NetIPInterface shows weak host send on',
    'route print shows nothing odd',
    'netstat -ano output below',
    // Linux pastes run it too, and prose says it: only a Windows prompt names it.
    'hostname',
  ])('%j is prose', (line) => {
    expect(kindOfCommand(line, false)).toBeUndefined()
  })
})

describe('netsh arguments', () => {
  it.each([
    ['netsh interface ipv4 show interface 12', 12, 'inet'],
    ['netsh int ipv4 sh int interface=7', 7, 'inet'],
    ['netsh interface ipv6 show interface 12', 12, 'inet6'],
    ['netsh interface ipv4 show interface "Loopback"', undefined, 'inet'],
    ['netsh interface ipv4 show interfaces', undefined, 'inet'],
    [undefined, undefined, 'inet'],
  ])('%s: index %s, family %s', (command, index, family) => {
    expect(netshInterfaceIndex(command)).toBe(index)
    expect(netshFamily(command)).toBe(family)
  })
})

describe('Windows prompts', () => {
  it('reads the host of a PowerShell remoting prompt, and none from a path prompt', () => {
    expect(readPrompt('[WEB01]: PS C:\\Users\\admin\\Documents> Get-NetIPInterface')).toMatchObject({prompt: '[WEB01]: PS C:\\Users\\admin\\Documents>', host: 'WEB01', command: 'Get-NetIPInterface', windows: true})
    expect(readPrompt('C:\\Users\\admin>ipconfig')?.host).toBeUndefined()
    expect(readPrompt('PS C:\\Windows\\system32> ')).toMatchObject({command: '', windows: true})
  })
})
