/**
 * A VIP on loopback must be a host prefix (/32, /128). Linux turns an address on lo with a
 * shorter prefix into a local route for the whole prefix (fib_frontend.c), so the server
 * treats its gateway and neighbours as itself. The local table is checked too, because a
 * second address on lo can cover the VIP even when the VIP itself is /32.
 *
 * Windows 2008 and later want 255.255.255.255 as well; Windows 2000/2003 want the network's
 * own mask on the loopback adapter (the vendor manual's instruction for those versions), so a
 * rule can name the NT version before which the network's mask is expected.
 */
import type {JSONSchemaType} from 'ajv'

import {hostPrefixLength, prefixContains, prefixToMask} from '../../facts/cidr.js'
import type {HostFacts, NetInterface, Route} from '../../facts/model.js'
import {parsePrefix} from '../../parse/ip-address.js'
import {locateVip} from '../../facts/vip-location.js'
import {TUN_DEVICE} from '../vips.js'
import type {Evidence} from '../types.js'
import {compareVersions} from '../applicability.js'
import {defineCheck, unknown} from './define-check.js'
import {addressEvidence} from './evidence.js'
import {vipData} from './vip-data.js'

interface Options {
  /** NT version (e.g. "6.0") before which a Windows loopback takes the network's mask instead. */
  networkMaskOnWindowsBefore?: string
}

const optionsSchema: JSONSchemaType<Options> = {
  type: 'object',
  additionalProperties: false,
  properties: {networkMaskOnWindowsBefore: {type: 'string', nullable: true, pattern: '^[0-9]+(\\.[0-9]+)*$'}},
}

export const vipHostPrefix = defineCheck<Options>({
  name: 'vip-host-prefix',
  subjects: ['vips'],
  facts: ['interfaces', 'routes'],
  optionsSchema,
  evaluate(subject, options, {facts, inputs}) {
    if (subject.kind !== 'vip' || facts.interfaces.status !== 'ok' || facts.routes.status !== 'ok') {
      return unknown('interfaces or routes could not be read')
    }

    const {vip} = subject
    // In TUN mode the VIP may sit on tunl0 instead, where a wider prefix routes the whole subnet into the tunnel.
    const tun = inputs.mode === 'tun'
    const onLoopback = locateVip(facts.interfaces.value, vip.address).filter((p) => p.nic.loopback || (tun && p.nic.name === TUN_DEVICE))
    const first = onLoopback[0]
    if (first === undefined) {
      const where = tun ? 'loopback or tunl0 (see tun-vip)' : 'a loopback interface (see vip-on-loopback)'
      return {outcome: 'not-applicable', evidence: [], data: vipData(vip), reason: `${vip.address} is not on ${where}`}
    }

    const host = expectedPrefix(vip.address, hostPrefixLength(vip.family), facts.interfaces.value, legacyWindows(facts.windowsOs, options))
    const wide = onLoopback.find((p) => p.address.prefixLength !== host)
    const covering = facts.routes.value.find((route) => coversVip(route, vip.address, host))
    const evidence: Evidence[] = onLoopback.map((p) => addressEvidence(p.nic, p.cidr, p.address.scope, facts.interfaces.source))
    if (covering) evidence.push(routeEvidence(covering, facts.routes.source))
    const coveringAddress = covering && addressBehind(covering, facts.interfaces.value)
    return {
      outcome: wide === undefined && covering === undefined ? 'pass' : 'fail',
      evidence,
      data: {
        ...vipData(vip),
        device: (wide ?? first).nic.name,
        deviceIndex: (wide ?? first).nic.index,
        wideCidr: wide?.cidr,
        coveringRoute: covering?.destination,
        coveringAddress: coveringAddress !== wide?.cidr ? coveringAddress : undefined,
        expectedPrefix: host,
        expectedCidr: `${vip.address}/${host}`,
        expectedMask: vip.family === 'inet' ? prefixToMask(host) : undefined,
        problem: wide
          ? !wide.nic.loopback
            ? `is configured as ${wide.cidr} on ${wide.nic.name}, so all of ${wide.cidr} is routed into the tunnel`
            : facts.windowsOs === undefined
            ? `is configured as ${wide.cidr} on ${wide.nic.name}, so the kernel treats all of ${covering?.destination ?? wide.cidr} as local`
            : `is configured as ${wide.cidr} on ${wide.nic.name}, but this Windows version needs /${host}`
          : `is /${host}, but the local route ${covering?.destination ?? ''} through ${covering?.dev ?? 'lo'} covers it`,
      },
    }
  },
})

/** On a legacy Windows host, the prefix of the LAN subnet that contains the VIP; else the host prefix. */
function expectedPrefix(vip: string, host: number, interfaces: readonly NetInterface[], legacy: boolean): number {
  if (!legacy) return host
  const lan = interfaces.flatMap((nic) => (nic.loopback ? [] : nic.addresses)).find((a) => a.prefixLength < host && prefixContains(a.address, a.prefixLength, vip))
  return lan?.prefixLength ?? host
}

function legacyWindows(os: HostFacts['windowsOs'], options: Options): boolean {
  return os?.status === 'ok' && options.networkMaskOnWindowsBefore !== undefined && compareVersions(os.value.version, options.networkMaskOnWindowsBefore) < 0
}

/** A local route through loopback, shorter than a host route, containing the VIP; 127.0.0.0/8 and ::1 are normal. */
function coversVip(route: Route, vip: string, host: number): boolean {
  if (route.type !== 'local' || route.dev === undefined || !route.dev.startsWith('lo')) return false
  const prefix = parsePrefix(route.destination)
  if (prefix === undefined || prefix.prefixLength >= host) return false
  if (prefixContains('127.0.0.0', 8, prefix.address)) return false
  return prefixContains(prefix.address, prefix.prefixLength, vip)
}

/** The loopback address whose prefix created the route, so the fix can remove it. */
function addressBehind(route: Route, interfaces: readonly NetInterface[]): string | undefined {
  const prefix = parsePrefix(route.destination)
  if (prefix === undefined) return undefined
  for (const nic of interfaces.filter((n) => n.loopback)) {
    for (const address of nic.addresses) {
      if (address.prefixLength === prefix.prefixLength && prefixContains(prefix.address, prefix.prefixLength, address.address)) {
        return `${address.address}/${address.prefixLength}`
      }
    }
  }

  return undefined
}

function routeEvidence(route: Route, source: string): Evidence {
  return {fact: `local route in table ${route.table}`, value: `${route.type} ${route.destination} dev ${route.dev ?? '?'}`, source}
}

