/**
 * Running programs for the lab: argv arrays with timeouts, never a shell string (the one exception,
 * running rsaudit's printed bash fixes, lives in remediate.ts and says why).
 */
import {execFile} from 'node:child_process'
import {promisify} from 'node:util'

const execFileAsync = promisify(execFile)
const DEFAULT_TIMEOUT_MS = 10_000

export interface ExecResult {
  stdout: string
  stderr: string
  exitCode: number
}

/** Thrown when a lab step that must succeed does not; the message names the step and the command. */
export class LabError extends Error {
  override readonly name = 'LabError'
}

/** Runs argv and resolves with its output whatever the exit status; rejects only if it cannot run or times out. */
export async function run(argv: readonly string[], timeoutMs = DEFAULT_TIMEOUT_MS): Promise<ExecResult> {
  const [file, ...args] = argv
  if (file === undefined) throw new LabError('empty argv')
  try {
    const {stdout, stderr} = await execFileAsync(file, args, {timeout: timeoutMs, maxBuffer: 16 * 1024 * 1024, encoding: 'utf8'})
    return {stdout, stderr, exitCode: 0}
  } catch (error) {
    const failure = error as NodeJS.ErrnoException & {stdout?: string; stderr?: string; killed?: boolean; signal?: string | null}
    if (typeof failure.code === 'number') return {stdout: failure.stdout ?? '', stderr: failure.stderr ?? '', exitCode: failure.code}
    if (failure.killed === true || failure.signal) throw new LabError(`${argv.join(' ')}: killed by ${failure.signal ?? 'a signal'} after ${timeoutMs} ms`)
    throw new LabError(`${argv.join(' ')}: ${failure.message}`)
  }
}

/** Runs argv and throws a LabError naming `step` unless it exits 0. */
export async function must(step: string, argv: readonly string[], timeoutMs?: number): Promise<string> {
  const result = await run(argv, timeoutMs)
  if (result.exitCode !== 0) throw new LabError(`${step}: \`${argv.join(' ')}\` exited ${result.exitCode}: ${result.stderr.trim() || result.stdout.trim()}`)
  return result.stdout
}

/** argv that runs `argv` inside network namespace `ns` (with /etc/netns/<ns> bind-mounted over /etc). */
export function inNamespace(ns: string, argv: readonly string[]): string[] {
  return ['ip', 'netns', 'exec', ns, ...argv]
}

/** The MAC of `nic` in namespace `ns`, lower-case, read with `ip -j link`. */
export async function macIn(ns: string, nic: string): Promise<string> {
  const [link] = JSON.parse(await must(`read the MAC of ${nic} in ${ns}`, ['ip', '-n', ns, '-j', 'link', 'show', nic])) as Array<{address: string}>
  if (!link) throw new LabError(`no ${nic} in ${ns}`)
  return link.address.toLowerCase()
}
