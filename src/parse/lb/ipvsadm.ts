/**
 * Parser for `ipvsadm -L -n` (also `-Ln --exact`, and `-L` without -n, where addresses may be
 * host names and ports service names such as `:http`). The counters of `--stats` and `--rate`
 * replace the Forward column, so those variants are refused with a hint.
 *
 * @example
 * parseIpvsadmList('IP Virtual Server version 1.2.1 (size=4096)\nProt LocalAddress:Port Scheduler Flags\n' +
 *   '  -> RemoteAddress:Port           Forward Weight ActiveConn InActConn\nTCP  172.16.0.206:80 wrr\n' +
 *   '  -> 10.0.0.201:80                Route   1      0          0\n')
 * // → {format: 'ipvsadm-list', notes: [], services: [{vip: '172.16.0.206', port: 80, protocol: 'tcp', scheduler: 'wrr', line: 4,
 * //     realServers: [{address: '10.0.0.201', port: 80, method: 'dr', weight: 1, fallback: false, line: 5}]}]}
 */
import type {LbConfig, LbNote} from '../../facts/lb-config.js'
import {ParseError} from '../parse-error.js'
import {parseHostPort} from './endpoint.js'
import {finishLbConfig} from './finish.js'
import {parseIpvsTable} from './ipvs-table.js'

const FORMAT = 'ipvsadm -Ln'

/**
 * @throws {ParseError} see parseIpvsTable; also for an address or port that cannot be read.
 */
export function parseIpvsadmList(text: string): LbConfig {
  const {services, notes} = parseIpvsTable(text, {
    format: FORMAT,
    service: (address, line, sink) => {
      const {host, port} = endpoint(address, line, sink, 'virtual service')
      return {vip: host, port}
    },
    fwmark: (mark, line) => {
      if (!/^\d+$/.test(mark)) throw new ParseError(FORMAT, `FWM mark "${mark}" is not a decimal number`, line)
      return Number(mark)
    },
    real: (address, line, sink) => {
      const {host, port} = endpoint(address, line, sink, 'real server')
      return {address: host, port}
    },
  })
  return finishLbConfig({format: 'ipvsadm-list', services, notes})
}

/** ipvsadm always prints a port; a host name (no -n) is kept and noted. */
function endpoint(text: string, line: number, notes: LbNote[], what: string): {host: string; port: number} {
  const {host, isName, port} = parseHostPort(text, FORMAT, line)
  if (port === undefined) throw new ParseError(FORMAT, `${what} "${text}" has no port`, line)
  if (isName) notes.push({line, message: `${what} host name ${host} is not resolved (ipvsadm -L without -n): it matches a server only by that name`})
  return {host, port}
}
