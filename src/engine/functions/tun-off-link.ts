/**
 * In TUN mode the load balancer reaches the server through a tunnel, and ARP for the VIP can
 * only arrive on an interface whose subnet holds the VIP; on the others the ARP sysctls do not
 * matter (LNX-TUN-04). With no VIP known every interface is judged, to be safe.
 */
import type {NetInterface} from '../../facts/model.js'
import {vipsOnLink} from '../../facts/vip-on-link.js'
import type {AuditInputs} from '../types.js'
import type {CheckOutcome} from './define-check.js'

/** A not-applicable outcome for an off-link interface in TUN mode; undefined when the interface must be judged. */
export function offLinkInTun(nic: NetInterface, inputs: AuditInputs): CheckOutcome | undefined {
  const vips = inputs.vips.map((vip) => vip.address)
  if (inputs.mode !== 'tun' || vips.length === 0 || vipsOnLink(nic, vips).length > 0) return undefined
  return {outcome: 'not-applicable', evidence: [], data: {}, reason: `TUN mode and no VIP lies in a subnet of ${nic.name}, so nothing on its link asks it for the VIP`}
}
