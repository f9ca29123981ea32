/** Placeholder values every VIP check offers its rule's message and remediation templates. */
import {hostPrefixLength} from '../../facts/cidr.js'
import type {Vip} from '../types.js'

export function vipData(vip: Vip): Record<string, string | number> {
  const hostPrefix = hostPrefixLength(vip.family)
  return {vip: vip.address, hostPrefix, vipCidr: `${vip.address}/${hostPrefix}`}
}
