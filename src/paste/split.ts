/**
 * Splits pasted text (a ticket or e-mail with several command outputs, prompts and prose) into
 * sections, one per parser input, and lists whatever no section claims.
 *
 * Why it walks line by line instead of cutting at blank lines: `ip addr` has no blank lines
 * but pastes often run two outputs together, and a prose line may sit right on top of an
 * output. Every line is one of: a separator (blank or a markdown fence), a command line (a
 * prompt, or a known command alone on a line), or content. A command line says which output
 * follows; without one the detectors of kinds.ts decide. A section runs while its lines
 * continue it and stops at a separator, a command line, or another kind's header, so one
 * section never swallows the next command's output. Afterwards, sections of one kind split
 * only by blank lines are merged again.
 *
 * The blank-line rule: on Linux a blank line ends an output. Windows outputs (kinds with
 * `blankLines`) start with blank lines and, for most, hold blank lines between their blocks; for
 * them a command waits past blank lines for its output, and a section carries on after blank
 * lines while the next paragraph `resumes` it. A command line or another kind's header still
 * ends it, and so does a paragraph that is not more of it (prose).
 */
import {readPrompt} from './prompt.js'
import {isHeader, KIND_RULES, kindOfCommand, type KindRule, type PasteKind, ruleFor} from './kinds.js'

export type {PasteKind} from './kinds.js'

export interface PasteSection {
  kind: PasteKind
  /** The lines to give the parser, separators blanked; line N of it is pasted line startLine + N - 1. */
  text: string
  /** 1-based, inclusive. */
  startLine: number
  endLine: number
  /** The prompt line that introduced this output, as pasted (`[root@rs1 ~]# ss -ltn`). */
  prompt?: string
  /** The command that printed it, from the prompt or from a command alone on a line (`ip a`). */
  command?: string
  /** The line holding that prompt or command. */
  commandLine?: number
}

export interface IgnoredBlock {
  startLine: number
  endLine: number
  /** The first line, trimmed, at most 60 characters. */
  preview: string
  text: string
  /** Set when a parser reads it but the audit does not use it: the other platform's output in a mixed paste. */
  kind?: PasteKind
}

export interface PasteSplit {
  sections: PasteSection[]
  ignored: IgnoredBlock[]
}

/** Sections and ignored blocks in one call. */
export function readPaste(text: string): PasteSplit {
  const sections = splitPaste(text)
  return {sections, ignored: ignoredBlocks(text, sections)}
}

/**
 * The pasted text as lines the parsers can read: CRLF and lone CR become LF, terminal colour
 * codes and the no-break spaces of HTML mail become plain text, markdown fences become blank.
 */
