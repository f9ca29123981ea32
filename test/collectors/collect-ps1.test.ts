/**
 * collectors/collect.ps1 cannot run here (no Windows, no PowerShell), so this checks its
 * structure: it scans (brackets, strings, here-strings and comments all closed), it runs every
 * Windows command id with the documented argv, and what PowerShell 2.0 cannot parse or run
 * stays out of its reach: no 3.0+ syntax anywhere, and 3.0+ cmdlets only behind a version
 * or Get-Command check. When tree-sitter and tree-sitter-powershell are installed, a real
 * parser checks the script too.
 */
import {readFileSync} from 'node:fs'

import {describe, expect, it} from 'vitest'

import {WINDOWS_COMMAND_IDS} from './windows-command-ids.js'

const SOURCE = readFileSync(new URL('../../collectors/collect.ps1', import.meta.url), 'utf8')

interface Scan {
  errors: string[]
  /** The source with comments and the insides of strings blanked out, line breaks kept. */
  code: string
}

/**
 * A PowerShell scanner for what can break a whole script: brackets, quotes (with `` ` `` and
 * doubled-quote escapes), `$( )` inside double-quoted strings, here-strings and comments.
 */
export function scanPowerShell(source: string): Scan {
  const errors: string[] = []
  const code = source.split('')
  let i = 0
  const lineOf = (at: number): number => source.slice(0, at).split('\n').length
  const blank = (from: number, to: number): void => {
    for (let k = from; k < to && k < code.length; k++) if (code[k] !== '\n' && code[k] !== '\r') code[k] = ' '
  }

  const scanCode = (closer: string | undefined): void => {
    const stack: Array<{char: string; at: number}> = []
    const pairs: Record<string, string> = {')': '(', '}': '{', ']': '['}
    while (i < source.length) {
      const c = source[i] ?? ''
      const next = source[i + 1] ?? ''
      if (c === '<' && next === '#') {
        const end = source.indexOf('#>', i + 2)
        if (end === -1) errors.push(`line ${lineOf(i)}: block comment <# is never closed`)
        const stop = end === -1 ? source.length : end + 2
        blank(i, stop)
        i = stop
      } else if (c === '#') {
        const end = source.indexOf('\n', i)
        const stop = end === -1 ? source.length : end
        blank(i, stop)
        i = stop
      } else if (c === '@' && (next === '"' || next === "'") && /^[ \t]*\r?\n/.test(source.slice(i + 2))) {
        const terminator = new RegExp(`\\n${next}@`, 'g')
        terminator.lastIndex = i
        const found = terminator.exec(source)
        if (found === null) errors.push(`line ${lineOf(i)}: here-string @${next} is never closed`)
        const stop = found === null ? source.length : found.index + 3
        blank(i + 2, stop - 2)
        i = stop
      } else if (c === "'") {
        const start = i
        i++
        while (i < source.length && !(source[i] === "'" && source[i + 1] !== "'")) i += source[i] === "'" ? 2 : 1
        if (i >= source.length) errors.push(`line ${lineOf(start)}: string ' is never closed`)
        blank(start + 1, i)
        i++
      } else if (c === '"') {
        scanDoubleQuoted()
      } else if (c === '`') {
        i += 2
      } else if (c === '(' || c === '{' || c === '[') {
        stack.push({char: c, at: i})
        i++
      } else if (c === ')' || c === '}' || c === ']') {
        if (stack.length === 0) {
          if (c === closer) {
            i++
            return
          }
          errors.push(`line ${lineOf(i)}: ${c} closes nothing`)
        } else {
          const open = stack.pop()
          if (open?.char !== pairs[c]) errors.push(`line ${lineOf(i)}: ${c} closes ${open?.char ?? 'nothing'} from line ${lineOf(open?.at ?? 0)}`)
        }
        i++
      } else {
        i++
      }
    }
    for (const open of stack) errors.push(`line ${lineOf(open.at)}: ${open.char} is never closed`)
    if (closer !== undefined) errors.push(`the $( ) subexpression is never closed`)
  }

  const scanDoubleQuoted = (): void => {
    const start = i
    i++
    let textFrom = i
    while (i < source.length) {
      const c = source[i]
      if (c === '`') i += 2
      else if (c === '"' && source[i + 1] === '"') i += 2
      else if (c === '"') break
      else if (c === '$' && source[i + 1] === '(') {
        blank(textFrom, i)
        i += 2
        scanCode(')')
        textFrom = i
      } else i++
    }
    if (i >= source.length) errors.push(`line ${lineOf(start)}: string " is never closed`)
    blank(textFrom, i)
    i++
  }

  scanCode(undefined)
  return {errors, code: code.join('')}
}

