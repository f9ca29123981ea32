@echo off
rem collect.cmd: rsaudit's bundle collector for Windows hosts without PowerShell, such as
rem Windows Server 2003 and Server 2008 Server Core. It only reads: nothing on the host changes.
rem
rem Run it on the real server, from a command prompt started as Administrator:
rem     collect.cmd [-o OUT] [-f]
rem   -o OUT  the directory to write; cmd cannot zip. Default, in the current directory:
rem           rsaudit-bundle-HOST-UTCTIME
rem   -f      replace OUT if it exists and holds a bundle.json
rem Zip the directory it prints (right-click, Send to, Compressed folder) and send the zip to
rem your support engineer, who runs: rsaudit audit --from THE-ZIP
rem
rem It writes a bundle as docs/bundle-format.md describes: bundle.json, commands\ID.out and
rem .err exactly as the programs printed them, in the console code page that chcp reports and
rem bundle.json declares as its encoding, and copies of IIS's applicationHost.config (IIS 7
rem and later) and MetaBase.xml (IIS 6). The command ids are those of collect.ps1
rem (docs/bundle-format.md, "Command ids (Windows)"). Programs that a Windows version lacks
rem (netsh advfirewall on 2003, netsh firewall on 2012 and later) are recorded as failed runs.
rem It also reads what 2003 and 2008 have instead of the cmdlets for bindings and DNS
rem registration: wmic nicconfig, and reg query of the network services' Linkage keys.
rem
rem bundle.json is written with echo. Every value that comes from the host is expanded with
rem delayed expansion (!NAME!), which happens after cmd has looked for and, or, pipe and
rem redirection characters, so a host name cannot break the script; the json subroutine is
rem the one place that escapes text for JSON.

setlocal EnableExtensions DisableDelayedExpansion
set "VERSION=1.0.0"

rem ---------------------------------------------------------------------------------------
rem Arguments and host facts, read while delayed expansion is off: it would eat any "!" in
rem an argument or a FOR value.
rem ---------------------------------------------------------------------------------------

set "OUT="
set "FORCE="
:parse_args
if "%~1"=="" goto :args_done
if /i "%~1"=="-o" goto :arg_out
if /i "%~1"=="/o" goto :arg_out
if /i "%~1"=="-f" goto :arg_force
if /i "%~1"=="/f" goto :arg_force
if /i "%~1"=="-h" goto :usage
if /i "%~1"=="/?" goto :usage
echo collect.cmd: unknown argument 1>&2
goto :usage_error
:arg_out
if "%~2"=="" goto :usage_error
set "OUT=%~2"
shift
shift
goto :parse_args
:arg_force
set "FORCE=1"
shift
goto :parse_args
:args_done

set "HOST="
for /f "delims=" %%H in ('hostname 2^>nul') do set "HOST=%%H"
if not defined HOST set "HOST=%COMPUTERNAME%"

rem "Microsoft Windows [Version 5.2.3790]": the release is the last word in the brackets
rem (the word "Version" is translated), the build its third number.
set "DISTRO=Microsoft Windows"
set "RELEASE="
set "KERNEL="
set "VERSION_WORDS="
for /f "tokens=1 delims=[" %%D in ('ver') do set "DISTRO=%%D"
for /f "tokens=2 delims=[]" %%V in ('ver') do set "VERSION_WORDS=%%V"
if defined VERSION_WORDS for %%N in (%VERSION_WORDS%) do set "RELEASE=%%N"
if defined RELEASE for /f "tokens=3 delims=." %%B in ("%RELEASE%") do set "KERNEL=%%B"
if "%DISTRO:~-1%"==" " set "DISTRO=%DISTRO:~0,-1%"

call :utc_now

