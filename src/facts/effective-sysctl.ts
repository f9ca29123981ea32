/**
 * Effective IPv4 per-interface sysctl values, exactly as the kernel combines them
 * (include/linux/inetdevice.h): max(all, iface) for arp_ignore, arp_announce and rp_filter;
 * all OR iface for arp_filter. Naive checkers read only the interface value and miss a
 * stray `all` value that silently overrides it.
 */
import type {Ipv4Conf, Ipv4ConfKey} from './model.js'

export interface EffectiveValue {
  key: Ipv4ConfKey
  iface: string
  /** The value the kernel acts on. */
  effective: number
  all: number
  ifaceValue: number
}

/** @returns the effective value, or undefined when `all` or the interface value is missing. */
export function effectiveValue(conf: Ipv4Conf, iface: string, key: Ipv4ConfKey): EffectiveValue | undefined {
  const all = conf.all?.[key]
  const ifaceValue = conf[iface]?.[key]
  if (all === undefined || ifaceValue === undefined) return undefined
  const effective = key === 'arp_filter' ? (all !== 0 || ifaceValue !== 0 ? 1 : 0) : Math.max(all, ifaceValue)
  return {key, iface, effective, all, ifaceValue}
}

/** The sysctl key for an interface; a VLAN such as `eth0.100` is written `eth0/100` (procps convention). */
export function sysctlKey(iface: string, key: Ipv4ConfKey): string {
  return `net.ipv4.conf.${iface.replaceAll('.', '/')}.${key}`
}
