/**
 * Reads a command typed at a Windows prompt (`C:\>`, `PS C:\>`) well enough to tell which
 * output follows: the program and arguments of the pipeline stage that printed it, with the
 * names lower-cased (cmd.exe and PowerShell ignore case), plus what netsh's abbreviations and
 * `show interface 12` say. Not a shell parser: quotes are dropped, nothing is expanded.
 *
 * Which stage printed the output: the last one that is not a formatter, filter or pager.
 * `Get-NetAdapter | Where-Object {...} | Get-NetIPInterface | Format-List` prints
 * Get-NetIPInterface objects as a list; `ipconfig /all | more` prints ipconfig. A stage that
 * changes the text into another format (`ConvertTo-Json`, `Format-Wide`) is what printed, and no
 * text parser reads it, so such output stays ignored.
 */
import type {AddressFamily} from '../facts/model.js'
import type {Invocation} from './command.js'

/** Stages that show their input's text as it was (formatters choose columns; filters drop lines or objects). */
const PASS_THROUGH = new Set([
  'format-table', 'ft', 'format-list', 'fl', 'select-object', 'select', 'where-object', 'where', '?', 'sort-object', 'sort',
  'out-string', 'out-host', 'oh', 'out-default', 'more', 'findstr', 'find', 'select-string', 'sls', 'tee-object', 'tee',
])

/**
 * The invocation whose output follows the command. Without a prompt the line must read as a
 * command and not as a sentence that starts with one: a cmdlet then takes no positional
 * argument (`Get-NetIPInterface shows weak host on` is prose; `-InterfaceAlias "Ethernet 2"` is
 * an argument).
 */
export function windowsInvocation(command: string, prompted: boolean): Invocation | undefined {
  const stages = pipelineStages(command).map(tokens).filter((stage) => stage.length > 0)
  const producing = stages.filter((stage) => !PASS_THROUGH.has(programName(stage[0] ?? ''))).at(-1)
  if (producing === undefined) return undefined
  const call: Invocation = {program: programName(producing[0] ?? ''), args: producing.slice(1).map((arg) => arg.toLowerCase())}
  if (!prompted && isCmdlet(call.program) && positionalArguments(call.args) > 0) return undefined
  return call
}

/** `Get-NetAdapter`, or the WMI/CIM aliases; cmd.exe programs (netsh, route) take positional words. */
function isCmdlet(program: string): boolean {
  return program.includes('-') || program === 'gwmi' || program === 'gcim'
}

/** `C:\Windows\System32\inetsrv\APPCMD.EXE` reads as `appcmd`. */
function programName(token: string): string {
  return token.replace(/^.*[\\/]/, '').replace(/\.exe$/i, '').toLowerCase()
}

/** Arguments that neither start with `-` nor follow one (the value of `-State Listen`), nor name a WMI class. */
function positionalArguments(args: readonly string[]): number {
  return args.filter((arg, i) => !arg.startsWith('-') && !(args[i - 1] ?? '').startsWith('-') && !/^win32_\w+$/.test(arg)).length
}

/** The stages of a pipeline: `|` splits, except inside quotes or a script block (`{$_.X -match "a|b"}`). */
function pipelineStages(command: string): string[] {
  const stages: string[] = []
  let current = ''
  let quote: string | undefined
  let depth = 0
  for (const ch of command) {
    if (quote !== undefined) {
      if (ch === quote) quote = undefined
    } else if (ch === '"' || ch === "'") {
      quote = ch
    } else if (ch === '{') {
      depth++
    } else if (ch === '}') {
      depth = Math.max(0, depth - 1)
    } else if (ch === '|' && depth === 0) {
      stages.push(current)
      current = ''
      continue
    }

    current += ch
  }

  return [...stages, current]
}

/** Words of one stage; a quoted string (`"Ethernet 2"`) is one word, without its quotes. Redirections are dropped. */
function tokens(stage: string): string[] {
  const words = stage.replace(/\d*>>?\s*\S+/g, '').match(/"[^"]*"|'[^']*'|\S+/g) ?? []
  return words.map((word) => word.replace(/^(["'])(.*)\1$/, '$2'))
}

/** netsh takes any unambiguous prefix of a keyword: `int`, `sh`, `adv`. */
function keyword(full: string, min: number): (word: string) => boolean {
  return (word) => word.length >= min && full.startsWith(word)
}

type Word = (word: string) => boolean

export const NETSH = {
  interface: keyword('interface', 2),
  /** `ip` is the old name of the ipv4 context; both print the same. */
  ipContext: (word: string) => word === 'ip' || word === 'ipv4' || word === 'ipv6',
  show: keyword('show', 2),
  interfaces: keyword('interfaces', 2),
  addresses: keyword('addresses', 2),
  config: keyword('config', 3),
  advfirewall: keyword('advfirewall', 3),
  firewall: keyword('firewall', 2),
  rule: keyword('rule', 1),
  /** `show allprofiles`, `currentprofile`, `domainprofile`...: the same block per profile. */
  profiles: (word: string) => /^(?:all|current|domain|private|public)profiles?$/.test(word),
  state: keyword('state', 2),
  portopening: keyword('portopening', 2),
  http: (word: string) => word === 'http',
  iplisten: keyword('iplisten', 3),
} satisfies Record<string, Word>

/** The arguments after `netsh <words...>` when the call starts with those keywords, else undefined. */
export function netshRest(call: Invocation, ...words: Word[]): string[] | undefined {
  if (call.program !== 'netsh' || call.args.length < words.length) return undefined
  return words.every((matches, i) => matches(call.args[i] ?? '')) ? call.args.slice(words.length) : undefined
}

/** `netsh interface ipv6 ...` lists IPv6 settings; `ip` and `ipv4` IPv4 ones. */
export function netshFamily(command: string | undefined): AddressFamily {
  const call = windowsInvocation(command ?? '', true)
  return call?.program === 'netsh' && call.args[1] === 'ipv6' ? 'inet6' : 'inet'
}

/** The index in `netsh interface ipv4 show interface 12` (or `interface=12`); undefined for a name. */
export function netshInterfaceIndex(command: string | undefined): number | undefined {
  const call = windowsInvocation(command ?? '', true)
  const rest = call && netshRest(call, NETSH.interface, NETSH.ipContext, NETSH.show, NETSH.interfaces)
  const index = /^(?:interface=)?(\d+)$/.exec(rest?.[0] ?? '')?.[1]
  return index === undefined ? undefined : Number(index)
}