rem The console code page is the encoding of everything the programs print. "Active code
rem page: 850" is translated too, so take the last word. The reader knows the code pages
rem below; under any other one this window switches to 850 while collecting, which keeps
rem the ASCII structure the parsers need, and switches back at the end.
set "CHCP_LINE="
for /f "tokens=*" %%L in ('chcp') do set "CHCP_LINE=%%L"
set "CP="
if defined CHCP_LINE for %%T in (%CHCP_LINE::= %) do set "CP=%%T"
if defined CP set "CP=%CP:.=%"
set "ENCODING="
for %%K in (437 850 852 866 932 936 949 950 1250 1251 1252) do if "%CP%"=="%%K" set "ENCODING=cp%%K"
if "%CP%"=="65001" set "ENCODING=utf-8"
set "RESTORE_CP="
if not defined ENCODING call :switch_code_page

set "PRIVILEGED=false"
fsutil dirty query %SystemDrive% >nul 2>&1 && set "PRIVILEGED=true"
if "%PRIVILEGED%"=="false" net session >nul 2>&1 && set "PRIVILEGED=true"

if not defined OUT set "OUT=rsaudit-bundle-%COMPUTERNAME%-%STAMP%"
if "%OUT:~-1%"=="\" set "OUT=%OUT:~0,-1%"
set "ZIP_NOTE="
if /i "%OUT:~-4%"==".zip" set "ZIP_NOTE=1"
if defined ZIP_NOTE set "OUT=%OUT:~0,-4%"
for %%P in ("%OUT%") do set "OUT_FULL=%%~fP"
for %%P in ("%OUT%") do set "OUT_PARENT=%%~dpP"

rem ---------------------------------------------------------------------------------------
rem From here on, host values are only expanded as !NAME!.
rem ---------------------------------------------------------------------------------------
setlocal EnableDelayedExpansion

if defined ZIP_NOTE echo collect.cmd: cmd cannot zip; writing the directory !OUT_FULL! instead 1>&2
call :check_out
if errorlevel 1 goto :fail

rem Results are checked by looking at what was made, not with ERRORLEVEL or ||: internal
rem commands such as mkdir and copy do not reset ERRORLEVEL when they succeed.
set "WORK=!OUT_PARENT!.rsaudit-collect.!RANDOM!"
if exist "!WORK!" goto :fail_work
mkdir "!WORK!\parts"
if not exist "!WORK!\parts\" goto :fail_work
set "PARTS=!WORK!\parts"
set "STAGE=!WORK!\bundle"
mkdir "!STAGE!\commands"
mkdir "!STAGE!\files"
if not exist "!STAGE!\files\" goto :fail_work

call :run "netsh-ipv4-interfaces" "netsh interface ipv4 show interfaces"
rem Rows of Idx, Met, MTU, State, Name: three numbers first, whatever the header's language.
for /f "usebackq tokens=1-3" %%A in ("!STAGE!\commands\netsh-ipv4-interfaces.out") do call :interface_row "%%A" "%%B" "%%C"
call :run "netsh-ipv6-interfaces" "netsh interface ipv6 show interfaces"
call :run "netsh-ipv4-addresses" "netsh interface ipv4 show addresses"
call :run "netsh-ip-config" "netsh interface ip show config"
call :run "ipconfig-all" "ipconfig /all"
call :run "route-print" "route print"
call :run "netsh-advfirewall-profiles" "netsh advfirewall show allprofiles"
call :run "netsh-advfirewall-rules-in" "netsh advfirewall firewall show rule name=all dir=in verbose"
call :run "netsh-firewall-state" "netsh firewall show state"
call :run "netsh-firewall-portopening" "netsh firewall show portopening"
call :run "netstat-ano" "netstat -ano"
call :run "netsh-http-iplisten" "netsh http show iplisten"
set "APPCMD=%SystemRoot%\system32\inetsrv\appcmd.exe"
if exist "!APPCMD!" call :run "appcmd-list-site" "!APPCMD! list site" "appcmd list site"
if not exist "!APPCMD!" call :missing "appcmd-list-site" "appcmd list site" "appcmd is not installed"
rem Windows 2003 and 2008 have no Get-DnsClient or Get-NetAdapterBinding. WMI gives each
rem adapter's DNS registration and GUID (wmic writes UTF-16LE with a byte order mark, which the
rem reader honours), and each network service's Linkage\Bind names the adapters it is bound to.
call :run "wmic-nicconfig" "wmic nicconfig get Description,DomainDNSRegistrationEnabled,FullDNSRegistrationEnabled,Index,IPAddress,SettingID /value"
call :run "reg-linkage-tcpip" "reg query HKLM\SYSTEM\CurrentControlSet\Services\Tcpip\Linkage /v Bind"
call :run "reg-linkage-tcpip6" "reg query HKLM\SYSTEM\CurrentControlSet\Services\Tcpip6\Linkage /v Bind"
call :run "reg-linkage-lanmanserver" "reg query HKLM\SYSTEM\CurrentControlSet\Services\LanmanServer\Linkage /v Bind"
call :run "reg-linkage-lanmanworkstation" "reg query HKLM\SYSTEM\CurrentControlSet\Services\LanmanWorkstation\Linkage /v Bind"
call :run "reg-linkage-lltdio" "reg query HKLM\SYSTEM\CurrentControlSet\Services\lltdio\Linkage /v Bind"
call :run "reg-linkage-rspndr" "reg query HKLM\SYSTEM\CurrentControlSet\Services\rspndr\Linkage /v Bind"
call :run "ver" "ver" "cmd /d /c ver"

