/**
 * The one error type parsers throw. Messages follow the Deno style:
 * `Cannot parse "ip -j addr" output: expected a JSON array, found an object`.
 */
export class ParseError extends SyntaxError {
  override readonly name = 'ParseError'

  constructor(
    /** The command or file format being parsed, as a user would type it. */
    readonly format: string,
    reason: string,
    /** 1-based line number, when the problem is tied to one line. */
    readonly line?: number,
  ) {
    super(`Cannot parse "${format}" output: ${reason}${line === undefined ? '' : ` on line ${line}`}`)
  }
}

/** Splits text into lines, tolerating CRLF and a trailing newline; trailing spaces are kept for the caller to trim. */
export function splitLines(text: string): string[] {
  const lines = text.replace(/\r\n?/g, '\n').split('\n')
  if (lines.length > 0 && lines.at(-1) === '') lines.pop()
  return lines
}

/**
 * Parses command output that must be a JSON array (`ip -j ...`).
 * @throws {ParseError} for empty output, invalid JSON or another JSON value.
 */
export function parseJsonArray(text: string, format: string): unknown[] {
  const data = parseJson(text, format)
  if (!Array.isArray(data)) throw new ParseError(format, `expected a JSON array, found ${data === null ? 'null' : typeof data === 'object' ? 'an object' : `a ${typeof data}`}`)
  return data
}

/**
 * Parses command output that must be JSON.
 * @throws {ParseError} for empty output or invalid JSON.
 */
export function parseJson(text: string, format: string): unknown {
  if (text.trim() === '') throw new ParseError(format, 'the output is empty')
  try {
    return JSON.parse(text)
  } catch (error) {
    throw new ParseError(format, `invalid JSON (${(error as Error).message})`)
  }
}
