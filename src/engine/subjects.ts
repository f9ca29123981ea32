/**
 * What one result is about. A rule names a subject kind; the engine expands it into
 * concrete subjects from the facts and the user's inputs, and evaluates each one.
 */
import {arpInterfaces} from '../facts/arp-interfaces.js'
import type {HostFacts, NetInterface} from '../facts/model.js'
import type {AuditInputs, SubjectKind, Vip} from './types.js'

export type Subject =
  | {kind: 'host'; label: string}
  | {kind: 'interface'; label: string; nic: NetInterface}
  | {kind: 'vip'; label: string; vip: Vip}
  | {kind: 'vip-port'; label: string; vip: Vip; port: number}
  | {kind: 'port'; label: string; port: number}

/** Expands a subject kind; `interfaces` must be available when the kind needs it (the engine checks first). */
export function expandSubjects(kind: SubjectKind, facts: HostFacts, inputs: AuditInputs): Subject[] {
  switch (kind) {
    case 'host': {
      return [{kind: 'host', label: 'host'}]
    }

    case 'arp-interfaces': {
      const interfaces = facts.interfaces.status === 'ok' ? facts.interfaces.value : []
      return arpInterfaces(interfaces).map((nic) => ({kind: 'interface', label: nic.name, nic}))
    }

    case 'vips': {
      return inputs.vips.map((vip) => ({kind: 'vip', label: vip.address, vip}))
    }

    case 'vip-ports': {
      return inputs.vips.flatMap((vip) =>
        inputs.ports.map((port) => ({kind: 'vip-port' as const, label: `${bracketed(vip.address)}:${port}`, vip, port})),
      )
    }

    case 'ports': {
      return inputs.ports.map((port) => ({kind: 'port', label: `port ${port}`, port}))
    }
  }
}

export function bracketed(address: string): string {
  return address.includes(':') ? `[${address}]` : address
}
