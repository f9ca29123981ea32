/** Checks the user's --vip, --gateway and --port values, with messages that say what was wrong. */
import {isIP} from 'node:net'

import {UserError} from '../errors.js'
import type {Vip} from './types.js'

/** @throws {UserError} when a value is not an IP address. */
export function parseVips(values: readonly string[]): Vip[] {
  return values.map((value) => parseAddress('--vip', value))
}

/** The load balancer's floating IP for NAT mode. @throws {UserError} when the value is not an IP address. */
export function parseGateway(value: string | undefined): string | undefined {
  return value === undefined ? undefined : parseAddress('--gateway', value).address
}

/** @throws {UserError} naming the flag when the value is not an IP address. */
function parseAddress(flag: string, value: string): Vip {
  const text = value.trim()
  const kind = isIP(text)
  if (kind === 0) {
    const hint = text.includes('/') ? ' (give the address without a prefix length)' : ''
    throw new UserError(`${flag} "${value}" is not an IP address${hint}`)
  }

  return {address: text.toLowerCase(), family: kind === 4 ? 'inet' : 'inet6'}
}

/** @throws {UserError} when a port is not a whole number from 1 to 65535. */
export function parsePorts(values: readonly string[]): number[] {
  return values.map((value) => {
    const port = /^\d+$/.test(value.trim()) ? Number(value) : Number.NaN
    if (!Number.isInteger(port) || port < 1 || port > 65_535) throw new UserError(`--port "${value}" is not a TCP port (1-65535)`)
    return port
  })
}
