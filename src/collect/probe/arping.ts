/**
 * Runs the system `arping`, whichever implementation it is, and returns its parsed output.
 * The two take different flags for the same thing, so the flavour is asked first (`arping -V`).
 */
import {type ArpingFlavor, type ArpingOutput, arpingFlavor, isArpingPrivilegeError, parseArping} from '../../parse/arping.js'
import {ParseError} from '../../parse/parse-error.js'
import {missingHint, ProbeError, runProgram} from './run.js'

const VERSION_TIMEOUT_MS = 5000

export interface ArpingRequest {
  target: string
  interface: string
  /** Probes to send, one a second. */
  count: number
  /**
   * Sender address. iputils otherwise takes it from a route lookup, which on a load balancer
   * holding the VIP is the VIP itself, and real servers ignore a request that claims one of their
   * own addresses as sender: the probe would then miss exactly the servers it looks for.
   */
  source?: string
  /** Duplicate address detection: sender 0.0.0.0, so nobody learns anything from the probe. */
  dad?: boolean
}

/** @throws {ProbeError} when arping is missing or is neither iputils nor Habets. */
export async function detectArping(): Promise<ArpingFlavor> {
  const capture = await runProgram('arping-version', ['arping', '-V'], VERSION_TIMEOUT_MS)
  if (capture.failure?.reason === 'command-missing') throw new ProbeError(missingHint('arping'))
  if (capture.failure !== undefined && `${capture.stdout}${capture.stderr}`.trim() === '') throw new ProbeError(`cannot run arping: ${capture.failure.detail}`)
  try {
    return arpingFlavor(`${capture.stdout}\n${capture.stderr}`)
  } catch (error) {
    if (error instanceof ParseError) throw new ProbeError(`unsupported arping: ${error.message}`)
    throw error
  }
}

/**
 * argv for one arping run. iputils needs -b, or it switches to unicast towards the first MAC
 * that answered and a second responder is heard only once; Habets broadcasts every request.
 */
export function arpingArgv(flavor: ArpingFlavor, request: ArpingRequest): [string, ...string[]] {
  const count = ['-c', String(request.count)]
  if (flavor === 'iputils') {
    const from = request.dad ? ['-D'] : request.source === undefined ? [] : ['-s', request.source]
    return ['arping', '-b', ...count, ...from, '-I', request.interface, request.target]
  }
  const from = request.dad ? ['-0'] : request.source === undefined ? [] : ['-S', request.source]
  return ['arping', ...count, ...from, '-i', request.interface, request.target]
}

/**
 * Runs arping (inside a namespace when `prefix` is `['ip', 'netns', 'exec', NAME]`). A nonzero
 * exit is normal (both exit 1 when nobody answered), so the output decides.
 * @throws {ProbeError} when arping is missing, lacks privilege, times out or prints no result.
 */
export async function runArping(flavor: ArpingFlavor, request: ArpingRequest, prefix: readonly string[] = []): Promise<ArpingOutput> {
  const argv = [...prefix, ...arpingArgv(flavor, request)] as [string, ...string[]]
  // One probe a second, then up to a second for the last reply; the rest is margin.
  const capture = await runProgram('arping', argv, (request.count + 5) * 1000)
  const complaint = capture.stderr.trim().split('\n')[0] ?? ''
  if (capture.failure?.reason === 'command-missing') throw new ProbeError(missingHint('arping'))
  if (capture.failure?.reason === 'timeout') throw new ProbeError(capture.failure.detail)
  if (isArpingPrivilegeError(capture.stderr)) throw new ProbeError(`arping needs root or CAP_NET_RAW: ${complaint}`)
  try {
    return parseArping(capture.stdout)
  } catch (error) {
    if (!(error instanceof ParseError)) throw error
    throw new ProbeError(`arping failed${complaint === '' ? `: ${error.message}` : `: ${complaint}`}`)
  }
}
