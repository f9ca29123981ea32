/** Evidence builders shared by the check functions, so every result cites its sources the same way. */
import {sysctlKey} from '../../facts/effective-sysctl.js'
import type {Ipv4ConfKey, NetInterface} from '../../facts/model.js'
import type {Evidence} from '../types.js'

/** Live sysctl evidence; a /proc/sys source is narrowed to the exact file read. */
export function confEvidence(factSource: string, scope: string, key: Ipv4ConfKey, value: number | undefined): Evidence {
  const source = factSource.startsWith('/proc/sys/') ? `${factSource}/${scope}/${key}` : factSource
  return {fact: sysctlKey(scope, key), value: value === undefined ? 'unreadable' : String(value), source}
}

export function addressEvidence(nic: NetInterface, cidr: string, scope: string, source: string): Evidence {
  return {fact: `address on ${nic.name}`, value: `${cidr} scope ${scope}`, source}
}

export function readHint(privileged: boolean): string {
  return privileged ? '' : ' (run as root)'
}