/** Each `function Name { ... }` of the (blanked) code, with the range of its body. */
function functions(code: string): Array<{name: string; from: number; to: number}> {
  const found: Array<{name: string; from: number; to: number}> = []
  for (const match of code.matchAll(/\bfunction\s+([\w-]+)\s*\{/g)) {
    let depth = 0
    let at = match.index + match[0].length - 1
    for (; at < code.length; at++) {
      if (code[at] === '{') depth++
      if (code[at] === '}' && --depth === 0) break
    }
    found.push({name: match[1] ?? '', from: match.index, to: at})
  }
  return found
}

const scan = scanPowerShell(SOURCE)
const FUNCTIONS = functions(scan.code)

function enclosingFunction(at: number): {name: string; from: number; to: number} | undefined {
  return FUNCTIONS.filter((f) => f.from <= at && at <= f.to).sort((a, b) => b.from - a.from)[0]
}

describe('collect.ps1', () => {
  it('scans: every bracket, string, here-string and comment is closed', () => {
    expect(scan.errors).toEqual([])
  })

  it('the scanner itself finds broken scripts', () => {
    expect(scanPowerShell('function f { if ($a) { "x" }\n').errors).not.toEqual([])
    expect(scanPowerShell('$a = "abc $(Get-Date\n').errors).not.toEqual([])
    expect(scanPowerShell("$a = 'it''s\n").errors).not.toEqual([])
    expect(scanPowerShell('$a = @"\nunclosed\n').errors).not.toEqual([])
    expect(scanPowerShell('<# a } comment #>\n$a = "x)" # (\n$b = @"\n{\n"@\n').errors).toEqual([])
  })

  it('is ASCII, since PowerShell 2.0 reads a script without a BOM in the ANSI code page', () => {
    expect(SOURCE).toMatch(/^[\x00-\x7f]*$/)
  })

  it('runs every Windows command id with the documented argv', () => {
    const ids = WINDOWS_COMMAND_IDS.filter((c) => c.collectors.includes('collect.ps1'))
    const native = new Map([...SOURCE.matchAll(/Invoke-Native '([^']+)' @\(([^)]*)\)/g)].map((m) => [m[1], [...(m[2] ?? '').matchAll(/'([^']*)'/g)].map((w) => w[1]).join(' ')]))
    const cmdlets = new Map([...SOURCE.matchAll(/Invoke-JsonCmdlet '([^']+)' '([^']+)' '[^']*' \{([^\n]*)\}/g)].map((m) => [m[1], {cmdlet: m[2], body: m[3] ?? ''}]))
    for (const {id, argv} of ids) {
      if (id === 'netsh-ipv4-interface-<idx>') {
        expect(SOURCE).toContain(`Invoke-Native "netsh-ipv4-interface-$index" @('netsh', 'interface', 'ipv4', 'show', 'interface', [string]$index)`)
      } else if (id === 'ps-os') {
        expect(SOURCE).toContain("Add-CommandEntry 'ps-os'")
        expect(SOURCE).toContain('Get-CimInstance -ClassName Win32_OperatingSystem')
      } else if (id.startsWith('ps-')) {
        const [cmdlet, ...rest] = argv.split(' ')
        expect(cmdlets.get(id)?.cmdlet, id).toBe(cmdlet)
        if (rest.length > 0) expect(cmdlets.get(id)?.body, id).toContain(argv)
      } else if (id === 'appcmd-list-site') {
        expect(SOURCE).toContain("Invoke-Native 'appcmd-list-site' @('appcmd', 'list', 'site') (Join-Path $NativeSystem32 'inetsrv\\appcmd.exe')")
      } else {
        expect(native.get(id), id).toBe(argv)
      }
    }
    const documented = new Set(ids.map((c) => c.id))
    for (const id of [...native.keys(), ...cmdlets.keys()]) expect(documented.has(id ?? ''), `${id} is not in the Windows id table`).toBe(true)
  })

  it('copies applicationHost.config, read through Sysnative from a 32-bit PowerShell', () => {
    expect(SOURCE).toContain("Copy-BundleFile (Join-Path $inetsrv 'config\\applicationHost.config') (Join-Path $NativeSystem32 'inetsrv\\config\\applicationHost.config')")
    expect(SOURCE).toContain("$relative = 'files/' + $Path.Replace(':', '').Replace('\\', '/')")
  })

  it('writes UTF-8 without a BOM and declares it', () => {
    expect(SOURCE).toContain('New-Object System.Text.UTF8Encoding $false')
    expect(SOURCE).toContain('[System.IO.File]::WriteAllText($full, $Text, $Utf8NoBom)')
    expect(SOURCE).toContain(`'  "encoding": "utf-8",'`)
    expect(SOURCE).toContain(`'  "collector": {"name": "collect.ps1", "version": "' + $CollectorVersion + '"},'`)
  })

  it('uses no syntax newer than PowerShell 2.0', () => {
    const newer: Array<[RegExp, string]> = [
      [/\[ordered\]/i, '[ordered] (3.0)'],
      [/\[pscustomobject\]/i, '[pscustomobject] (3.0)'],
      [/::new\(/i, '::new( (5.0)'],
      [/\s-(not)?in\s/i, '-in / -notin (3.0)'],
      [/\$PSItem\b/i, '$PSItem (3.0)'],
      [/\.(ForEach|Where)\(/i, '.ForEach() / .Where() (4.0)'],
      [/-(ErrorAction|ea)\s+Ignore\b/i, '-ErrorAction Ignore (3.0)'],
      [/-(shl|shr)\b/i, '-shl / -shr (3.0)'],
      [/&&|\|\|/, '&& / || (7.0)'],
      [/\?\?|\?\./, '?? / ?. (7.0)'],
      [/^\s*(class|enum|using|workflow)\s/im, 'class / enum / using / workflow (3.0 and later)'],
      [/Get-Content\b[^\n]*-Raw\b/i, 'Get-Content -Raw (3.0)'],
      [/-NoNewline\b/i, '-NoNewline (5.0)'],
      [/\$PSScriptRoot\b/i, '$PSScriptRoot outside a module (3.0)'],
      [/\bWhere-Object\s+\w+\s+-\w+/i, 'Where-Object simplified syntax (3.0)'],
    ]
    for (const [pattern, what] of newer) expect(scan.code, what).not.toMatch(pattern)
  })

  it('calls cmdlets that PowerShell 2.0 lacks only behind a version or Get-Command check', () => {
    const guards: Record<string, RegExp> = {
      'ConvertTo-Json': /if \(\$PSVersionTable\.PSVersion\.Major -lt 3\) \{ throw/,
      'Compress-Archive': /if \(\$PSVersionTable\.PSVersion\.Major -lt 5\) \{ throw/,
      'Get-CimInstance': /if \(Get-Command Get-CimInstance -ErrorAction SilentlyContinue\)/,
    }
    for (const [cmdlet, guard] of Object.entries(guards)) {
      const uses = [...scan.code.matchAll(new RegExp(`\\b${cmdlet}\\b(?! -ErrorAction SilentlyContinue\\))`, 'g'))].filter((m) => !scan.code.slice(m.index - 12, m.index).includes('Get-Command'))
      expect(uses.length, cmdlet).toBeGreaterThan(0)
      for (const use of uses) {
        const owner = enclosingFunction(use.index)
        expect(owner, `${cmdlet} outside a function`).toBeDefined()
        const before = SOURCE.slice(owner?.from ?? 0, use.index)
        expect(before, `${cmdlet} in ${owner?.name} without its check`).toMatch(guard)
      }
    }

    // The NetTCPIP and NetSecurity cmdlets (Server 2012+) run only inside Invoke-JsonCmdlet, which
    // checks the PowerShell version and Get-Command first.
    const invoker = FUNCTIONS.find((f) => f.name === 'Invoke-JsonCmdlet')
    expect(SOURCE.slice(invoker?.from ?? 0, invoker?.to ?? 0)).toMatch(/if \(\$PsMajor -lt 3 -or -not \(Get-Command \$Cmdlet -ErrorAction SilentlyContinue\)\)/)
    for (const match of scan.code.matchAll(/\bGet-Net\w+/g)) {
      const line = scan.code.slice(scan.code.lastIndexOf('\n', match.index) + 1, scan.code.indexOf('\n', match.index))
      const owner = enclosingFunction(match.index)?.name
      // Asking Get-Command whether a cmdlet exists is how the script tells a host without it (2003, 2008).
      const onlyChecked = line.includes(`(Get-Command ${match[0]} -ErrorAction SilentlyContinue)`)
      const allowed = (owner === 'Invoke-Cmdlets' && line.trimStart().startsWith('Invoke-JsonCmdlet')) || owner === 'Get-FirewallRuleData' || onlyChecked
      expect(allowed, `${match[0]} in ${owner ?? 'the script body'}: ${line.trim()}`).toBe(true)
    }
    expect([...scan.code.matchAll(/\bGet-FirewallRuleData\b/g)].length).toBe(2) // its definition and its one Invoke-JsonCmdlet use
  })
})

/** tree-sitter-powershell, when installed: the real grammar must find no error node. */
type TreeNode = {type: string; isMissing: boolean; startPosition: {row: number; column: number}; children: TreeNode[]}
const treeSitter = await (async (): Promise<((source: string) => TreeNode) | undefined> => {
  try {
    // Names in variables: these packages are optional, and TypeScript must not resolve them.
    const names = ['tree-sitter', 'tree-sitter-powershell']
    const [runtime, grammar] = (await Promise.all(names.map((name) => import(name)))) as Array<{default: unknown}>
    const Parser = runtime?.default as new () => {setLanguage(language: unknown): void; parse(source: string): {rootNode: TreeNode}}
    const parser = new Parser()
    parser.setLanguage(grammar?.default)
    return (source: string) => parser.parse(source).rootNode
  } catch {
    return undefined
  }
})()

describe('collect.ps1 with tree-sitter-powershell', () => {
  it.skipIf(treeSitter === undefined)(`parses without error nodes${treeSitter ? '' : ' (skipped: tree-sitter and tree-sitter-powershell are not installed)'}`, () => {
    const problems: string[] = []
    const walk = (node: TreeNode): void => {
      if (node.type === 'ERROR' || node.isMissing) problems.push(`${node.type} at ${node.startPosition.row + 1}:${node.startPosition.column + 1}`)
      node.children.forEach(walk)
    }
    walk(treeSitter?.(SOURCE) as TreeNode)
    expect(problems).toEqual([])
  })
})
