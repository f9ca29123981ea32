/**
 * keepalived.conf(5) as a tree of statements, before any meaning is given to keywords:
 * `keyword args... { children }`. Follows keepalived's own reader where it matters:
 * - `#` and `!` start a comment anywhere on a line, except inside "..." or '...' quotes;
 * - quotes group words and are removed (`misc_path "/bin/check 10.0.0.1"` is one argument);
 * - `{` and `}` are tokens even when glued to a word, and a `{` alone on the next line still
 *   opens the block of the statement above it;
 * - `include` lines cannot be followed by a pure parser: they are returned for a note;
 * - `@id` / `@^id` conditional lines depend on keepalived's -i option: they are kept (without
 *   the condition) and reported, since dropping one would unbalance the braces;
 * - `$NAME=value` parameters are substituted in later lines (`$NAME`, `${NAME}`).
 */
import {ParseError, splitLines} from '../parse-error.js'

export const KEEPALIVED_FORMAT = 'keepalived.conf'

export interface KeepalivedStatement {
  keyword: string
  args: string[]
  line: number
  /** Present when the statement opens a `{ ... }` block. */
  children?: KeepalivedStatement[]
}

export interface KeepalivedTree {
  statements: KeepalivedStatement[]
  includes: Array<{path: string; line: number}>
  conditionals: Array<{condition: string; line: number}>
}

interface Token {
  text: string
  line: number
  /** Quoted text is never a brace. */
  quoted: boolean
}

const INCLUDE = /^include[rmwba]?$/

/**
 * Reads the statement tree.
 * @throws {ParseError} for an unmatched `}`, a block never closed, or an unterminated quote.
 */
export function parseKeepalivedTree(text: string): KeepalivedTree {
  const tree: KeepalivedTree = {statements: [], includes: [], conditionals: []}
  const params = new Map<string, string>()
  const stack: KeepalivedStatement[][] = [tree.statements]
  const openers: KeepalivedStatement[] = []
  let last: KeepalivedStatement | undefined
  splitLines(text).forEach((raw, index) => {
    const line = index + 1
    const content = preprocess(raw, line, params, tree)
    if (content === undefined) return
    let current: Token[] = []
    const flush = (): void => {
      const [head, ...rest] = current
      current = []
      if (head === undefined) return
      last = {keyword: head.text, args: rest.map((t) => t.text), line: head.line}
      if (INCLUDE.test(last.keyword)) tree.includes.push({path: last.args.join(' '), line})
      stack.at(-1)?.push(last)
    }
    for (const token of tokenize(content, line)) {
      if (!token.quoted && token.text === '{') {
        flush()
        if (last === undefined || last.children !== undefined) throw new ParseError(KEEPALIVED_FORMAT, '"{" does not follow a keyword', line)
        last.children = []
        stack.push(last.children)
        openers.push(last)
        last = undefined
      } else if (!token.quoted && token.text === '}') {
        flush()
        if (stack.length === 1) throw new ParseError(KEEPALIVED_FORMAT, 'unmatched "}"', line)
        stack.pop()
        openers.pop()
        last = undefined
      } else {
        current.push(token)
      }
    }
    flush()
  })
  // The outermost unclosed block is the one a reader recognises (a virtual_server, not its checker).
  const [open] = openers
  if (open) throw new ParseError(KEEPALIVED_FORMAT, `the block "${[open.keyword, ...open.args].join(' ')}" opened here is never closed (is the file cut short?)`, open.line)
  return tree
}

/** Parameter definitions, substitution and conditions; undefined when the line is consumed. */
function preprocess(raw: string, line: number, params: Map<string, string>, tree: KeepalivedTree): string | undefined {
  const definition = /^\s*\$([A-Za-z_]\w*)=(.*)$/.exec(raw)
  if (definition) {
    params.set(definition[1] ?? '', (definition[2] ?? '').trim())
    return undefined
  }
  let content = substitute(raw, params)
  const conditional = /^\s*@(\^?[\w-]*)\s?(.*)$/.exec(content)
  if (conditional) {
    tree.conditionals.push({condition: conditional[1] ?? '', line})
    content = conditional[2] ?? ''
  }
  return content
}

/** keepalived replaces `${NAME}` anywhere and `$NAME` before a blank; replacements may nest. */
function substitute(text: string, params: Map<string, string>): string {
  let result = text
  for (let depth = 0; depth < 10 && result.includes('$'); depth++) {
    const next = result.replaceAll(/\$\{(\w+)\}|\$([A-Za-z_]\w*)(?=\s|$)/g, (match, braced?: string, bare?: string) => params.get(braced ?? bare ?? '') ?? match)
    if (next === result) break
    result = next
  }
  return result
}

/** Splits one line into words, quoted strings and braces, dropping the comment. */
function tokenize(content: string, line: number): Token[] {
  const tokens: Token[] = []
  let word = ''
  let quoted = false
  let quote: string | undefined
  const push = (): void => {
    if (word !== '' || quoted) tokens.push({text: word, line, quoted})
    word = ''
    quoted = false
  }
  for (const char of content) {
    if (quote !== undefined) {
      if (char === quote) quote = undefined
      else word += char
    } else if (char === '"' || char === "'") {
      quote = char
      quoted = true
    } else if (char === '#' || char === '!') {
      break
    } else if (/\s/.test(char)) {
      push()
    } else if (char === '{' || char === '}') {
      push()
      tokens.push({text: char, line, quoted: false})
    } else {
      word += char
    }
  }
  if (quote !== undefined) throw new ParseError(KEEPALIVED_FORMAT, `unterminated ${quote} quote`, line)
  push()
  return tokens
}
