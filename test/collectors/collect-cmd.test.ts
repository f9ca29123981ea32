/**
 * collectors/collect.cmd cannot run here, so this checks it two ways. Structurally: CRLF line
 * endings and ASCII (cmd misreads labels otherwise), every Windows command id with its argv,
 * the code page from chcp as the bundle encoding, and echo lines that write JSON free of
 * cmd's special characters. Then by rendering: a small model of the cmd features the script
 * uses (set, if, call, goto, exit /b, delayed !expansion! with :old=new substitution, echo
 * redirection) plays the script's second half for a host whose name holds quotes,
 * backslashes, `&`, `|`, `<`, `>`, `^` and `!`, and the bundle.json it writes must match the schema.
 */
import {readFileSync} from 'node:fs'

import {describe, expect, it} from 'vitest'

import {BUNDLE_SCHEMA, bundleProblems, type Manifest} from './bundle-schema.js'
import {WINDOWS_COMMAND_IDS} from './windows-command-ids.js'

const RAW = readFileSync(new URL('../../collectors/collect.cmd', import.meta.url), 'latin1')
const LINES = RAW.split('\r\n')

describe('collect.cmd', () => {
  it('has CRLF line endings only, and is ASCII', () => {
    expect(RAW.endsWith('\r\n')).toBe(true)
    expect(RAW.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/)
    expect(RAW).toMatch(/^[\x00-\x7f]*$/)
  })

  it('runs every Windows command id with the documented argv', () => {
    const runs = new Map<string, string>()
    for (const line of LINES) {
      const match = /call :run "([^"]+)" "([^"]+)"(?: "([^"]+)")?/.exec(line)
      if (match) runs.set(match[1] ?? '', match[3] ?? match[2] ?? '')
    }
    const ids = WINDOWS_COMMAND_IDS.filter((c) => c.collectors.includes('collect.cmd'))
    for (const {id, argv} of ids) {
      if (id === 'netsh-ipv4-interface-<idx>') expect(runs.get('netsh-ipv4-interface-%~1')).toBe('netsh interface ipv4 show interface %~1')
      else expect(runs.get(id), id).toBe(argv)
    }
    expect(RAW).toContain('call :missing "appcmd-list-site" "appcmd list site" "appcmd is not installed"')
    const documented = new Set(ids.map((c) => c.id.replace('<idx>', '%~1')))
    for (const id of runs.keys()) expect(documented.has(id), `${id} is not in the Windows id table`).toBe(true)
  })

  it('takes the bundle encoding from chcp, for exactly the code pages the format accepts', () => {
    expect(RAW).toContain(`for /f "tokens=*" %%L in ('chcp') do set "CHCP_LINE=%%L"`)
    const listed = /for %%K in \(([\d ]+)\) do if "%CP%"=="%%K" set "ENCODING=cp%%K"/.exec(RAW)?.[1]?.split(' ')
    const accepted = BUNDLE_SCHEMA.definitions.encoding.enum.filter((e) => e.startsWith('cp')).map((e) => e.slice(2))
    expect(listed).toEqual(accepted)
    expect(RAW).toContain('if "%CP%"=="65001" set "ENCODING=utf-8"')
    expect(RAW).toContain('>>"!BUNDLE!" echo(  "encoding": "!ENCODING!",')
  })

  it('writes JSON only with echo lines free of unescaped & | < > and of %', () => {
    const echoes = LINES.filter((line) => /^\s*>>?"![A-Z_]+!(\\[^"]*)?" echo\(/.test(line))
    expect(echoes.length).toBeGreaterThan(15)
    for (const line of echoes) {
      const text = line.slice(line.indexOf('echo(') + 5)
      // %~1 and %~2 are the subroutine's own arguments (a list name, a comma), never host text.
      expect(text.replace(/\^./g, '').replace(/%~\d/g, ''), line).not.toMatch(/[&|<>%]/)
    }
    // Every echo( line that writes JSON starts with its redirection, so a digit at its end is never a handle.
    for (const line of LINES.filter((l) => l.includes('echo(') && /[{"]/.test(l))) expect(line.trimStart().startsWith('>'), line).toBe(true)
  })

  it('keeps host values behind delayed expansion once it writes JSON', () => {
    const start = LINES.findIndex((line) => line.startsWith('setlocal EnableDelayedExpansion'))
    expect(start).toBeGreaterThan(0)
    for (const line of LINES.slice(start)) {
      if (/^\s*rem /i.test(line)) continue
      // %VAR% is expanded before cmd looks for & | < >, so only values that cannot hold them may be
      // written that way: the Windows directory, and the digits of chcp and wmic (read by the
      // subroutines that run before delayed expansion is on).
      for (const match of line.matchAll(/%([A-Za-z_]\w*)(?::[^%]*)?%/g)) expect(match[1], line).toMatch(/^(SystemRoot|SystemDrive|CP|RANDOM|UTC_\w+)$/)
    }
  })

  it('renders a valid bundle.json for a hostile host name, failed and missing programs', () => {
    const host = 'R"S\\1&b|c<d>e^f!g'
    const cmd = new CmdModel(LINES, {
      vars: {
        HOST: host,
        DISTRO: 'Microsoft Windows',
        RELEASE: '5.2.3790',
        KERNEL: '3790',
        COLLECTED_AT: '2026-11-26T03:00:00Z',
        ENCODING: 'cp850',
        PRIVILEGED: 'true',
        VERSION: '1.0.0',
        OUT_FULL: 'C:\\b',
        OUT_PARENT: 'C:\\',
        SystemRoot: 'C:\\WINDOWS',
        RANDOM: '42',
      },
      // Windows 2003: no ipv4 context or advfirewall, no http context (9009 stands for a missing program), no IIS 7.
      exitCodes: {'netsh-ipv4-interfaces': 1, 'netsh-ipv4-addresses': 1, 'netsh-advfirewall-profiles': 1, 'netsh-advfirewall-rules-in': 1, 'netsh-http-iplisten': 9009, 'reg-linkage-tcpip6': 1},
      stderrSize: {'route-print': 12},
      exists: (path) => path.includes('applicationHost.config') || path === 'C:\\.rsaudit-collect.42\\parts\\' || path === 'C:\\.rsaudit-collect.42\\bundle\\files\\' || path === 'C:\\b\\bundle.json',
      interfaceRows: [['Idx', 'Met', 'MTU'], ['---', '----------', '----------'], ['1', '50', '4294967295'], ['2', '10', '1500']],
    })
    cmd.run(LINES.findIndex((line) => line.startsWith('setlocal EnableDelayedExpansion')))
    const text = cmd.files.get('C:\\.rsaudit-collect.42\\bundle\\bundle.json') ?? ''
    const manifest = JSON.parse(text) as Manifest
    expect(bundleProblems(manifest)).toBe('')
    expect(manifest).toMatchObject({hostname: host, encoding: 'cp850', collector: {name: 'collect.cmd', version: '1.0.0'}, os: {release: '5.2.3790', kernel: '3790'}})
    expect(manifest.commands.map((c) => c.id)).toEqual([
      'netsh-ipv4-interfaces',
      'netsh-ipv4-interface-1',
      'netsh-ipv4-interface-2',
      'netsh-ipv6-interfaces',
      'netsh-ipv4-addresses',
      'netsh-ip-config',
      'ipconfig-all',
      'route-print',
      'netsh-advfirewall-profiles',
      'netsh-advfirewall-rules-in',
      'netsh-firewall-state',
      'netsh-firewall-portopening',
      'netstat-ano',
      'netsh-http-iplisten',
      'appcmd-list-site',
      'wmic-nicconfig',
      'reg-linkage-tcpip',
      'reg-linkage-tcpip6',
      'reg-linkage-lanmanserver',
      'reg-linkage-lanmanworkstation',
      'reg-linkage-lltdio',
      'reg-linkage-rspndr',
      'ver',
    ])
    // A backslash in an argv is escaped for JSON, and a key 2003 lacks is a failed run.
    expect(manifest.commands.find((c) => c.id === 'reg-linkage-tcpip6')).toEqual({
      id: 'reg-linkage-tcpip6',
      argv: ['reg', 'query', 'HKLM\\SYSTEM\\CurrentControlSet\\Services\\Tcpip6\\Linkage', '/v', 'Bind'],
      exitCode: 1,
      stdout: 'commands/reg-linkage-tcpip6.out',
      failure: {reason: 'nonzero-exit', detail: 'reg query HKLM\\SYSTEM\\CurrentControlSet\\Services\\Tcpip6\\Linkage /v Bind exited with 1'},
    })
    expect(manifest.commands.find((c) => c.id === 'netsh-advfirewall-rules-in')).toEqual({
      id: 'netsh-advfirewall-rules-in',
      argv: ['netsh', 'advfirewall', 'firewall', 'show', 'rule', 'name=all', 'dir=in', 'verbose'],
      exitCode: 1,
      stdout: 'commands/netsh-advfirewall-rules-in.out',
      failure: {reason: 'nonzero-exit', detail: 'netsh advfirewall firewall show rule name=all dir=in verbose exited with 1'},
    })
    expect(manifest.commands.find((c) => c.id === 'route-print')?.stderr).toBe('commands/route-print.err')
    expect(manifest.commands.find((c) => c.id === 'netsh-http-iplisten')).toEqual({
      id: 'netsh-http-iplisten',
      argv: ['netsh', 'http', 'show', 'iplisten'],
      exitCode: null,
      failure: {reason: 'command-missing', detail: 'netsh is not installed'},
    })
    expect(manifest.commands.find((c) => c.id === 'ver')?.argv).toEqual(['cmd', '/d', '/c', 'ver'])
    expect(manifest.files).toEqual([
      {path: 'C:\\WINDOWS\\system32\\inetsrv\\config\\applicationHost.config', copy: 'files/C/WINDOWS/system32/inetsrv/config/applicationHost.config', encoding: 'utf-8'},
      {path: 'C:\\WINDOWS\\system32\\inetsrv\\MetaBase.xml', failure: {reason: 'missing', detail: 'C:\\WINDOWS\\system32\\inetsrv\\MetaBase.xml does not exist'}},
    ])
  })
})

interface Scenario {
  vars: Record<string, string>
  exitCodes: Record<string, number>
  stderrSize: Record<string, number>
  exists: (path: string) => boolean
  interfaceRows: string[][]
}

/**
 * Just enough of cmd.exe to play collect.cmd's JSON writing: labels, set "N=V", if [not]
 * "a"=="b" / defined / exist / errorlevel, call :label with arguments, goto, exit /b, %~N and
 * %NAME% (phase 1), !NAME! and !NAME:old=new! (delayed, never re-expanded), and echo( into
 * redirected files. Programs are stubbed from the scenario; other commands are ignored.
 */
class CmdModel {
  readonly files = new Map<string, string>()
  private readonly vars = new Map<string, string>()
  private readonly labels = new Map<string, number>()
  private steps = 0

  constructor(
    private readonly lines: readonly string[],
    private readonly scenario: Scenario,
  ) {
    lines.forEach((line, index) => {
      const label = /^:([\w-]+)\s*$/.exec(line)
      if (label) this.labels.set(label[1]?.toLowerCase() ?? '', index)
    })
    for (const [name, value] of Object.entries(scenario.vars)) this.set(name, value)
  }

  run(from: number, args: string[] = []): number {
    let at = from
    while (at < this.lines.length) {
      if (++this.steps > 100_000) throw new Error('the model ran too long: a loop?')
      const line = this.phase1(this.lines[at] ?? '', args)
      at++
      const outcome = this.execute(line.trim(), args)
      if (outcome === undefined) continue
      if (outcome.exit !== undefined) return outcome.exit
      if (outcome.goto !== undefined) at = this.label(outcome.goto) + 1
    }
    return 0
  }

  private execute(line: string, args: string[]): {exit?: number; goto?: string} | undefined {
    if (line === '' || /^(rem\b|:|@echo|echo\(|setlocal|verify|chcp|mkdir|rd |del |move |copy |fsutil|net )/i.test(line)) return undefined
    let match: RegExpExecArray | null
    if ((match = /^if (not )?"([^"]*)"=="([^"]*)" (.*)$/i.exec(line))) {
      const equal = this.delayed(match[2] ?? '') === this.delayed(match[3] ?? '')
      return equal !== Boolean(match[1]) ? this.execute(match[4] ?? '', args) : undefined
    }
    if ((match = /^if (not )?defined (\S+) (.*)$/i.exec(line))) {
      return this.vars.has((match[2] ?? '').toLowerCase()) !== Boolean(match[1]) ? this.execute(match[3] ?? '', args) : undefined
    }
    if ((match = /^if (not )?exist "([^"]*)" (.*)$/i.exec(line))) {
      const path = this.delayed(match[2] ?? '')
      return (this.files.has(path) || this.scenario.exists(path)) !== Boolean(match[1]) ? this.execute(match[3] ?? '', args) : undefined
    }
    if ((match = /^if errorlevel (\d+) (.*)$/i.exec(line))) {
      return Number(this.get('ERRORLEVEL')) >= Number(match[1]) ? this.execute(match[2] ?? '', args) : undefined
    }
    if ((match = /^set "([^=]+)=(.*)"$/i.exec(this.delayed(line)))) {
      this.set(match[1] ?? '', match[2] ?? '')
      return undefined
    }
    if ((match = /^call :([\w-]+)\s*(.*)$/i.exec(line))) {
      const code = this.run(this.label(match[1] ?? '') + 1, splitArgs(this.delayed(match[2] ?? '')))
      this.set('ERRORLEVEL', String(code))
      return undefined
    }
    if ((match = /^goto :?([\w-]+)$/i.exec(line))) return {goto: match[1] ?? ''}
    if ((match = /^exit \/b (\d+)$/i.exec(line))) return {exit: Number(match[1])}
    if ((match = /^(>>?)"([^"]*)" echo\((.*)$/.exec(line))) {
      const file = this.delayed(match[2] ?? '')
      const text = `${this.delayed(match[3] ?? '')}\r\n`
      this.files.set(file, (match[1] === '>>' ? (this.files.get(file) ?? '') : '') + text)
      return undefined
    }
    if ((match = /^type "([^"]*)" >>"([^"]*)"$/.exec(line))) {
      const to = this.delayed(match[2] ?? '')
      this.files.set(to, (this.files.get(to) ?? '') + (this.files.get(this.delayed(match[1] ?? '')) ?? ''))
      return undefined
    }
    if (line.startsWith('for ')) return this.forLoop(line, args)
    if (/^(netsh|ipconfig|route|netstat|ver|wmic|reg|C:\\WINDOWS)\b/i.test(line)) {
      this.set('ERRORLEVEL', String(this.scenario.exitCodes[this.get('RUN_ID')] ?? 0))
      return undefined
    }
    if (/^echo /i.test(line)) return undefined
    throw new Error(`the model does not know: ${line}`)
  }

  /** The loops collect.cmd runs after setlocal EnableDelayedExpansion. */
  private forLoop(line: string, args: string[]): {exit?: number; goto?: string} | undefined {
    let match: RegExpExecArray | null
    if (line.includes('netsh-ipv4-interfaces.out')) {
      for (const row of this.scenario.interfaceRows) this.execute(`call :interface_row ${row.map((cell) => `"${cell}"`).join(' ')}`, args)
      return undefined
    }
    if ((match = /^for %%F in \("(.*)"\) do set "ERR_SIZE=%%~zF"$/.exec(line))) {
      this.set('ERR_SIZE', String(this.scenario.stderrSize[this.get('RUN_ID')] ?? 0))
      return undefined
    }
    if ((match = /^for \/f "tokens=1" %%P in \("(.*)"\) do (.*)$/.exec(line))) {
      const first = this.delayed(match[1] ?? '').split(' ')[0] ?? ''
      return this.execute((match[2] ?? '').replace(/%%P/g, first), args)
    }
    if ((match = /^for \/f "delims=0123456789" %%X in \("(.*)"\) do (.*)$/.exec(line))) {
      return /^\d*$/.test(match[1] ?? '') ? undefined : this.execute(match[2] ?? '', args)
    }
    if (/^for %%D in /.test(line)) return undefined
    throw new Error(`the model does not know this loop: ${line}`)
  }

  private label(name: string): number {
    const at = this.labels.get(name.toLowerCase())
    if (at === undefined) throw new Error(`no label :${name}`)
    return at
  }

  /** Phase 1: %~N, %N and %NAME% (FOR's %%X stays for the loop). */
  private phase1(line: string, args: string[]): string {
    if (/^\s*rem /i.test(line)) return line
    return line.replace(/%%|%~(\d)|%(\d)|%([A-Za-z_][\w]*)%/g, (whole, unquoted: string | undefined, raw: string | undefined, name: string | undefined) => {
      if (whole === '%%') return '%%'
      if (unquoted !== undefined) return (args[Number(unquoted) - 1] ?? '').replace(/^"(.*)"$/, '$1')
      if (raw !== undefined) return args[Number(raw) - 1] ?? ''
      return this.get(name ?? '')
    })
  }

  /** Delayed expansion, which never re-expands what it inserts. */
  private delayed(text: string): string {
    return text.replace(/!([A-Za-z_][\w]*)(?::([^=!]*)=([^!]*))?!/g, (_whole, name: string, from: string | undefined, to: string | undefined) => {
      const value = this.get(name)
      if (from === undefined || from === '') return value
      return value.split(from).join(to ?? '')
    })
  }

  private get(name: string): string {
    return this.vars.get(name.toLowerCase()) ?? ''
  }

  private set(name: string, value: string): void {
    if (value === '') this.vars.delete(name.toLowerCase())
    else this.vars.set(name.toLowerCase(), value)
  }
}

/** cmd's argument split for CALL: spaces separate, double quotes group and are kept. */
function splitArgs(text: string): string[] {
  return [...text.matchAll(/"[^"]*"|[^\s"]+/g)].map((m) => m[0])
}
