/** What the service-facing checks test against: the VIP (client traffic) or the server's own addresses (health checks). */
import type {JSONSchemaType} from 'ajv'

import {arpInterfaces} from '../../facts/arp-interfaces.js'
import type {NetInterface} from '../../facts/model.js'

export interface OnOptions {
  on: 'vip' | 'rip'
}

export const ON_OPTIONS: JSONSchemaType<OnOptions> = {
  type: 'object',
  additionalProperties: false,
  required: ['on'],
  properties: {on: {type: 'string', enum: ['vip', 'rip']}},
}

/** The server's own addresses: global addresses on interfaces that face the network. */
export function ownAddresses(interfaces: readonly NetInterface[]): string[] {
  return arpInterfaces(interfaces).flatMap((nic) => nic.addresses.filter((a) => a.scope === 'global').map((a) => a.address))
}
