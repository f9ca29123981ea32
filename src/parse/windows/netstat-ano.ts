/**
 * Parses TCP listeners out of Windows `netstat -ano` (XP to 11): rows
 * `Proto  Local Address  Foreign Address  State  PID`, IPv4 `0.0.0.0:80`, IPv6 `[::]:80`, link-local
 * with a zone `[fe80::1%7]:139`. The title, the header and the state words are localized
 * (ABHÖREN, ÉCOUTE...), so a row is a listener when its state is a known "listening" word OR
 * its foreign address is the wildcard `0.0.0.0:0` / `[::]:0`, which only a listening socket shows
 * and which no translation touches. UDP rows and other TCP states are skipped.
 *
 * netstat -ano prints a PID, not a program name: `process` is `pid N` (PID 4 is the kernel,
 * i.e. HTTP.sys, which is where IIS listens).
 *
 * @example
 * parseNetstatAno('  TCP    0.0.0.0:80             0.0.0.0:0              ABHÖREN         4')
 * // → [{protocol: 'tcp', address: '0.0.0.0', port: 80, process: 'pid 4'}]
 */
import type {Listener} from '../../facts/model.js'
import {canonicalIp} from '../ip-address.js'
import {ParseError, splitLines} from '../parse-error.js'

const FORMAT = 'netstat -ano'
const ROW = /^\s*(TCP|UDP)\s+(\S+)\s+(\S+)(?:\s+(.*?))?\s+(\d+)\s*$/

/** The State word of a listening socket, per display language (upper-cased for comparison). */
const LISTENING_STATES = new Set([
  'LISTENING', // en, and zh-CN/zh-TW/ja builds that keep the English state words
  'LISTEN',
  'ABHÖREN', // de
  'ÉCOUTE', // fr
  'ESCUCHANDO', // es
  'IN ASCOLTO', // it
  'ESCUTANDO', // pt-BR
  'NASŁUCHIWANIE', // pl
  'ПРОСЛУШИВАНИЕ', // ru
  '侦听', // zh-CN
  '接聽', // zh-TW
  '待ち受け', // ja
])
const WILDCARD_PEERS = new Set(['0.0.0.0:0', '[::]:0'])

export function parseNetstatAno(text: string): Listener[] {
  const listeners: Listener[] = []
  let rowsStarted = false
  for (const [i, raw] of splitLines(text).entries()) {
    const match = ROW.exec(raw)
    if (!match) {
      // Title and column header (both localized) come before the first row; nothing may follow it,
      // and a TCP/UDP line without a PID column is `netstat -an`, which this does not read.
      if ((rowsStarted || /^\s*(TCP|UDP)\s/.test(raw)) && raw.trim() !== '') {
        throw new ParseError(FORMAT, `expected "Proto Local Foreign State PID", found ${JSON.stringify(raw.trim())}`, i + 1)
      }
      continue
    }
    rowsStarted = true
    const [, proto, local = '', peer = '', state = '', pid = ''] = match
    if (proto !== 'TCP') continue
    if (state === '') throw new ParseError(FORMAT, `TCP row without a state: ${JSON.stringify(raw.trim())}`, i + 1)
    if (!LISTENING_STATES.has(state.toUpperCase()) && !WILDCARD_PEERS.has(peer)) continue
    listeners.push({protocol: 'tcp', ...splitEndpoint(local, i + 1), process: `pid ${pid}`})
  }
  if (!rowsStarted && text.trim() !== '') throw new ParseError(FORMAT, 'no TCP or UDP rows')
  return listeners
}

/** A cheap guess for pasted text: does it hold a netstat -ano row (with its PID column)? */
export function looksLikeNetstatAno(text: string): boolean {
  return splitLines(text).some((line) => {
    const match = ROW.exec(line)
    return match !== null && /:\d+$/.test(match[2] ?? '')
  })
}

/** `0.0.0.0:80`, `[::]:80`, `[fe80::1%7]:139` → canonical address (zone dropped) and port. */
function splitEndpoint(text: string, line: number): {address: string; port: number} {
  const colon = text.lastIndexOf(':')
  const portText = text.slice(colon + 1)
  let host = text.slice(0, colon)
  if (host.startsWith('[') && host.endsWith(']')) host = host.slice(1, -1)
  const address = canonicalIp(host.replace(/%.*$/, ''))
  const port = Number(portText)
  if (colon < 0 || address === undefined || !/^\d+$/.test(portText) || port > 65535) {
    throw new ParseError(FORMAT, `bad local address ${JSON.stringify(text)} (names need netstat -n)`, line)
  }
  return {address, port}
}
