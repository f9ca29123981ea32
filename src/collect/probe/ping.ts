/**
 * Runs the system ping through the `ping` package (the issue names it). The package spawns
 * `ping`/`ping6` with an argv array and no shell; rsaudit still passes only addresses it has
 * checked with net.isIP. It has no timeout of its own, so ping's -w deadline bounds each run.
 */
import ping from 'ping'

import {isPingPrivilegeError, type PingTargetResult, pingTargetResult} from '../../probe/ping-verdict.js'
import {installHint, ProbeError} from './run.js'

/** Pings every target at once (each takes about `count` seconds). @throws {ProbeError} when ping cannot run. */
export async function pingTargets(targets: readonly string[], count: number): Promise<PingTargetResult[]> {
  const results = await Promise.all(targets.map((target) => pingOne(target, count)))
  const denied = results.find(isPingPrivilegeError)
  if (denied !== undefined) throw new ProbeError(`ping needs root or CAP_NET_RAW: ${denied.error}`)
  return results
}

async function pingOne(target: string, count: number): Promise<PingTargetResult> {
  try {
    // -c count, -W 1 s per reply, -w count+2 s overall: a dead target costs count+2 seconds, not forever.
    const response = await ping.promise.probe(target, {numeric: true, min_reply: count, timeout: 1, deadline: count + 2})
    return pingTargetResult(target, response)
  } catch {
    // The package rejects only when spawning failed, and says no more than that.
    throw new ProbeError(`could not start ping for ${target}: is it installed?${installHint('ping')}`)
  }
}
