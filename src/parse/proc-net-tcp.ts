/**
 * Parses `/proc/net/tcp` and `/proc/net/tcp6` into the sockets in state `0A` (LISTEN).
 *
 * The kernel prints each address as 32-bit words in host byte order (`%08X`), so on the
 * little-endian machines rsaudit targets `0100007F` is 127.0.0.1; ports are already in
 * network order. Used when `ss` is missing (minimal containers, BusyBox images).
 *
 * @example
 * parseProcNetTcp(
 *   '  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode\n' +
 *   '   2: 0A6433C6:1F90 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 6191 1\n',
 *   'inet')
 * // → [{protocol: 'tcp', address: '198.51.100.10', port: 8080}]
 */
import type {AddressFamily, Listener} from '../facts/model.js'
import {formatIpv6} from './ip-address.js'
import {ParseError, splitLines} from './parse-error.js'

const HEADER = /^\s*sl\s+local_address\s+rem(?:ote)?_address\s+st\b/
const ROW = /^\s*\d+:\s+([\dA-Fa-f]+):([\dA-Fa-f]{4})\s+([\dA-Fa-f]+):([\dA-Fa-f]{4})\s+([\dA-Fa-f]{2})(?:\s|$)/
const LISTEN = '0A'

export function parseProcNetTcp(text: string, family: AddressFamily): Listener[] {
  const format = family === 'inet' ? '/proc/net/tcp' : '/proc/net/tcp6'
  const lines = splitLines(text)
  const headerAt = lines.findIndex((line) => line.trim() !== '')
  if (headerAt < 0 || !HEADER.test(lines[headerAt] ?? '')) {
    throw new ParseError(format, 'expected the "sl local_address rem_address st ..." header', headerAt < 0 ? undefined : headerAt + 1)
  }
  const hexLength = family === 'inet' ? 8 : 32
  const listeners: Listener[] = []
  for (let i = headerAt + 1; i < lines.length; i++) {
    const line = lines[i] ?? ''
    if (line.trim() === '') continue
    const match = ROW.exec(line)
    const [, localHex = '', portHex = '', , , state = ''] = match ?? []
    if (!match || localHex.length !== hexLength) {
      throw new ParseError(format, `expected "N: ADDR:PORT ADDR:PORT ST" with ${hexLength}-digit addresses, found ${JSON.stringify(line.trim())}`, i + 1)
    }
    if (state.toUpperCase() !== LISTEN) continue
    listeners.push({protocol: 'tcp', address: decodeAddress(localHex), port: Number.parseInt(portHex, 16)})
  }
  return listeners
}

/** Each 8-digit word is a little-endian u32: reverse its bytes to get network order. */
function decodeAddress(hex: string): string {
  const bytes: number[] = []
  for (let word = 0; word < hex.length; word += 8) {
    for (let b = 6; b >= 0; b -= 2) bytes.push(Number.parseInt(hex.slice(word + b, word + b + 2), 16))
  }
  if (bytes.length === 4) return bytes.join('.')
  return formatIpv6(Array.from({length: 8}, (_, i) => ((bytes[2 * i] ?? 0) << 8) | (bytes[2 * i + 1] ?? 0)))
}

/** A cheap guess for pasted text: does it start like /proc/net/tcp or tcp6 (the header or a socket row)? */
export function looksLikeProcNetTcp(text: string): boolean {
  const first = splitLines(text).find((line) => line.trim() !== '') ?? ''
  return HEADER.test(first) || ROW.test(first)
}
