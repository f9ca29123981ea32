/**
 * Turns a load balancer's configuration into the audit runs for this server: matched by every
 * address the host carries (and its host name, which ldirectord files may use), one run per
 * forwarding method the server is listed under, with that method's VIPs and ports. A server
 * listed under several methods gets every matching set of checks.
 *
 * --vip, --port and --mode given on the command line still win; a note says so.
 */
import type {LbConfigFile} from '../collect/lb-config-file.js'
import {familyOf, prefixContains} from '../facts/cidr.js'
import {expectationsFor, inputsByMode} from '../facts/lb-expectations.js'
import type {HostFacts} from '../facts/model.js'
import {UserError} from '../errors.js'
import type {Mode, Vip} from './types.js'
import {isHostLoopback} from './vips.js'

export interface AuditRun {
  vips: Vip[]
  ports: number[]
  mode: Mode
  /** The VIPs came from the load balancer's configuration. */
  vipsFromConfig: boolean
  /** NAT: the floating address on this server's subnet, when the configuration names one. */
  gateway?: string
}

export interface PlanRequest {
  vips: Vip[]
  ports: number[]
  mode: Mode
  /** Whether --mode was given (it has a default, so the value alone cannot tell). */
  modeGiven: boolean
  /** --gateway, which wins over the configuration's floating addresses. */
  gateway?: string
}

export interface AuditPlan {
  runs: AuditRun[]
  notes: string[]
}

/** @throws {UserError} when this host is not a real server in the configuration. */
export function planFromLbConfig(lb: LbConfigFile, facts: HostFacts, request: PlanRequest): AuditPlan {
  if (facts.interfaces.status !== 'ok') throw new UserError(`cannot match this host against ${lb.file}: its addresses could not be read (${facts.interfaces.detail})`)
  const addresses = facts.interfaces.value.flatMap((nic) => nic.addresses.map((a) => a.address))
  const names = facts.os.status === 'ok' && facts.os.value.hostname !== 'unknown' ? [facts.os.value.hostname] : []
  const expectations = expectationsFor(lb.config, [...addresses, ...names])
  if (expectations.length === 0) {
    throw new UserError(`${lb.file} lists none of this host's addresses (${addresses.filter((a) => !isHostLoopback(a)).join(', ') || 'none'}) as a real server`)
  }

  const notes = [
    `VIPs, ports and forwarding method from ${lb.file}: ${expectations.map((e) => `${e.service} ${e.mode}${e.fallback ? ' (sorry server)' : ''}`).join(', ')}.`,
    ...lb.config.notes.map((note) => `${lb.file}${note.line === undefined ? '' : `:${note.line}`}: ${note.message}`),
  ]
  let byMode = inputsByMode(expectations)
  if (request.modeGiven) {
    notes.push(`--mode ${request.mode} given: only the ${request.mode} checks run, although ${lb.file} lists this server under ${byMode.map((m) => m.mode).join(', ')}.`)
    byMode = byMode.filter((m) => m.mode === request.mode)
    if (byMode.length === 0) byMode = [{mode: request.mode, vips: [], tcpPorts: [], fwmark: false}]
  }
  if (request.vips.length > 0) notes.push(`--vip given: it replaces the VIPs from ${lb.file}.`)
  if (request.ports.length > 0) notes.push(`--port given: it replaces the ports from ${lb.file}.`)
  if (byMode.some((m) => m.fwmark)) notes.push(`A firewall-mark service in ${lb.file} does not say which VIPs it covers: pass them with --vip, or the loopback addresses are taken.`)

  const nat = byMode.some((m) => m.mode === 'nat') && request.gateway === undefined ? natGateway(lb, facts) : {}
  if (nat.note) notes.push(nat.note)
  const runs = byMode.map((m): AuditRun => {
    const configVips = m.vips.flatMap((address): Vip[] => {
      const family = familyOf(address)
      return family === undefined ? [] : [{address, family}]
    })
    const useConfigVips = request.vips.length === 0 && configVips.length > 0
    return {
      vips: useConfigVips ? configVips : request.vips,
      ports: request.ports.length > 0 ? request.ports : m.tcpPorts,
      mode: m.mode,
      vipsFromConfig: useConfigVips,
      ...(m.mode === 'nat' && nat.gateway !== undefined ? {gateway: nat.gateway} : {}),
    }
  })
  return {runs, notes}
}

/** The floating address on one of this server's IPv4 subnets: in NAT mode, its default gateway. */
function natGateway(lb: LbConfigFile, facts: HostFacts): {gateway?: string; note?: string} {
  const floating = lb.config.floatingAddresses ?? []
  if (floating.length === 0 || facts.interfaces.status !== 'ok') return {}
  const own = facts.interfaces.value.filter((nic) => !nic.loopback).flatMap((nic) => nic.addresses.filter((a) => a.family === 'inet'))
  const onSubnet = floating.filter((address) => own.some((a) => a.address !== address && prefixContains(a.address, a.prefixLength, address)))
  const [gateway] = onSubnet
  if (onSubnet.length === 1 && gateway !== undefined) return {gateway, note: `NAT gateway ${gateway}: the floating address in ${lb.file} on this server's subnet.`}
  const which = onSubnet.length === 0 ? `none of its floating addresses (${floating.join(', ')}) is on this server's subnets` : `several of its floating addresses (${onSubnet.join(', ')}) are on this server's subnets`
  return {note: `${lb.file} lists this server under NAT, but ${which}: pass the load balancer's floating IP with --gateway.`}
}
