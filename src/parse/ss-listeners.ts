/**
 * Parses TCP listeners out of `ss -Hltn`, `ss -ltn`, `ss -ltnp` and `ss -lntup` (header or
 * not, `Netid` column or not), from old ss (`*:22`, `:::22`, `::1:25`, `users:(("sshd",4244,3))`)
 * to iproute2 6.x (`[::]:22`, `127.0.0.53%lo:53`, `[fe80::1]%eth0:22`).
 *
 * Rows that are not TCP LISTEN (udp UNCONN, ESTAB...) are skipped. `*` becomes `0.0.0.0`, as
 * the facts model says, even though new ss prints `*` for a dual-stack IPv6 socket on `::`.
 *
 * @example
 * parseSsListeners('tcp LISTEN 0 511 *:3000 *:* users:(("next-server (v1",pid=1418,fd=18))')
 * // → [{protocol: 'tcp', address: '0.0.0.0', port: 3000, process: 'next-server (v1'}]
 */
import type {Listener} from '../facts/model.js'
import {canonicalIp} from './ip-address.js'
import {ParseError, splitLines} from './parse-error.js'

const FORMAT = 'ss -ltn'
const HEADER = /^(?:Netid\s+)?State\s+Recv-Q\s+Send-Q\s+Local\s+Address:Port/
const ROW = /^(?:[a-z][\w-]*\s+)?[A-Z][A-Z0-9-]*\s+\d+\s+\d+\s+\S*:\S+\s+\S+/

export function parseSsListeners(text: string): Listener[] {
  const listeners: Listener[] = []
  for (const [i, raw] of splitLines(text).entries()) {
    const line = raw.trim()
    if (line === '' || HEADER.test(line)) continue
    const tokens = line.split(/\s+/)
    // A lower-case first column is the Netid (tcp, udp, u_str...); states are upper case.
    const netid = /^[a-z]/.test(tokens[0] ?? '') ? tokens.shift() : undefined
    const [state = '', recvQ = '', sendQ = '', local = '', peer] = tokens
    if (!/^[A-Z][A-Z0-9-]*$/.test(state) || !/^\d+$/.test(recvQ) || !/^\d+$/.test(sendQ) || peer === undefined) {
      throw new ParseError(FORMAT, `expected "State Recv-Q Send-Q Local:Port Peer:Port", found ${JSON.stringify(line)}`, i + 1)
    }
    if (state !== 'LISTEN' || (netid !== undefined && netid !== 'tcp')) continue
    const listener: Listener = {protocol: 'tcp', ...splitEndpoint(local, i + 1)}
    const process = processName(line)
    if (process !== undefined) listener.process = process
    listeners.push(listener)
  }
  return listeners
}

/** A cheap guess for pasted text: does it start like ss output (header or a socket row)? */
export function looksLikeSsOutput(text: string): boolean {
  const first = splitLines(text).find((line) => line.trim() !== '')?.trim() ?? ''
  return HEADER.test(first) || ROW.test(first)
}

/** `[::]:80`, `[fe80::1]%eth0:22`, `127.0.0.53%lo:53`, `*:80`, old `:::80` and `::1:25`. */
function splitEndpoint(text: string, lineNo: number): {address: string; port: number} {
  const colon = text.lastIndexOf(':')
  const portText = text.slice(colon + 1)
  let host = text.slice(0, colon)
  if (host.startsWith('[')) host = host.slice(1).replace(/\](%[^\]]*)?$/, '')
  host = host.replace(/%.*$/, '') // the zone names an interface; the address is what rules compare
  const address = host === '*' ? '0.0.0.0' : canonicalIp(host)
  const port = Number(portText)
  if (colon < 0 || address === undefined || !/^\d+$/.test(portText) || port > 65535) {
    throw new ParseError(FORMAT, `bad local address ${JSON.stringify(text)} (service names need ss -n)`, lineNo)
  }
  return {address, port}
}

/** The first name in `users:(("nginx",pid=1,fd=6),...)`; names may hold spaces and parentheses. */
function processName(line: string): string | undefined {
  const match = /users:\(\("((?:[^"\\]|\\.)*)"/.exec(line)
  return match?.[1]
}
