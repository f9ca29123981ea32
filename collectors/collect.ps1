<#
.SYNOPSIS
  collect.ps1: rsaudit's standalone bundle collector for Windows real servers, Windows
  PowerShell 2.0 and later (Windows Server 2003 SP2 with PowerShell 2.0 up to Server 2025).

.DESCRIPTION
  Run it on the real server, in a PowerShell started as Administrator:
      powershell -NoProfile -ExecutionPolicy Bypass -File collect.ps1 [-Out OUT] [-Force]
    -Out OUT (or -o)  where to write the bundle: a name ending in .zip gets a zip archive
                      (PowerShell 5 and later; older ones write the directory and say so), any
                      other name a directory. Default, in the current directory:
                      rsaudit-bundle-<host>-<UTC time>.zip (a directory before PowerShell 5).
    -Force (or -f)    replace OUT if it exists (an existing directory only if it holds a bundle.json)
  Send what it prints to your support engineer, who runs `rsaudit audit --from OUT`.

  It only reads: nothing on the host is changed. It writes a bundle as docs/bundle-format.md
  describes: bundle.json, commands\<id>.out and .err, and files\C\... copies, all UTF-8.
  - Server 2012 and later: the NetTCPIP, NetAdapter, DnsClient and NetSecurity cmdlets, as
    JSON (ids ps-*), all in this one PowerShell process.
  - Everywhere: netsh, ipconfig, route, netstat and appcmd output as text, and IIS's
    applicationHost.config (IIS 6's MetaBase.xml on Windows 2003).
  - Without the NetAdapter cmdlets (2003, 2008): wmic nicconfig, and reg query of the network
    services' Linkage keys, for the loopback's bindings and DNS registration.
  The command ids are listed in docs/bundle-format.md ("Command ids (Windows)").

  The script parses on PowerShell 2.0: cmdlets and syntax of later versions are used only
  after a version check.
#>
param(
  [Alias('o')][string]$Out = '',
  [Alias('f')][switch]$Force
)

Set-StrictMode -Version 2.0
$ErrorActionPreference = 'Stop'

$CollectorVersion = '1.0.0'
# netsh advfirewall's verbose rule list takes a while on a server with many rules.
$CommandTimeoutMs = 120000
$PsMajor = $PSVersionTable.PSVersion.Major
$Utf8NoBom = New-Object System.Text.UTF8Encoding $false

# A 32-bit PowerShell on 64-bit Windows sees SysWOW64 as System32, where IIS's config is
# missing; Sysnative is the real System32 for it.
$System32 = [Environment]::SystemDirectory
$NativeSystem32 = $System32
if ([IntPtr]::Size -eq 4 -and [Environment]::GetEnvironmentVariable('PROCESSOR_ARCHITEW6432')) {
  $sysnative = Join-Path $env:windir 'Sysnative'
  if (Test-Path -LiteralPath $sysnative) { $NativeSystem32 = $sysnative }
}

$script:Commands = New-Object System.Collections.ArrayList
$script:Files = New-Object System.Collections.ArrayList
$script:Stage = ''

# ---------------------------------------------------------------------------------------------
# JSON: the one place that escapes text (ConvertTo-Json only exists from PowerShell 3.0)
# ---------------------------------------------------------------------------------------------

function ConvertTo-JsonString {
  param([string]$Text)
  $escaped = $Text.Replace('\', '\\').Replace('"', '\"')
  if ($escaped -match '[\x00-\x1f\x7f]') {
    $builder = New-Object System.Text.StringBuilder
    foreach ($char in $escaped.ToCharArray()) {
      $code = [int]$char
      if ($code -lt 32 -or $code -eq 127) {
        [void]$builder.Append('\u' + $code.ToString('x4'))
      } else {
        [void]$builder.Append($char)
      }
    }
    $escaped = $builder.ToString()
  }
  return '"' + $escaped + '"'
}

# A JSON value for what WMI returns: null, booleans, numbers, and everything else as a string.
function ConvertTo-JsonValue {
  param($Value)
  if ($null -eq $Value) { return 'null' }
  if ($Value -is [bool]) { if ($Value) { return 'true' } else { return 'false' } }
  $numeric = @([int16], [int32], [int64], [uint16], [uint32], [uint64], [byte], [sbyte])
  foreach ($type in $numeric) {
    if ($Value -is $type) { return $Value.ToString([Globalization.CultureInfo]::InvariantCulture) }
  }
  return (ConvertTo-JsonString ([string]$Value))
}

function ConvertTo-JsonArray {
  param([string[]]$Items)
  $parts = @()
  foreach ($item in $Items) { $parts += (ConvertTo-JsonString $item) }
  return '[' + ($parts -join ', ') + ']'
}

function New-Failure {
  param([string]$Reason, [string]$Detail)
  return '{"reason": "' + $Reason + '", "detail": ' + (ConvertTo-JsonString $Detail) + '}'
}

# Cmdlet output as JSON, always an array. Reached only on PowerShell 3.0 and later.
function ConvertTo-JsonText {
  param([object[]]$Objects)
  if ($PSVersionTable.PSVersion.Major -lt 3) { throw 'ConvertTo-Json needs PowerShell 3.0 or later' }
  return (ConvertTo-Json -InputObject $Objects -Depth 4)
}

# ---------------------------------------------------------------------------------------------
# Bundle contents
# ---------------------------------------------------------------------------------------------

function Write-BundleText {
  param([string]$Relative, [string]$Text)
  $full = Join-Path $script:Stage ($Relative.Replace('/', '\'))
  [void][System.IO.Directory]::CreateDirectory([System.IO.Path]::GetDirectoryName($full))
  [System.IO.File]::WriteAllText($full, $Text, $Utf8NoBom)
}

function Add-CommandEntry {
  param([string]$Id, [string[]]$Argv, [string]$ExitCode, [string]$Stdout, [string]$Stderr, [string]$Failure)
  $json = '{"id": ' + (ConvertTo-JsonString $Id) + ', "argv": ' + (ConvertTo-JsonArray $Argv) + ', "exitCode": ' + $ExitCode
  if ($Stdout) { $json += ', "stdout": ' + (ConvertTo-JsonString $Stdout) }
  if ($Stderr) { $json += ', "stderr": ' + (ConvertTo-JsonString $Stderr) }
  if ($Failure) { $json += ', "failure": ' + $Failure }
  [void]$script:Commands.Add($json + '}')
}

function Get-FirstLine {
  param([string]$Text)
  foreach ($line in ($Text -split "`r?`n")) {
    if ($line.Trim()) { return $line.Trim() }
  }
  return ''
}

# The innermost exception: .NET method calls arrive wrapped in MethodInvocationException.
function Get-InnerException {
  param($ErrorRecord)
  $exception = $ErrorRecord.Exception
  while ($null -ne $exception.InnerException) { $exception = $exception.InnerException }
  return $exception
}

# ---------------------------------------------------------------------------------------------
# Cmdlets (Windows Server 2012 and later)
# ---------------------------------------------------------------------------------------------

# Runs $Script in this process and stores its objects as commands/<id>.out (a JSON array).
# $Display is the pipeline as a person would type it, recorded as the argv.
function Invoke-JsonCmdlet {
  param([string]$Id, [string]$Cmdlet, [string]$Display, [scriptblock]$Script)
  $argv = @('powershell', '-NoProfile', '-Command', $Display)
  if ($PsMajor -lt 3 -or -not (Get-Command $Cmdlet -ErrorAction SilentlyContinue)) {
    $why = "$Cmdlet is not available (it needs Windows Server 2012 or later and PowerShell 3.0 or later)"
    Add-CommandEntry $Id $argv 'null' '' '' (New-Failure 'command-missing' $why)
    return
  }
  try {
    $objects = @(& $Script)
    $text = ConvertTo-JsonText $objects
    Write-BundleText "commands/$Id.out" $text
    Add-CommandEntry $Id $argv '0' "commands/$Id.out" '' ''
  } catch {
    # The CIM cmdlets throw when a filter matches nothing (no listener, no connection profile).
    if ([string]$_.CategoryInfo.Category -eq 'ObjectNotFound') {
      Write-BundleText "commands/$Id.out" "[]`r`n"
      Add-CommandEntry $Id $argv '0' "commands/$Id.out" '' ''
      return
    }
    $message = [string](Get-InnerException $_).Message
    Write-BundleText "commands/$Id.err" $message
    $reason = 'nonzero-exit'
    if ((Get-InnerException $_) -is [System.UnauthorizedAccessException]) { $reason = 'permission-denied' }
    Add-CommandEntry $Id $argv '1' '' "commands/$Id.err" (New-Failure $reason "$Display failed: $(Get-FirstLine $message)")
  }
}

# CIM objects without their Cim* bookkeeping, which is most of their JSON and none of their data.
function Select-CimData {
  param([object[]]$Objects)
  foreach ($object in $Objects) { $object | Select-Object -Property * -ExcludeProperty Cim* }
}

# Firewall rules joined to their port, address and application filters. Each filter's
# InstanceID is its rule's; one bulk query per filter kind is far faster than one per rule.
function Get-FirewallRuleData {
  $ports = @{}
  foreach ($filter in @(Get-NetFirewallPortFilter -All)) { $ports[[string]$filter.InstanceID] = $filter }
  $addresses = @{}
  foreach ($filter in @(Get-NetFirewallAddressFilter -All)) { $addresses[[string]$filter.InstanceID] = $filter }
  $applications = @{}
  foreach ($filter in @(Get-NetFirewallApplicationFilter -All)) { $applications[[string]$filter.InstanceID] = $filter }
  foreach ($rule in @(Get-NetFirewallRule)) {
    $key = [string]$rule.InstanceID
    $port = $ports[$key]
    $address = $addresses[$key]
    $application = $applications[$key]
    # Enums as their names: their numbers (Enabled True = 1, False = 2) are easy to misread.
    $data = @{
      Name = [string]$rule.Name
      InstanceID = $key
      DisplayName = [string]$rule.DisplayName
      Group = [string]$rule.Group
      DisplayGroup = [string]$rule.DisplayGroup
      Enabled = [string]$rule.Enabled
      Direction = [string]$rule.Direction
      Action = [string]$rule.Action
      Profile = [string]$rule.Profile
      EdgeTraversalPolicy = [string]$rule.EdgeTraversalPolicy
      PrimaryStatus = [string]$rule.PrimaryStatus
      PolicyStoreSourceType = [string]$rule.PolicyStoreSourceType
      Protocol = $null
      LocalPort = $null
      RemotePort = $null
      IcmpType = $null
      LocalAddress = $null
      RemoteAddress = $null
      Program = $null
    }
    if ($null -ne $port) {
      $data.Protocol = [string]$port.Protocol
      $data.LocalPort = @($port.LocalPort | ForEach-Object { [string]$_ })
      $data.RemotePort = @($port.RemotePort | ForEach-Object { [string]$_ })
      $data.IcmpType = @($port.IcmpType | ForEach-Object { [string]$_ })
    }
    if ($null -ne $address) {
      $data.LocalAddress = @($address.LocalAddress | ForEach-Object { [string]$_ })
      $data.RemoteAddress = @($address.RemoteAddress | ForEach-Object { [string]$_ })
    }
    if ($null -ne $application) { $data.Program = [string]$application.Program }
    New-Object PSObject -Property $data
  }
}

function Invoke-Cmdlets {
  Invoke-JsonCmdlet 'ps-netadapter' 'Get-NetAdapter' 'Get-NetAdapter | ConvertTo-Json -Depth 4' { Select-CimData @(Get-NetAdapter) }
  Invoke-JsonCmdlet 'ps-netipinterface' 'Get-NetIPInterface' 'Get-NetIPInterface | ConvertTo-Json -Depth 4' { Select-CimData @(Get-NetIPInterface) }
  Invoke-JsonCmdlet 'ps-netipaddress' 'Get-NetIPAddress' 'Get-NetIPAddress | ConvertTo-Json -Depth 4' { Select-CimData @(Get-NetIPAddress) }
  Invoke-JsonCmdlet 'ps-netroute' 'Get-NetRoute' 'Get-NetRoute | ConvertTo-Json -Depth 4' { Select-CimData @(Get-NetRoute) }
  Invoke-JsonCmdlet 'ps-netadapterbinding' 'Get-NetAdapterBinding' 'Get-NetAdapterBinding | ConvertTo-Json -Depth 4' { Select-CimData @(Get-NetAdapterBinding) }
  Invoke-JsonCmdlet 'ps-dnsclient' 'Get-DnsClient' 'Get-DnsClient | ConvertTo-Json -Depth 4' { Select-CimData @(Get-DnsClient) }
  Invoke-JsonCmdlet 'ps-netconnectionprofile' 'Get-NetConnectionProfile' 'Get-NetConnectionProfile | ConvertTo-Json -Depth 4' { Select-CimData @(Get-NetConnectionProfile) }
  Invoke-JsonCmdlet 'ps-netfirewallprofile' 'Get-NetFirewallProfile' 'Get-NetFirewallProfile | ConvertTo-Json -Depth 4' { Select-CimData @(Get-NetFirewallProfile) }
  Invoke-JsonCmdlet 'ps-netfirewallrule' 'Get-NetFirewallRule' 'Get-NetFirewallRule with Get-NetFirewallPortFilter, -AddressFilter, -ApplicationFilter | ConvertTo-Json -Depth 4' { Get-FirewallRuleData }
  Invoke-JsonCmdlet 'ps-nettcpconnection-listen' 'Get-NetTCPConnection' 'Get-NetTCPConnection -State Listen | ConvertTo-Json -Depth 4' { Select-CimData @(Get-NetTCPConnection -State Listen) }
}

# ---------------------------------------------------------------------------------------------
# The operating system (WMI, so PowerShell 2.0 has it too; JSON written by hand)
# ---------------------------------------------------------------------------------------------

function Get-OsObject {
  if (Get-Command Get-CimInstance -ErrorAction SilentlyContinue) {
    return @{Object = (Get-CimInstance -ClassName Win32_OperatingSystem); Via = 'Get-CimInstance'}
  }
  return @{Object = (Get-WmiObject -Class Win32_OperatingSystem); Via = 'Get-WmiObject'}
}

# Identity for bundle.json, and commands/ps-os.out: [{"Caption": ..., "Version": ..., ...}].
function Invoke-OsInfo {
  $properties = @('Caption', 'Version', 'BuildNumber', 'CSDVersion', 'OSArchitecture', 'ProductType', 'OSLanguage', 'MUILanguages')
  $script:OsDistro = 'Microsoft Windows'
  $script:OsRelease = [Environment]::OSVersion.Version.ToString()
  $script:OsKernel = [string][Environment]::OSVersion.Version.Build
  $script:OsMajor = [Environment]::OSVersion.Version.Major
  $display = "Win32_OperatingSystem | Select-Object $($properties -join ',') | ConvertTo-Json"
  try {
    $found = Get-OsObject
    $os = $found.Object
    $argv = @('powershell', '-NoProfile', '-Command', "$($found.Via) $display")
    $fields = @()
    foreach ($name in $properties) {
      # Older Windows lacks some (OSArchitecture before 2008), and strict mode would throw.
      $property = $os.PSObject.Properties[$name]
      $value = $null
      if ($null -ne $property) { $value = $property.Value }
      if ($value -is [array]) {
        $items = @()
        foreach ($item in $value) { $items += (ConvertTo-JsonValue $item) }
        $fields += ((ConvertTo-JsonString $name) + ': [' + ($items -join ', ') + ']')
      } else {
        $fields += ((ConvertTo-JsonString $name) + ': ' + (ConvertTo-JsonValue $value))
      }
    }
    Write-BundleText 'commands/ps-os.out' ("[{" + ($fields -join ', ') + "}]`r`n")
    Add-CommandEntry 'ps-os' $argv '0' 'commands/ps-os.out' '' ''
    if ($os.Caption) { $script:OsDistro = ([string]$os.Caption).Trim() }
    if ($os.Version) { $script:OsRelease = [string]$os.Version }
    if ($os.BuildNumber) { $script:OsKernel = [string]$os.BuildNumber }
  } catch {
    $message = [string](Get-InnerException $_).Message
    Write-BundleText 'commands/ps-os.err' $message
    $argv = @('powershell', '-NoProfile', '-Command', "Get-WmiObject $display")
    Add-CommandEntry 'ps-os' $argv '1' '' 'commands/ps-os.err' (New-Failure 'nonzero-exit' "Win32_OperatingSystem could not be read: $(Get-FirstLine $message)")
  }
}

# ---------------------------------------------------------------------------------------------
# Programs (netsh, ipconfig, route, netstat, appcmd)
# ---------------------------------------------------------------------------------------------

# The encoding console programs write when redirected: the console's output code page (what
# chcp shows), else the OEM code page of the user's locale.
function Get-ConsoleEncoding {
  $codePage = 0
  try { $codePage = [Console]::OutputEncoding.CodePage } catch { $codePage = 0 }
  if (-not $codePage) { $codePage = [Globalization.CultureInfo]::CurrentCulture.TextInfo.OEMCodePage }
  return [System.Text.Encoding]::GetEncoding($codePage)
}
$ConsoleEncoding = Get-ConsoleEncoding

function ConvertFrom-ConsoleBytes {
  param([byte[]]$Bytes)
  if ($Bytes.Length -ge 2 -and $Bytes[0] -eq 0xFF -and $Bytes[1] -eq 0xFE) {
    return [System.Text.Encoding]::Unicode.GetString($Bytes, 2, $Bytes.Length - 2)
  }
  if ($Bytes.Length -ge 3 -and $Bytes[0] -eq 0xEF -and $Bytes[1] -eq 0xBB -and $Bytes[2] -eq 0xBF) {
    return [System.Text.Encoding]::UTF8.GetString($Bytes, 3, $Bytes.Length - 3)
  }
  # wmic writes UTF-16LE, perhaps without a BOM into a pipe; code page text never holds a 0 byte.
  if ($Bytes.Length -ge 2 -and $Bytes[0] -ne 0 -and $Bytes[1] -eq 0) {
    return [System.Text.Encoding]::Unicode.GetString($Bytes)
  }
  return $ConsoleEncoding.GetString($Bytes)
}

# One redirected stream, read with BeginRead/EndRead polled from this thread: reading stdout
# and stderr one after the other can deadlock, and PowerShell 2.0 cannot run event handlers.
function New-StreamPump {
  param([System.IO.Stream]$Stream)
  $buffer = New-Object byte[] 65536
  return @{
    Stream = $Stream
    Buffer = $buffer
    Memory = (New-Object System.IO.MemoryStream)
    Pending = $Stream.BeginRead($buffer, 0, $buffer.Length, $null, $null)
    Done = $false
  }
}

# Moves what has arrived into the pump's memory; true when it made progress.
function Step-StreamPump {
  param([hashtable]$Pump)
  if ($Pump.Done -or -not $Pump.Pending.IsCompleted) { return $false }
  $count = $Pump.Stream.EndRead($Pump.Pending)
  if ($count -le 0) {
    $Pump.Done = $true
  } else {
    $Pump.Memory.Write($Pump.Buffer, 0, $count)
    $Pump.Pending = $Pump.Stream.BeginRead($Pump.Buffer, 0, $Pump.Buffer.Length, $null, $null)
  }
  return $true
}

# Runs a program with an argument string, waits at most $CommandTimeoutMs, and returns
# @{Stdout; Stderr; ExitCode; TimedOut} with the output decoded.
function Invoke-Process {
  param([string]$Path, [string]$Arguments)
  $info = New-Object System.Diagnostics.ProcessStartInfo
  $info.FileName = $Path
  $info.Arguments = $Arguments
  $info.UseShellExecute = $false
  $info.RedirectStandardOutput = $true
  $info.RedirectStandardError = $true
  $info.RedirectStandardInput = $true
  $info.WorkingDirectory = $System32
  $process = [System.Diagnostics.Process]::Start($info)
  # Nothing to type: a program that asks for input gets end of file instead of hanging.
  $process.StandardInput.Close()
  $pumps = @((New-StreamPump $process.StandardOutput.BaseStream), (New-StreamPump $process.StandardError.BaseStream))
  $watch = [System.Diagnostics.Stopwatch]::StartNew()
  $timedOut = $false
  while (-not ($pumps[0].Done -and $pumps[1].Done)) {
    $progress = $false
    foreach ($pump in $pumps) { if (Step-StreamPump $pump) { $progress = $true } }
    if ($progress) { continue }
    if (-not $timedOut -and $watch.ElapsedMilliseconds -gt $CommandTimeoutMs) {
      $timedOut = $true
      try { $process.Kill() } catch { $timedOut = $true }
    }
    # A killed program's children may hold the pipe open: give up on it a little later.
    if ($timedOut -and $watch.ElapsedMilliseconds -gt $CommandTimeoutMs + 5000) { break }
    Start-Sleep -Milliseconds 20
  }
  [void]$process.WaitForExit(5000)
  $exitCode = $null
  if (-not $timedOut -and $process.HasExited) { $exitCode = $process.ExitCode }
  return @{
    Stdout = (ConvertFrom-ConsoleBytes $pumps[0].Memory.ToArray())
    Stderr = (ConvertFrom-ConsoleBytes $pumps[1].Memory.ToArray())
    ExitCode = $exitCode
    TimedOut = $timedOut
  }
}

# The program's full path: System32 first (no look-alike from the current directory), then PATH.
function Find-Program {
  param([string]$Name)
  $candidate = Join-Path $NativeSystem32 "$Name.exe"
  if (Test-Path -LiteralPath $candidate -PathType Leaf) { return $candidate }
  $command = Get-Command $Name -CommandType Application -ErrorAction SilentlyContinue | Select-Object -First 1
  if ($null -ne $command) { return $command.Definition }
  return ''
}

# Runs argv (program name first) and records it under $Id; returns the stdout text, or ''.
# $Program overrides where the program is found (appcmd lives in inetsrv).
function Invoke-Native {
  param([string]$Id, [string[]]$Argv, [string]$Program = '')
  $line = $Argv -join ' '
  if (-not $Program) { $Program = Find-Program $Argv[0] }
  if (-not $Program -or -not (Test-Path -LiteralPath $Program -PathType Leaf)) {
    Add-CommandEntry $Id $Argv 'null' '' '' (New-Failure 'command-missing' "$($Argv[0]) is not installed")
    return ''
  }
  $arguments = ''
  if ($Argv.Length -gt 1) { $arguments = $Argv[1..($Argv.Length - 1)] -join ' ' }
  try {
    $result = Invoke-Process $Program $arguments
  } catch {
    $inner = Get-InnerException $_
    $reason = 'nonzero-exit'
    if ($inner -is [System.ComponentModel.Win32Exception] -or $inner -is [System.UnauthorizedAccessException]) { $reason = 'permission-denied' }
    Add-CommandEntry $Id $Argv 'null' '' '' (New-Failure $reason "$line could not be started: $($inner.Message)")
    return ''
  }

  Write-BundleText "commands/$Id.out" $result.Stdout
  $stderr = ''
  if ($result.Stderr) {
    Write-BundleText "commands/$Id.err" $result.Stderr
    $stderr = "commands/$Id.err"
  }
  $failure = ''
  $exitCode = 'null'
  if ($result.TimedOut) {
    $failure = New-Failure 'timeout' "$line did not finish within $CommandTimeoutMs ms"
  } else {
    $exitCode = [string]$result.ExitCode
    if ($result.ExitCode -ne 0) {
      # netsh and route print their errors on stdout.
      $first = Get-FirstLine $result.Stderr
      if (-not $first) { $first = Get-FirstLine $result.Stdout }
      $detail = "$line exited with $($result.ExitCode)"
      if ($first) { $detail += ": $first" }
      $failure = New-Failure 'nonzero-exit' $detail
    }
  }
  Add-CommandEntry $Id $Argv $exitCode "commands/$Id.out" $stderr $failure
  return $result.Stdout
}

# Interface indexes from `netsh interface ipv4 show interfaces`: rows of Idx, Met, MTU, State,
# Name. Numbers, not the localized header, find them.
function Get-InterfaceIndexes {
  param([string]$Text)
  $indexes = @()
  foreach ($line in ($Text -split "`r?`n")) {
    if ($line -match '^\s*(\d+)\s+\d+\s+\d+\s+\S') {
      $index = [int]$Matches[1]
      if ($indexes -notcontains $index) { $indexes += $index }
    }
  }
  return ($indexes | Sort-Object)
}

function Invoke-Programs {
  $interfaces = Invoke-Native 'netsh-ipv4-interfaces' @('netsh', 'interface', 'ipv4', 'show', 'interfaces')
  foreach ($index in @(Get-InterfaceIndexes $interfaces)) {
    [void](Invoke-Native "netsh-ipv4-interface-$index" @('netsh', 'interface', 'ipv4', 'show', 'interface', [string]$index))
  }
  [void](Invoke-Native 'netsh-ipv6-interfaces' @('netsh', 'interface', 'ipv6', 'show', 'interfaces'))
  [void](Invoke-Native 'netsh-ipv4-addresses' @('netsh', 'interface', 'ipv4', 'show', 'addresses'))
  [void](Invoke-Native 'netsh-ip-config' @('netsh', 'interface', 'ip', 'show', 'config'))
  [void](Invoke-Native 'ipconfig-all' @('ipconfig', '/all'))
  [void](Invoke-Native 'route-print' @('route', 'print'))
  [void](Invoke-Native 'netsh-advfirewall-profiles' @('netsh', 'advfirewall', 'show', 'allprofiles'))
  [void](Invoke-Native 'netsh-advfirewall-rules-in' @('netsh', 'advfirewall', 'firewall', 'show', 'rule', 'name=all', 'dir=in', 'verbose'))
  [void](Invoke-Native 'netstat-ano' @('netstat', '-ano'))
  [void](Invoke-Native 'netsh-http-iplisten' @('netsh', 'http', 'show', 'iplisten'))
  [void](Invoke-Native 'appcmd-list-site' @('appcmd', 'list', 'site') (Join-Path $NativeSystem32 'inetsrv\appcmd.exe'))
  [void](Invoke-Native 'ver' @('cmd', '/d', '/c', 'ver'))
  if ($script:OsMajor -lt 6) {
    # Windows 2003 has the older firewall and no advfirewall context (the same ids as collect.cmd).
    [void](Invoke-Native 'netsh-firewall-state' @('netsh', 'firewall', 'show', 'state'))
    [void](Invoke-Native 'netsh-firewall-portopening' @('netsh', 'firewall', 'show', 'portopening'))
  }
  if ($PsMajor -lt 3 -or -not (Get-Command Get-NetAdapterBinding -ErrorAction SilentlyContinue)) {
    # Without Get-DnsClient and Get-NetAdapterBinding (2003, 2008): each adapter's DNS registration
    # and GUID from WMI, and the adapters each network service is bound to from its Linkage key.
    [void](Invoke-Native 'wmic-nicconfig' @('wmic', 'nicconfig', 'get', 'Description,DomainDNSRegistrationEnabled,FullDNSRegistrationEnabled,Index,IPAddress,SettingID', '/value'))
    [void](Invoke-Native 'reg-linkage-tcpip' @('reg', 'query', 'HKLM\SYSTEM\CurrentControlSet\Services\Tcpip\Linkage', '/v', 'Bind'))
    [void](Invoke-Native 'reg-linkage-tcpip6' @('reg', 'query', 'HKLM\SYSTEM\CurrentControlSet\Services\Tcpip6\Linkage', '/v', 'Bind'))
    [void](Invoke-Native 'reg-linkage-lanmanserver' @('reg', 'query', 'HKLM\SYSTEM\CurrentControlSet\Services\LanmanServer\Linkage', '/v', 'Bind'))
    [void](Invoke-Native 'reg-linkage-lanmanworkstation' @('reg', 'query', 'HKLM\SYSTEM\CurrentControlSet\Services\LanmanWorkstation\Linkage', '/v', 'Bind'))
    [void](Invoke-Native 'reg-linkage-lltdio' @('reg', 'query', 'HKLM\SYSTEM\CurrentControlSet\Services\lltdio\Linkage', '/v', 'Bind'))
    [void](Invoke-Native 'reg-linkage-rspndr' @('reg', 'query', 'HKLM\SYSTEM\CurrentControlSet\Services\rspndr\Linkage', '/v', 'Bind'))
  }
}

# ---------------------------------------------------------------------------------------------
# Files
# ---------------------------------------------------------------------------------------------

# Copies $ReadFrom (default $Path) byte for byte to files/<drive>/<path>, recorded under $Path.
function Copy-BundleFile {
  param([string]$Path, [string]$ReadFrom = '')
  if (-not $ReadFrom) { $ReadFrom = $Path }
  $json = '{"path": ' + (ConvertTo-JsonString $Path)
  if (-not (Test-Path -LiteralPath $ReadFrom -PathType Leaf)) {
    [void]$script:Files.Add($json + ', "failure": ' + (New-Failure 'missing' "$Path does not exist") + '}')
    return
  }
  # C:\Windows\x becomes files/C/Windows/x.
  $relative = 'files/' + $Path.Replace(':', '').Replace('\', '/')
  try {
    $bytes = [System.IO.File]::ReadAllBytes($ReadFrom)
    $full = Join-Path $script:Stage ($relative.Replace('/', '\'))
    [void][System.IO.Directory]::CreateDirectory([System.IO.Path]::GetDirectoryName($full))
    [System.IO.File]::WriteAllBytes($full, $bytes)
    [void]$script:Files.Add($json + ', "copy": ' + (ConvertTo-JsonString $relative) + '}')
  } catch {
    $inner = Get-InnerException $_
    if ($inner -is [System.UnauthorizedAccessException] -or $inner -is [System.Security.SecurityException]) {
      $failure = New-Failure 'permission-denied' "permission denied reading $Path (run as Administrator)"
    } else {
      $failure = New-Failure 'not-collected' "$Path could not be read: $($inner.Message)"
    }
    [void]$script:Files.Add($json + ', "failure": ' + $failure + '}')
  }
}

function Copy-Files {
  $inetsrv = Join-Path $env:windir 'System32\inetsrv'
  Copy-BundleFile (Join-Path $inetsrv 'config\applicationHost.config') (Join-Path $NativeSystem32 'inetsrv\config\applicationHost.config')
  if ($script:OsMajor -lt 6) {
    # IIS 6 keeps its bindings in the metabase.
    Copy-BundleFile (Join-Path $inetsrv 'MetaBase.xml') (Join-Path $NativeSystem32 'inetsrv\MetaBase.xml')
  }
}

# ---------------------------------------------------------------------------------------------
# Output: temporary name, bundle.json, zip, rename
# ---------------------------------------------------------------------------------------------

function Test-Administrator {
  try {
    $principal = New-Object Security.Principal.WindowsPrincipal ([Security.Principal.WindowsIdentity]::GetCurrent())
    return $principal.IsInRole([Security.Principal.WindowsBuiltInRole]::Administrator)
  } catch {
    return $false
  }
}

function Get-HostName {
  try { return [System.Net.Dns]::GetHostName() } catch { return $env:COMPUTERNAME }
}

# Refuses an existing path without -Force, and even with it a directory that is not a bundle
# (so a mistyped -Out cannot remove a user's folder).
function Assert-Replaceable {
  param([string]$Path)
  if (-not (Test-Path -LiteralPath $Path)) { return }
  if (-not $Force) { throw "$Path already exists; give -Force to replace it" }
  if ((Test-Path -LiteralPath $Path -PathType Container) -and -not (Test-Path -LiteralPath (Join-Path $Path 'bundle.json'))) {
    throw "$Path is a directory without a bundle.json; not replacing it, even with -Force"
  }
}

function Remove-Existing {
  param([string]$Path)
  if (Test-Path -LiteralPath $Path) { Remove-Item -LiteralPath $Path -Recurse -Force }
}

function Write-BundleJson {
  param([string]$HostName, [string]$CollectedAt, [bool]$Privileged)
  $privilegedJson = 'false'
  if ($Privileged) { $privilegedJson = 'true' }
  $lines = New-Object System.Collections.ArrayList
  [void]$lines.Add('{')
  [void]$lines.Add('  "format": "rsaudit-bundle",')
  [void]$lines.Add('  "formatVersion": 1,')
  [void]$lines.Add('  "platform": "windows",')
  [void]$lines.Add('  "hostname": ' + (ConvertTo-JsonString $HostName) + ',')
  [void]$lines.Add('  "os": {"distro": ' + (ConvertTo-JsonString $script:OsDistro) + ', "release": ' + (ConvertTo-JsonString $script:OsRelease) + ', "kernel": ' + (ConvertTo-JsonString $script:OsKernel) + '},')
  [void]$lines.Add('  "collectedAt": "' + $CollectedAt + '",')
  [void]$lines.Add('  "collector": {"name": "collect.ps1", "version": "' + $CollectorVersion + '"},')
  [void]$lines.Add('  "privileged": ' + $privilegedJson + ',')
  [void]$lines.Add('  "encoding": "utf-8",')
  [void]$lines.Add('  "commands": [')
  [void]$lines.Add('    ' + (@($script:Commands) -join (",`n    ")))
  [void]$lines.Add('  ],')
  [void]$lines.Add('  "files": [')
  [void]$lines.Add('    ' + (@($script:Files) -join (",`n    ")))
  [void]$lines.Add('  ],')
  [void]$lines.Add('  "dirs": []')
  [void]$lines.Add('}')
  Write-BundleText 'bundle.json' ((@($lines) -join "`n") + "`n")
}

function Invoke-Collector {
  $hostName = Get-HostName
  $now = [DateTime]::UtcNow
  $collectedAt = $now.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", [Globalization.CultureInfo]::InvariantCulture)
  $canZip = $PsMajor -ge 5

  $target = $Out
  if (-not $target) {
    $safeHost = $hostName -replace '[^A-Za-z0-9._-]', '_'
    $target = 'rsaudit-bundle-' + $safeHost + '-' + $now.ToString("yyyyMMdd'T'HHmmss'Z'", [Globalization.CultureInfo]::InvariantCulture)
    if ($canZip) { $target += '.zip' }
  }
  $target = $ExecutionContext.SessionState.Path.GetUnresolvedProviderPathFromPSPath($target).TrimEnd('\', '/')
  $zip = $target -match '\.zip$'
  if ($zip -and -not $canZip) {
    $target = $target.Substring(0, $target.Length - 4)
    Write-Warning "PowerShell $PsMajor has no Compress-Archive: writing the directory $target instead. Zip it (right-click, Send to, Compressed (zipped) folder) and send the zip."
    $zip = $false
  }
  $parent = [System.IO.Path]::GetDirectoryName($target)
  if (-not (Test-Path -LiteralPath $parent -PathType Container)) { throw "$parent does not exist" }
  Assert-Replaceable $target

  # Built next to the target so the final move is a rename on the same volume.
  $work = Join-Path $parent ('.rsaudit-collect.' + $PID)
  $name = [System.IO.Path]::GetFileName($target)
  if ($zip) { $name = $name.Substring(0, $name.Length - 4) }
  if (-not $name) { $name = 'rsaudit-bundle' }
  if (Test-Path -LiteralPath $work) { throw "$work already exists; remove it and run again" }
  try {
    $script:Stage = Join-Path $work $name
    [void][System.IO.Directory]::CreateDirectory((Join-Path $script:Stage 'commands'))
    [void][System.IO.Directory]::CreateDirectory((Join-Path $script:Stage 'files'))

    Invoke-OsInfo
    Invoke-Cmdlets
    Invoke-Programs
    Copy-Files
    Write-BundleJson $hostName $collectedAt (Test-Administrator)

    if ($zip) {
      $packed = Join-Path $work 'bundle.zip'
      Compress-ZipArchive $script:Stage $packed
      Assert-Replaceable $target
      Remove-Existing $target
      [System.IO.File]::Move($packed, $target)
    } else {
      Assert-Replaceable $target
      Remove-Existing $target
      [System.IO.Directory]::Move($script:Stage, $target)
    }
  } finally {
    Remove-Existing $work
  }
  Write-Output $target
}

# The bundle folder as the zip's one top-level folder. Compress-Archive exists from PowerShell 5.0.
function Compress-ZipArchive {
  param([string]$Folder, [string]$Destination)
  if ($PSVersionTable.PSVersion.Major -lt 5) { throw 'Compress-Archive needs PowerShell 5.0 or later' }
  Compress-Archive -LiteralPath $Folder -DestinationPath $Destination
}

try {
  Invoke-Collector
} catch {
  Write-Host ('collect.ps1: ' + [string](Get-InnerException $_).Message) -ForegroundColor Red
  exit 1
}
