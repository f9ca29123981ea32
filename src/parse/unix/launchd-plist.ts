/**
 * Parses a launchd job (an XML property list from /Library/LaunchDaemons) far enough to see
 * what it runs at boot: Label, Program, ProgramArguments, RunAtLoad and Disabled. macOS drops
 * lo0 aliases at every reboot, so such a job is the only way a VIP comes back.
 *
 * A property list is a small XML vocabulary (dict, key, array, string, integer, real, true,
 * false, date, data); this reader knows exactly that, plus the XML declaration, DOCTYPE and
 * comments around it. A binary plist (`bplist00`) is refused: `plutil -convert xml1` turns
 * it into text (collect.sh does so).
 *
 * @example
 * parseLaunchdPlist('<plist version="1.0"><dict><key>Label</key><string>org.example.vip</string>' +
 *   '<key>ProgramArguments</key><array><string>/sbin/ifconfig</string><string>lo0</string>' +
 *   '<string>alias</string><string>198.51.100.10</string></array><key>RunAtLoad</key><true/></dict></plist>')
 * // → {label: 'org.example.vip', programArguments: ['/sbin/ifconfig', 'lo0', 'alias', '198.51.100.10'], runAtLoad: true, disabled: false}
 */
import {ParseError} from '../parse-error.js'

const FORMAT = 'launchd plist'

export type PlistValue = string | number | boolean | PlistValue[] | {[key: string]: PlistValue}

export interface LaunchdJob {
  label?: string
  program?: string
  programArguments: string[]
  runAtLoad: boolean
  disabled: boolean
}

/** @throws {ParseError} for a binary plist, malformed XML, or a top level that is not a dict. */
export function parseLaunchdPlist(text: string): LaunchdJob {
  if (text.startsWith('bplist')) throw new ParseError(FORMAT, 'this is a binary property list; convert it with `plutil -convert xml1 FILE`')
  const root = new PlistReader(text).document()
  if (typeof root !== 'object' || root === null || Array.isArray(root)) throw new ParseError(FORMAT, 'the top level is not a <dict>')
  const strings = (value: PlistValue | undefined) => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [])
  const job: LaunchdJob = {programArguments: strings(root.ProgramArguments), runAtLoad: root.RunAtLoad === true, disabled: root.Disabled === true}
  if (typeof root.Label === 'string') job.label = root.Label
  if (typeof root.Program === 'string') job.program = root.Program
  return job
}

/** A tag; attributes (`<plist version="1.0">`) are allowed and ignored. */
const TAG = /<(\/?)([A-Za-z]+)(?:\s+[^<>/]*(?:"[^"]*"[^<>/]*)*)?\s*(\/?)>/y

class PlistReader {
  private at = 0

  constructor(private readonly text: string) {}

  document(): PlistValue {
    this.skipProlog()
    const open = this.tag()
    if (open.name !== 'plist' || open.closing) this.fail('expected <plist>')
    const value = this.value()
    this.expectClose('plist')
    return value
  }

  private value(): PlistValue {
    const open = this.tag()
    if (open.closing) this.fail(`unexpected </${open.name}>`)
    if (open.selfClosing) {
      if (open.name === 'true' || open.name === 'false') return open.name === 'true'
      if (open.name === 'array') return []
      if (open.name === 'dict') return {}
      if (open.name === 'string') return ''
      this.fail(`unexpected <${open.name}/>`)
    }

    switch (open.name) {
      case 'true':
      case 'false': {
        this.expectClose(open.name)
        return open.name === 'true'
      }

      case 'string':
      case 'date':
      case 'data': {
        return this.textUntil(open.name)
      }

      case 'integer':
      case 'real': {
        return Number(this.textUntil(open.name))
      }

      case 'array': {
        const items: PlistValue[] = []
        while (!this.closes('array')) items.push(this.value())
        return items
      }

      case 'dict': {
        const dict: Record<string, PlistValue> = {}
        while (!this.closes('dict')) {
          const key = this.tag()
          if (key.name !== 'key' || key.closing || key.selfClosing) this.fail('expected <key> in <dict>')
          dict[this.textUntil('key')] = this.value()
        }

        return dict
      }

      default: {
        return this.fail(`unknown element <${open.name}>`)
      }
    }
  }

  private skipProlog(): void {
    for (;;) {
      this.skipSpace()
      if (this.text.startsWith('<?', this.at)) this.skipPast('?>')
      else if (this.text.startsWith('<!--', this.at)) this.skipPast('-->')
      else if (this.text.startsWith('<!DOCTYPE', this.at)) this.skipPast('>')
      else return
    }
  }

  private tag(): {name: string; closing: boolean; selfClosing: boolean} {
    this.skipSpace()
    while (this.text.startsWith('<!--', this.at)) {
      this.skipPast('-->')
      this.skipSpace()
    }

    TAG.lastIndex = this.at
    const match = TAG.exec(this.text)
    if (!match) return this.fail(this.at >= this.text.length ? 'the document ends early (truncated file?)' : `unreadable markup ${JSON.stringify(this.text.slice(this.at, this.at + 30))}`)
    this.at = TAG.lastIndex
    return {name: match[2] ?? '', closing: match[1] === '/', selfClosing: match[3] === '/'}
  }

  /** True (and consumed) when the next tag closes `name`. */
  private closes(name: string): boolean {
    this.skipSpace()
    while (this.text.startsWith('<!--', this.at)) {
      this.skipPast('-->')
      this.skipSpace()
    }

    if (!this.text.startsWith(`</${name}`, this.at)) return false
    this.expectClose(name)
    return true
  }

  private expectClose(name: string): void {
    const close = this.tag()
    if (!close.closing || close.name !== name) this.fail(`expected </${name}>`)
  }

  private textUntil(name: string): string {
    const end = this.text.indexOf(`</${name}>`, this.at)
    if (end < 0) this.fail(`<${name}> is never closed`)
    const raw = this.text.slice(this.at, end)
    if (raw.includes('<')) this.fail(`markup inside <${name}>`)
    this.at = end + name.length + 3
    return raw.replace(/&(lt|gt|amp|quot|apos);/g, (_all, entity: string) => ({lt: '<', gt: '>', amp: '&', quot: '"', apos: "'"})[entity] ?? '')
  }

  private skipSpace(): void {
    while (/\s/.test(this.text[this.at] ?? '')) this.at++
  }

  private skipPast(terminator: string): void {
    const end = this.text.indexOf(terminator, this.at)
    if (end < 0) this.fail(`unterminated ${JSON.stringify(this.text.slice(this.at, this.at + 12))}`)
    this.at = end + terminator.length
  }

  private fail(reason: string): never {
    const line = this.text.slice(0, this.at).split('\n').length
    throw new ParseError(FORMAT, reason, line)
  }
}
