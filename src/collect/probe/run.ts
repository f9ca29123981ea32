/**
 * Running a program for a probe: the same execFile path as a live audit (argv array, no shell,
 * timeout, LC_ALL=C), plus the one error type that turns "cannot probe" into exit 2.
 */
import {UserError} from '../../errors.js'
import {LiveSource} from '../live-source.js'
import type {CommandCapture} from '../raw-source.js'

/**
 * The probe could not run: a program is missing, privileges are lacking, an interface does not
 * exist. A UserError, so the command prints one line and exits 2.
 */
export class ProbeError extends UserError {
  override readonly name = 'ProbeError'
}

const source = new LiveSource()

/** Runs argv; resolves with the capture whatever the exit status (check `failure`). */
export function runProgram(id: string, argv: readonly [string, ...string[]], timeoutMs: number): Promise<CommandCapture> {
  return source.run({id, argv, timeoutMs})
}

/**
 * Runs argv and insists on exit status 0.
 * @throws {ProbeError} naming the program's own complaint (first stderr line).
 */
export async function runOrFail(what: string, argv: readonly [string, ...string[]], timeoutMs: number): Promise<string> {
  const capture = await runProgram(what, argv, timeoutMs)
  if (capture.failure === undefined) return capture.stdout
  if (capture.failure.reason === 'command-missing') throw new ProbeError(`cannot ${what}: ${missingHint(argv[0])}`)
  throw new ProbeError(`cannot ${what}: ${capture.failure.detail}`)
}

const PACKAGES: Record<string, string> = {
  ip: 'iproute2',
  arping: 'iputils-arping (Debian, Ubuntu) or iputils (RHEL)',
  ping: 'iputils-ping (Debian, Ubuntu) or iputils (RHEL)',
}

/** "arping is not installed (install iputils-arping ...)". */
export function missingHint(program: string): string {
  return `${program} is not installed${installHint(program)}`
}

/** " (install iputils-ping ...)", or nothing for a program without a known package. */
export function installHint(program: string): string {
  const pkg = PACKAGES[program]
  return pkg === undefined ? '' : ` (install ${pkg})`
}