call :copy_file "%SystemRoot%\system32\inetsrv\config\applicationHost.config"
call :copy_file "%SystemRoot%\system32\inetsrv\MetaBase.xml"

call :write_bundle_json
call :check_out
if errorlevel 1 goto :fail
if exist "!OUT_FULL!\*" rd /s /q "!OUT_FULL!"
if exist "!OUT_FULL!" del /f /q "!OUT_FULL!"
move "!STAGE!" "!OUT_FULL!" >nul
if not exist "!OUT_FULL!\bundle.json" goto :fail_move
rd /s /q "!WORK!"
if defined RESTORE_CP chcp !RESTORE_CP! >nul
echo(!OUT_FULL!
exit /b 0

:fail_move
echo collect.cmd: cannot move the bundle to !OUT_FULL! 1>&2
goto :fail
:fail_work
echo collect.cmd: cannot create a working directory next to !OUT_FULL! 1>&2
:fail
if defined WORK if exist "!WORK!" rd /s /q "!WORK!"
if defined RESTORE_CP chcp !RESTORE_CP! >nul
exit /b 1

:usage
echo usage: collect.cmd [-o OUT] [-f]
echo   -o OUT  the bundle directory to write
echo   -f      replace OUT if it already holds a bundle
exit /b 0

:usage_error
echo usage: collect.cmd [-o OUT] [-f] 1>&2
exit /b 2

rem =======================================================================================
rem Subroutines
rem =======================================================================================

rem utc_now: COLLECTED_AT (2026-11-26T03:00:00Z) and STAMP (20261126T030000Z) from WMI's
rem Win32_UTCTime, since DATE and TIME are local and their format follows the locale.
:utc_now
set "UTC_Year="
for /f "tokens=1,2 delims==" %%A in ('wmic path Win32_UTCTime get Day^,Hour^,Minute^,Month^,Second^,Year /value 2^>nul') do call :utc_part "%%A" "%%B"
if not defined UTC_Year goto :utc_unknown
set "UTC_Month=0%UTC_Month%"
set "UTC_Day=0%UTC_Day%"
set "UTC_Hour=0%UTC_Hour%"
set "UTC_Minute=0%UTC_Minute%"
set "UTC_Second=0%UTC_Second%"
set "UTC_DATE=%UTC_Year%-%UTC_Month:~-2%-%UTC_Day:~-2%"
set "UTC_TIME=%UTC_Hour:~-2%:%UTC_Minute:~-2%:%UTC_Second:~-2%"
set "COLLECTED_AT=%UTC_DATE%T%UTC_TIME%Z"
set "STAMP=%UTC_DATE:-=%T%UTC_TIME::=%Z"
exit /b 0
:utc_unknown
echo collect.cmd: wmic cannot tell the UTC time; bundle.json says 1970-01-01 instead 1>&2
set "COLLECTED_AT=1970-01-01T00:00:00Z"
set "STAMP=%RANDOM%"
exit /b 0

rem utc_part NAME VALUE: wmic ends its lines with an extra carriage return; FOR /F drops it.
:utc_part
for /f "delims=" %%C in ("%~2") do set "UTC_%~1=%%C"
exit /b 0

:switch_code_page
chcp 850 >nul
set "RESTORE_CP=%CP%"
set "ENCODING=cp850"
echo collect.cmd: code page %CP% switched to 850 while collecting 1>&2
exit /b 0

rem check_out: an existing OUT needs -f, and even then only a previous bundle is replaced.
:check_out
if not exist "!OUT_FULL!" exit /b 0
if not defined FORCE goto :out_exists
if exist "!OUT_FULL!\*" if not exist "!OUT_FULL!\bundle.json" goto :out_not_bundle
exit /b 0
:out_exists
echo collect.cmd: !OUT_FULL! already exists; give -f to replace it 1>&2
exit /b 1
:out_not_bundle
echo collect.cmd: !OUT_FULL! is a directory without a bundle.json; not replacing it, even with -f 1>&2
exit /b 1

rem json NAME: sets NAME_JSON to the value of NAME as a JSON string, with backslashes and
rem double quotes escaped. The one place that escapes text.
:json
set "JSON_VALUE=!%~1!"
if defined JSON_VALUE set "JSON_VALUE=!JSON_VALUE:\=\\!"
if defined JSON_VALUE set "JSON_VALUE=!JSON_VALUE:"=\"!"
set "%~1_JSON="!JSON_VALUE!""
exit /b 0

rem emit LIST: adds ENTRY to commands or files. Each entry is written when the next one
rem arrives, so that all but the last get a comma.
:emit
if defined PENDING_%~1 call :write_pending %1 ","
set "PENDING_%~1=!ENTRY!"
exit /b 0

:write_pending
>>"!PARTS!\%~1" echo(    !PENDING_%~1!%~2
exit /b 0

rem run ID "COMMAND LINE" ["ARGV"]: runs the command with its output in commands\ID.out and
rem .err. ARGV is the command as recorded, when it differs from what ran.
:run
set "RUN_ID=%~1"
set "RUN_ARGV=%~2"
if not "%~3"=="" set "RUN_ARGV=%~3"
rem Built-in commands such as ver leave ERRORLEVEL alone: start from 0.
verify >nul
%~2 >"!STAGE!\commands\%~1.out" 2>"!STAGE!\commands\%~1.err"
set "RUN_RC=!ERRORLEVEL!"
rem 9009 is cmd's "is not recognized as an internal or external command".
if "!RUN_RC!"=="9009" goto :run_missing
call :json RUN_ARGV
set "ARGV_JSON=[!RUN_ARGV_JSON: =", "!]"
set "ENTRY={"id": "!RUN_ID!", "argv": !ARGV_JSON!, "exitCode": !RUN_RC!, "stdout": "commands/!RUN_ID!.out""
set "ERR_SIZE=0"
for %%F in ("!STAGE!\commands\!RUN_ID!.err") do set "ERR_SIZE=%%~zF"
if "!ERR_SIZE!"=="0" del "!STAGE!\commands\!RUN_ID!.err"
if not "!ERR_SIZE!"=="0" set "ENTRY=!ENTRY!, "stderr": "commands/!RUN_ID!.err""
if not "!RUN_RC!"=="0" set "RUN_DETAIL=!RUN_ARGV! exited with !RUN_RC!"
if not "!RUN_RC!"=="0" call :json RUN_DETAIL
if not "!RUN_RC!"=="0" set "ENTRY=!ENTRY!, "failure": {"reason": "nonzero-exit", "detail": !RUN_DETAIL_JSON!}"
set "ENTRY=!ENTRY!}"
call :emit commands
exit /b 0
:run_missing
del "!STAGE!\commands\!RUN_ID!.out" "!STAGE!\commands\!RUN_ID!.err" >nul 2>nul
for /f "tokens=1" %%P in ("!RUN_ARGV!") do call :missing "!RUN_ID!" "!RUN_ARGV!" "%%P is not installed"
exit /b 0

rem missing ID "ARGV" "DETAIL": a program that is not installed.
:missing
set "RUN_ARGV=%~2"
set "RUN_DETAIL=%~3"
call :json RUN_DETAIL
call :json RUN_ARGV
set "ARGV_JSON=[!RUN_ARGV_JSON: =", "!]"
set "ENTRY={"id": "%~1", "argv": !ARGV_JSON!, "exitCode": null, "failure": {"reason": "command-missing", "detail": !RUN_DETAIL_JSON!}}"
call :emit commands
exit /b 0

rem interface_row A B C: a row of the interface table runs "show interface IDX".
:interface_row
call :is_number %1
if errorlevel 1 exit /b 0
call :is_number %2
if errorlevel 1 exit /b 0
call :is_number %3
if errorlevel 1 exit /b 0
call :run "netsh-ipv4-interface-%~1" "netsh interface ipv4 show interface %~1"
exit /b 0

:is_number
if "%~1"=="" exit /b 1
for /f "delims=0123456789" %%X in ("%~1") do exit /b 1
exit /b 0

rem copy_file PATH: copies PATH to files\C\..., recorded with its original path. IIS's XML
rem files are UTF-8 whatever the console's code page, so their entries say so.
:copy_file
set "CF_PATH=%~1"
set "CF_REL=!CF_PATH::=!"
set "CF_DEST=!STAGE!\files\!CF_REL!"
set "CF_COPY=files/!CF_REL:\=/!"
call :json CF_PATH
if not exist "!CF_PATH!" goto :copy_missing
for %%D in ("!CF_DEST!") do if not exist "%%~dpD" mkdir "%%~dpD"
copy /b /y "!CF_PATH!" "!CF_DEST!" >nul 2>nul
if not exist "!CF_DEST!" goto :copy_denied
set "ENTRY={"path": !CF_PATH_JSON!, "copy": "!CF_COPY!", "encoding": "utf-8"}"
call :emit files
exit /b 0
:copy_missing
set "CF_DETAIL=!CF_PATH! does not exist"
call :json CF_DETAIL
set "ENTRY={"path": !CF_PATH_JSON!, "failure": {"reason": "missing", "detail": !CF_DETAIL_JSON!}}"
call :emit files
exit /b 0
:copy_denied
set "CF_DETAIL=permission denied reading !CF_PATH! (run as Administrator)"
call :json CF_DETAIL
set "ENTRY={"path": !CF_PATH_JSON!, "failure": {"reason": "permission-denied", "detail": !CF_DETAIL_JSON!}}"
call :emit files
exit /b 0

rem write_bundle_json: the header, then the entries gathered in PARTS.
:write_bundle_json
call :json HOST
call :json DISTRO
call :json RELEASE
call :json KERNEL
if defined PENDING_commands call :write_pending commands ""
if defined PENDING_files call :write_pending files ""
set "BUNDLE=!STAGE!\bundle.json"
>"!BUNDLE!" echo({
>>"!BUNDLE!" echo(  "format": "rsaudit-bundle",
>>"!BUNDLE!" echo(  "formatVersion": 1,
>>"!BUNDLE!" echo(  "platform": "windows",
>>"!BUNDLE!" echo(  "hostname": !HOST_JSON!,
>>"!BUNDLE!" echo(  "os": {"distro": !DISTRO_JSON!, "release": !RELEASE_JSON!, "kernel": !KERNEL_JSON!},
>>"!BUNDLE!" echo(  "collectedAt": "!COLLECTED_AT!",
>>"!BUNDLE!" echo(  "collector": {"name": "collect.cmd", "version": "!VERSION!"},
>>"!BUNDLE!" echo(  "privileged": !PRIVILEGED!,
>>"!BUNDLE!" echo(  "encoding": "!ENCODING!",
>>"!BUNDLE!" echo(  "commands": [
if exist "!PARTS!\commands" type "!PARTS!\commands" >>"!BUNDLE!"
>>"!BUNDLE!" echo(  ],
>>"!BUNDLE!" echo(  "files": [
if exist "!PARTS!\files" type "!PARTS!\files" >>"!BUNDLE!"
>>"!BUNDLE!" echo(  ],
>>"!BUNDLE!" echo(  "dirs": []
>>"!BUNDLE!" echo(}
exit /b 0
