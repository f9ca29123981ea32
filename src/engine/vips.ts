/**
 * The VIPs an audit checks: the ones given with --vip, or else every address on a loopback
 * interface outside 127.0.0.0/8, ::1 and fe80::/10 (how a DR real server normally carries them). In TUN
 * mode the VIP may sit on tunl0 instead, so its addresses count too.
 */
import {familyOf, prefixContains, sameAddress} from '../facts/cidr.js'
import type {Fact, NetInterface} from '../facts/model.js'
import type {AuditInputs, Mode, Vip} from './types.js'

export function chooseVips(given: readonly Vip[], interfaces: Fact<NetInterface[]>, mode: Mode = 'dr'): Pick<AuditInputs, 'vips' | 'vipSource'> {
  if (given.length > 0) return {vips: [...given], vipSource: 'flag'}
  if (interfaces.status !== 'ok') return {vips: [], vipSource: 'none'}
  const found: Vip[] = []
  for (const nic of interfaces.value.filter((n) => n.loopback || (mode === 'tun' && n.name === TUN_DEVICE))) {
    for (const {address} of nic.addresses) {
      const family = familyOf(address)
      if (family === undefined || isHostLoopback(address) || found.some((vip) => sameAddress(vip.address, address))) continue
      found.push({address, family})
    }
  }

  return {vips: found, vipSource: found.length > 0 ? 'loopback' : 'none'}
}

/** The ipip module's catch-all device, which decapsulates what the load balancer sends in TUN mode. */
export const TUN_DEVICE = 'tunl0'

/** 127/8 and ::1, and fe80::/10: BSD, macOS and Solaris give lo0 a link-local fe80::1, which is no VIP. */
export function isHostLoopback(address: string): boolean {
  return prefixContains('127.0.0.0', 8, address) || sameAddress(address, '::1') || prefixContains('fe80::', 10, address)
}
