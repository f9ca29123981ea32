/**
 * `rsaudit probe vip-path`: did one real server accept a TCP connection to VIP:port delivered
 * to its MAC, the way a Direct Routing load balancer delivers it? A health check against the
 * RIP cannot tell: it succeeds on a server that drops (no VIP on lo) or refuses (service bound
 * to the RIP only) every packet the load balancer forwards. Pure.
 */

export type ConnectOutcome = {connected: true} | {connected: false; code: string; detail: string}

/** The path the probe took; shared by the observation and the result. */
interface VipPathRoute {
  vip: string
  port: number
  realServer: string
  interface: string
  source: string
  /** What the real server's address resolved to during the probe; null when it never answered ARP. */
  realServerMac: string | null
}

export interface VipPathObservation extends VipPathRoute {
  outcome: ConnectOutcome
  timeoutMs: number
}

export interface VipPathResult extends VipPathRoute {
  connected: boolean
  /** Node's error code (ECONNREFUSED, ETIMEDOUT, EHOSTUNREACH...), null when connected. */
  error: string | null
  problem: boolean
  message: string
}

export function vipPathVerdict(observation: VipPathObservation): VipPathResult {
  const {outcome, timeoutMs, ...route} = observation
  const {vip, port, realServer: rs} = route
  const target = `${vip}:${port}`
  const via = `${rs}${observation.realServerMac === null ? '' : ` (${observation.realServerMac})`}`
  const result = (message: string): VipPathResult => ({
    ...route,
    connected: outcome.connected,
    error: outcome.connected ? null : outcome.code,
    problem: !outcome.connected,
    message,
  })
  if (outcome.connected) return result(`Real server ${via} accepted a TCP connection to ${target} sent to its MAC, as the load balancer delivers it.`)
  if (observation.realServerMac === null) {
    return result(`Real server ${rs} did not answer ARP on ${observation.interface}: it is not on this segment, so Direct Routing cannot deliver to it.`)
  }
  switch (outcome.code) {
    case 'ECONNREFUSED':
      return result(
        `Real server ${via} refused ${target}: it takes packets for the VIP, but nothing listens on ${target} or 0.0.0.0:${port} ` +
          '(a service bound to the RIP only refuses them).',
      )
    case 'ETIMEDOUT':
      return result(
        `Real server ${via} did not answer ${target} within ${timeoutMs / 1000} s: it drops packets for the VIP ` +
          '(is the VIP on lo? is a firewall or rp_filter dropping them?).',
      )
    default:
      return result(`Connecting to ${target} through real server ${via} failed: ${outcome.detail}.`)
  }
}

/** 0 connected; 1 not. */
export function vipPathExitCode(result: Pick<VipPathResult, 'problem'>): 0 | 1 {
  return result.problem ? 1 : 0
}
