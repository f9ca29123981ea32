/** Checks the user's --vip and --port values, with messages that say what was wrong. */
import {isIP} from 'node:net'

import {UserError} from '../errors.js'
import type {Vip} from './types.js'

/** @throws {UserError} when a value is not an IP address. */
export function parseVips(values: readonly string[]): Vip[] {
  return values.map((value) => {
    const text = value.trim()
    const kind = isIP(text)
    if (kind === 0) {
      const hint = text.includes('/') ? ' (give the address without a prefix length)' : ''
      throw new UserError(`--vip "${value}" is not an IP address${hint}`)
    }

    return {address: text.toLowerCase(), family: kind === 4 ? 'inet' : 'inet6'}
  })
}

/** @throws {UserError} when a port is not a whole number from 1 to 65535. */
export function parsePorts(values: readonly string[]): number[] {
  return values.map((value) => {
    const port = /^\d+$/.test(value.trim()) ? Number(value) : Number.NaN
    if (!Number.isInteger(port) || port < 1 || port > 65_535) throw new UserError(`--port "${value}" is not a TCP port (1-65535)`)
    return port
  })
}
