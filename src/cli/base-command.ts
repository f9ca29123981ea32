/**
 * Shared error policy for every command: a mistake by the user (bad flag, broken rule file,
 * unreadable input) becomes one line per problem on stderr and exit code 2, never a stack trace.
 */
import {Command, Errors, type Interfaces} from '@oclif/core'

import {EXIT} from '../engine/exit-code.js'
import {UserError} from '../errors.js'

export abstract class BaseCommand extends Command {
  /** Like `this.parse`, but oclif's flag errors become UserErrors with oclif's own wording. */
  protected async parseFlags<F extends Interfaces.OutputFlags<any>, B extends Interfaces.OutputFlags<any>, A extends Interfaces.OutputArgs<any>>(
    options: Interfaces.Input<F, B, A>,
  ): Promise<Interfaces.ParserOutput<F, B, A>> {
    try {
      return await this.parse(options, this.argv)
    } catch (error) {
      if (error instanceof Errors.CLIError) {
        // The arguments were read and rejected; without this oclif adds an "UnparsedCommand" warning outside production.
        this.parsed = true
        throw new UserError(oneLine(error.message))
      }

      throw error
    }
  }

  protected override async catch(error: Error): Promise<void> {
    if (error instanceof UserError) {
      process.stderr.write(`rsaudit: ${error.message.replaceAll(/\n\s*/g, '\n  ')}\n`)
      process.exitCode = EXIT.usage
      return
    }

    throw error
  }
}

/**
 * oclif's flag errors in one line, as every other usage error: without the help hint, without the
 * "The following error occurred:" preamble it puts before required-flag errors, and with
 * "Parsing --count" joined to its reason ("Expected an integer but received: three").
 */
function oneLine(message: string): string {
  const lines = message
    .replace(/\s*See more help with --help\s*$/, '')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '')
  const [first = '', ...rest] = lines
  if (/^The following errors? occurred:$/.test(first)) return rest.join('; ')
  // "Missing 1 required arg:" / "file  The configuration file..." (a padded two-column line) reads
  // as "Missing 1 required arg: file: The configuration file...".
  return lines.map((line) => line.replace(/\s{2,}/g, ': ')).reduce((joined, line) => (joined.endsWith(':') ? `${joined} ${line}` : `${joined}: ${line}`))
}