export function pasteLines(text: string): string[] {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/\u001b\[[\d;]*[A-Za-z]/g, '')
    .replace(/\u00a0/g, ' ')
    .split('\n')
    .map((line) => (/^\s*(?:```|~~~)[\w-]*\s*$/.test(line) ? '' : line))
}

export function splitPaste(text: string): PasteSection[] {
  const lines = pasteLines(text)
  return mergeAdjacent(new Walker(lines).sections(), lines)
}

/** Every run of non-blank lines that no section (nor its prompt) claims: prose, unknown commands, noise. */
export function ignoredBlocks(text: string, sections: readonly PasteSection[]): IgnoredBlock[] {
  const lines = pasteLines(text)
  const claimed = new Set<number>()
  for (const section of sections) {
    for (let n = section.startLine; n <= section.endLine; n++) claimed.add(n)
    if (section.commandLine !== undefined) claimed.add(section.commandLine)
  }

  const blocks: IgnoredBlock[] = []
  let open: {start: number; end: number} | undefined
  const close = () => {
    if (open) blocks.push(ignoredBlock(lines, open.start, open.end))
    open = undefined
  }

  lines.forEach((line, index) => {
    const n = index + 1
    if (isBlank(line) || claimed.has(n)) return close()
    if (open) open.end = n
    else open = {start: n, end: n}
  })
  close()
  return blocks
}

function ignoredBlock(lines: readonly string[], start: number, end: number): IgnoredBlock {
  return {startLine: start, endLine: end, preview: (lines[start - 1] ?? '').trim().slice(0, 60), text: lines.slice(start - 1, end).join('\n')}
}

interface CommandAt {
  /** Undefined for a command written without a prompt. */
  prompt?: string
  command: string
  /** Undefined when no parser reads this command's output. */
  kind?: PasteKind
}

/** What the walker expects next: anything, the output of a known command, or more of an unknown command's output. */
type Mode = {name: 'free'} | {name: 'awaiting'; command: CommandAt; line: number} | {name: 'unknown'}

const FREE: Mode = {name: 'free'}

/** How many lines `opens` sees: a title, a table header, the rule under them. Every line is tried, so it must stay short. */
const OPENING_LINES = 3

class Walker {
  private readonly commands: Array<CommandAt | undefined>

  constructor(private readonly lines: readonly string[]) {
    this.commands = lines.map(commandAt)
  }

  sections(): PasteSection[] {
    const found: PasteSection[] = []
    let mode: Mode = FREE
    for (let i = 0; i < this.lines.length; ) {
      const command = this.commands[i]
      if (isBlank(this.lines[i] ?? '')) {
        // A known command with nothing under it printed nothing we can use. Unknown output may
        // hold blank lines (a config file), so it runs on to the next command. Windows commands
        // print a blank line before their output.
        if (mode.name === 'awaiting' && ruleFor(mode.command.kind as PasteKind).blankLines === undefined) mode = FREE
      } else if (command && !isEcho(mode, command)) {
        mode = command.kind ? {name: 'awaiting', command, line: i + 1} : command.command === '' ? FREE : {name: 'unknown'}
      } else if (!command) {
        const section = this.sectionAt(i, mode)
        if (section) {
          found.push(section)
          mode = FREE
          i = section.endLine
          continue
        }
      }

      i++
    }

    return found
  }

  /** The section starting on line i, if one does in this mode. */
  private sectionAt(i: number, mode: Mode): PasteSection | undefined {
    if (mode.name === 'awaiting') {
      const rule = ruleFor(mode.command.kind as PasteKind)
      if (this.startsAt(rule, i)) return this.section(rule, i, mode)
    }

    // After an unknown command only a header no other output has may start a section: its
    // output may look like ours (a sysctl.conf file reads like `sysctl -a`).
    if (mode.name === 'unknown' && !this.isStrongStart(i)) return undefined
    const rule = KIND_RULES.find((r) => this.detects(r, i))
    return rule ? this.section(rule, i) : undefined
  }

  private section(rule: KindRule, start: number, awaited?: {command: CommandAt; line: number}): PasteSection {
    const end = rule.continues === 'json' ? (jsonEnd(this.lines, start) ?? this.lastBeforeBreak(start)) : this.lastContinuing(rule, start)
    const section: PasteSection = {kind: rule.kind, text: this.lines.slice(start, end + 1).join('\n'), startLine: start + 1, endLine: end + 1}
    if (awaited?.command.prompt !== undefined) section.prompt = awaited.command.prompt
    if (awaited) {
      section.command = awaited.command.command
      section.commandLine = awaited.line
    }

    return section
  }

  /** Can an output of this kind begin on line i? Kinds with `opens` say so from the paragraph there. */
  private startsAt(rule: KindRule, i: number): boolean {
    if (rule.opens === undefined) return this.belongs(rule, i)
    return rule.opens(this.paragraph(i, OPENING_LINES)) && !this.isOtherHeader(rule, i)
  }

  /** Line i continues a section of this kind: its rule accepts it and it is no other kind's header. */
  private belongs(rule: KindRule, i: number): boolean {
    const line = this.lines[i] ?? ''
    if (rule.continues === 'json') return opensJson(line)
    return rule.continues(line, this.lines[i - 1] ?? '') && !this.isOtherHeader(rule, i)
  }

  /** After blank lines, the paragraph on line i carries on a section of this kind. */
  private resumesAt(rule: KindRule, i: number): boolean {
    const resumes = rule.resumes ?? rule.opens
    return resumes !== undefined && resumes(this.paragraph(i)) && !this.isOtherHeader(rule, i)
  }

  /** A header of another kind, unless it is this kind's too (`show addresses` and `show config` print the same blocks). */
  private isOtherHeader(rule: KindRule, i: number): boolean {
    const line = this.lines[i] ?? ''
    return !isHeader(rule, line) && KIND_RULES.some((other) => other !== rule && isHeader(other, line))
  }

  private detects(rule: KindRule, i: number): boolean {
    const line = this.lines[i] ?? ''
    if (rule.opens !== undefined) return this.startsAt(rule, i) && rule.detect(this.lines.slice(i, this.lastContinuing(rule, i) + 1).join('\n'))
    if (rule.continues !== 'json') return rule.detect(line)
    if (!opensJson(line)) return false
    const end = jsonEnd(this.lines, i) ?? this.lastBeforeBreak(i)
    return rule.detect(this.lines.slice(i, end + 1).join('\n'))
  }

  private isStrongStart(i: number): boolean {
    // A Windows header (a table header, a title) must also begin an output its detector accepts.
    return KIND_RULES.some((rule) =>
      rule.continues === 'json' ? this.detects(rule, i) : isHeader(rule, this.lines[i] ?? '') && (rule.opens === undefined || this.detects(rule, i)),
    )
  }

  /**
   * Index of the last line of a line-based section that starts at `start`: lines must continue
   * it; with blank lines inside, the paragraph after them must resume it.
   */
  private lastContinuing(rule: KindRule, start: number): number {
    let end = start
    for (let j = start + 1; j < this.lines.length && this.commands[j] === undefined; j++) {
      if (isBlank(this.lines[j] ?? '')) {
        if (rule.blankLines === 'inside') continue
        break
      }

      const carriesOn = isBlank(this.lines[j - 1] ?? '') ? this.resumesAt(rule, j) : this.belongs(rule, j)
      if (!carriesOn) break
      end = j
    }

    return end
  }

  /** Line i and the lines after it up to a blank line or a command line, at most `limit` lines. */
  private paragraph(i: number, limit = Number.POSITIVE_INFINITY): string[] {
    let end = i
    while (end + 1 < this.lines.length && end + 1 - i < limit && !this.breaksAt(end + 1)) end++
    return this.lines.slice(i, end + 1)
  }

  /** Index of the last line before a blank line or command line: where a JSON value that never closes ends. */
  private lastBeforeBreak(start: number): number {
    let end = start
    while (end + 1 < this.lines.length && !this.breaksAt(end + 1)) end++
    return end
  }

  private breaksAt(i: number): boolean {
    return isBlank(this.lines[i] ?? '') || this.commands[i] !== undefined
  }
}

/** Line as a command: a prompt (known command or not), or a known command alone on the line. */
function commandAt(line: string): CommandAt | undefined {
  const prompt = readPrompt(line)
  if (prompt) {
    const found: CommandAt = {prompt: line.trim(), command: prompt.command}
    const kind = kindOfCommand(prompt.command, true, prompt.windows ? 'windows' : 'linux')
    return kind ? {...found, kind} : found
  }

  const kind = kindOfCommand(line.trim(), false)
  return kind ? {command: line.trim(), kind} : undefined
}

/** A remote shell echoes the command under its prompt (`$ ss -lntup` then `ss -lntup`): noise, not a new command. */
function isEcho(mode: Mode, command: CommandAt): boolean {
  return mode.name === 'awaiting' && command.prompt === undefined && command.command === mode.command.command
}

/**
 * Index of the line where the JSON value starting on line `from` closes, or undefined when it
 * does not close before a blank line (truncated output: the parser will say so).
 */
function jsonEnd(lines: readonly string[], from: number): number | undefined {
  let depth = 0
  let inString = false
  let escaped = false
  for (let i = from; i < lines.length && !isBlank(lines[i] ?? ''); i++) {
    for (const ch of lines[i] ?? '') {
      if (inString) {
        if (escaped) escaped = false
        else if (ch === '\\') escaped = true
        else if (ch === '"') inString = false
      } else if (ch === '"') {
        inString = true
      } else if (ch === '[' || ch === '{') {
        depth++
      } else if ((ch === ']' || ch === '}') && --depth === 0) {
        return i
      }
    }

    // JSON strings never span lines: an open one at the end of a line means this is not JSON.
    if (inString) return undefined
  }

  return undefined
}

/** JSON output opens with an array (`ip -j`) or an object (`nft -j`). */
function opensJson(line: string): boolean {
  return /^\s*[[{]/.test(line)
}

function isBlank(line: string): boolean {
  return line.trim() === ''
}

/** Lines strictly between two sections are all blank. */
function onlyBlankBetween(lines: readonly string[], endLine: number, startLine: number): boolean {
  return lines.slice(endLine, startLine - 1).every(isBlank)
}

/**
 * Output of one kind that blank lines cut in pieces (a paste with a blank line between
 * interfaces) becomes one section again; a piece with its own prompt is a new command and
 * stays apart. A prompt-less section its kind does not `confirm` is dropped (left ignored).
 */
function mergeAdjacent(sections: readonly PasteSection[], lines: readonly string[]): PasteSection[] {
  const merged: PasteSection[] = []
  for (const section of sections) {
    const previous = merged.at(-1)
    const joinable = ruleFor(section.kind).continues !== 'json' && section.command === undefined
    if (previous && joinable && previous.kind === section.kind && onlyBlankBetween(lines, previous.endLine, section.startLine)) {
      previous.endLine = section.endLine
      previous.text = lines.slice(previous.startLine - 1, previous.endLine).join('\n')
    } else {
      merged.push({...section})
    }
  }

  return merged.filter((section) => {
    const confirm = ruleFor(section.kind).confirm
    return section.command !== undefined || confirm === undefined || confirm(section.text)
  })
}
