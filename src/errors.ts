/**
 * Errors the user caused (bad flags, a broken rule file, an unreadable bundle). Commands turn
 * them into one line on stderr and exit code 2; anything else is a bug and keeps its stack.
 */
export class UserError extends Error {
  override readonly name: string = 'UserError'
}

export class RuleLoadError extends UserError {
  override readonly name = 'RuleLoadError'

  constructor(readonly problems: ReadonlyArray<{file: string; message: string}>) {
    super(problems.map((p) => `${p.file}: ${p.message}`).join('\n'))
  }
}
