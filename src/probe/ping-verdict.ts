/**
 * `rsaudit probe ping`: reachability of each target with packet loss and round-trip times,
 * from what the `ping` package reports. Pure.
 */
import type {PingResponse} from 'ping'

export interface PingTargetResult {
  target: string
  /** At least one echo reply came back. */
  reachable: boolean
  /** Percent, or null when ping printed no statistics (it failed before sending). */
  packetLoss: number | null
  rttMs: {min: number; avg: number; max: number; stddev: number} | null
  /** ping's own complaints ("ping: connect: Network is unreachable"), joined with "; "; null when none. */
  error: string | null
}

export interface PingProbeResult {
  targets: PingTargetResult[]
  problem: boolean
  message: string
}

/** The package reports numbers as text ("0.166") or 'unknown'. */
function numberOrNull(text: string | number): number | null {
  const value = typeof text === 'number' ? text : Number.parseFloat(text)
  return Number.isFinite(value) ? value : null
}

export function pingTargetResult(target: string, response: Pick<PingResponse, 'alive' | 'output' | 'min' | 'avg' | 'max' | 'stddev' | 'packetLoss'>): PingTargetResult {
  const [min, avg, max, stddev] = [response.min, response.avg, response.max, response.stddev].map(numberOrNull)
  // iputils may print several lines ("ping: socktype: SOCK_RAW", "ping: socket: Operation not permitted", ...).
  const complaints = response.output.split('\n').map((line) => line.trim()).filter((line) => /^ping6?: /.test(line))
  return {
    target,
    reachable: response.alive,
    packetLoss: numberOrNull(response.packetLoss),
    rttMs: response.alive && min != null && avg != null && max != null && stddev != null ? {min, avg, max, stddev} : null,
    error: complaints.length === 0 ? null : complaints.join('; '),
  }
}

/** ping's message when it may not open its socket (iputils without root or file capabilities). */
export function isPingPrivilegeError(result: PingTargetResult): boolean {
  return result.error !== null && /Operation not permitted|Permission denied|CAP_NET_RAW/i.test(result.error)
}

export function pingVerdict(targets: PingTargetResult[]): PingProbeResult {
  const down = targets.filter((t) => !t.reachable).map((t) => t.target)
  if (down.length === 0) return {targets, problem: false, message: `${targets.length === 1 ? 'The target answers' : `All ${targets.length} targets answer`} ping.`}
  return {targets, problem: true, message: `${down.length} of ${targets.length} target(s) do not answer ping: ${down.join(', ')}.`}
}

/** 0 every target answered; 1 at least one did not. */
export function pingExitCode(result: Pick<PingProbeResult, 'problem'>): 0 | 1 {
  return result.problem ? 1 : 0
}
