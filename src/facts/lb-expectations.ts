/**
 * What the load balancer expects of one real server: for every service that lists one of the
 * server's addresses, the VIP it must accept, the port it receives, and the forwarding method
 * (dr, tun or nat). A server listed under several methods gets all of them, so an audit can run
 * every matching set of checks.
 *
 * The port a real server receives depends on the method: Direct Routing and tunnelling pass the
 * packet on unchanged, so it arrives on the service's port whatever port the real server was
 * listed with; NAT rewrites the destination to the real server's own port.
 */
import {canonicalIp} from '../parse/ip-address.js'
import type {LbConfig, LbMethod, LbProtocol} from './lb-config.js'
import {serviceLabel} from './lb-config.js'

export interface LbExpectation {
  /** The VIP traffic is addressed to; null for a fwmark service (its VIPs are set by firewall marks elsewhere). */
  vip: string | null
  fwmark?: number
  /** The destination port as the real server receives it; 0 = every port. */
  port: number
  protocol?: LbProtocol
  mode: LbMethod
  /** Only a sorry server / fallback: it gets traffic when every real server is down. */
  fallback: boolean
  /** The service as `lb show` names it, for messages. */
  service: string
}

/** The audit's inputs for one method: run its checks against these VIPs and ports. */
export interface LbModeInputs {
  mode: LbMethod
  vips: string[]
  /** TCP ports with a known number (the audit's listener checks are TCP only). */
  tcpPorts: number[]
  /** True when a fwmark service applies: its VIPs must come from --vip or the loopback. */
  fwmark: boolean
}

/**
 * Expectations for the server whose addresses are given (IPs, or host names as the file wrote
 * them), deduplicated, in service order.
 */
export function expectationsFor(config: LbConfig, serverAddresses: readonly string[]): LbExpectation[] {
  const mine = new Set(serverAddresses.map(normalize))
  const result = new Map<string, LbExpectation>()
  for (const service of config.services) {
    for (const real of service.realServers) {
      if (!mine.has(normalize(real.address))) continue
      const port = real.method === 'nat' ? real.port : service.port
      const expectation: LbExpectation = {
        vip: service.vip ?? null,
        ...(service.fwmark === undefined ? {} : {fwmark: service.fwmark}),
        port,
        ...(service.protocol === undefined ? {} : {protocol: service.protocol}),
        mode: real.method,
        fallback: real.fallback,
        service: serviceLabel(service),
      }
      const key = JSON.stringify([expectation.vip, expectation.fwmark, port, expectation.protocol, expectation.mode])
      const earlier = result.get(key)
      // Listed twice (two ports under DR, or as a real server and a sorry server): one expectation,
      // and a regular listing wins over a fallback one.
      if (earlier) earlier.fallback &&= real.fallback
      else result.set(key, expectation)
    }
  }
  return [...result.values()]
}

/** Groups expectations by method, in the order the methods first appear. */
export function inputsByMode(expectations: readonly LbExpectation[]): LbModeInputs[] {
  const byMode = new Map<LbMethod, LbModeInputs>()
  for (const e of expectations) {
    const inputs = byMode.get(e.mode) ?? {mode: e.mode, vips: [], tcpPorts: [], fwmark: false}
    if (e.vip !== null && !inputs.vips.includes(e.vip)) inputs.vips.push(e.vip)
    if (e.vip === null) inputs.fwmark = true
    if (e.protocol === 'tcp' && e.port !== 0 && !inputs.tcpPorts.includes(e.port)) inputs.tcpPorts.push(e.port)
    byMode.set(e.mode, inputs)
  }
  return [...byMode.values()]
}

function normalize(address: string): string {
  return canonicalIp(address) ?? address.toLowerCase()
}
