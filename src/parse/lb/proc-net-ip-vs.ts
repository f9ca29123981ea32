/**
 * Parser for /proc/net/ip_vs, the kernel's own view of the IPVS table (ip_vs_info_seq_show()
 * in net/netfilter/ipvs/ip_vs_ctl.c): the same layout as `ipvsadm -Ln`, but IPv4 addresses,
 * ports and firewall marks are hex in network order (`0A000001:0050` = 10.0.0.1:80,
 * `FWM  00000064` = mark 100), and IPv6 addresses are printed in full inside brackets
 * (`[2001:0db8:0000:...]:01BB`). Persistence reads `persistent 50 FFFFFFFF` (timeout, mask).
 *
 * @example
 * parseProcNetIpVs('IP Virtual Server version 1.2.1 (size=4096)\nProt LocalAddress:Port Scheduler Flags\n' +
 *   '  -> RemoteAddress:Port Forward Weight ActiveConn InActConn\nTCP  0A000001:0050 wrr\n' +
 *   '  -> C0A80002:0050      Tunnel  1      0          0\n')
 * // → {format: 'proc-net-ip-vs', notes: [], services: [{vip: '10.0.0.1', port: 80, protocol: 'tcp', scheduler: 'wrr', line: 4,
 * //     realServers: [{address: '192.168.0.2', port: 80, method: 'tun', weight: 1, fallback: false, line: 5}]}]}
 */
import type {LbConfig} from '../../facts/lb-config.js'
import {canonicalIp} from '../ip-address.js'
import {ParseError} from '../parse-error.js'
import {intToIpv4} from './endpoint.js'
import {finishLbConfig} from './finish.js'
import {parseIpvsTable} from './ipvs-table.js'

const FORMAT = '/proc/net/ip_vs'

/**
 * @throws {ParseError} see parseIpvsTable; also for an address or port that is not the kernel's hex.
 */
export function parseProcNetIpVs(text: string): LbConfig {
  const {services, notes} = parseIpvsTable(text, {
    format: FORMAT,
    service: (address, line) => {
      const {host, port} = hexEndpoint(address, line)
      return {vip: host, port}
    },
    fwmark: (mark, line) => {
      if (!/^[0-9A-Fa-f]{8}$/.test(mark)) throw new ParseError(FORMAT, `FWM mark "${mark}" is not 8 hex digits`, line)
      return Number.parseInt(mark, 16)
    },
    real: (address, line) => {
      const {host, port} = hexEndpoint(address, line)
      return {address: host, port}
    },
  })
  return finishLbConfig({format: 'proc-net-ip-vs', services, notes})
}

/** `0A000001:0050` or `[2001:0db8:...:0001]:01BB`. */
function hexEndpoint(text: string, line: number): {host: string; port: number} {
  const v4 = /^([0-9A-Fa-f]{8}):([0-9A-Fa-f]{4})$/.exec(text)
  if (v4) return {host: intToIpv4(Number.parseInt(v4[1] ?? '', 16)), port: Number.parseInt(v4[2] ?? '', 16)}
  const v6 = /^\[([0-9A-Fa-f:]+)\]:([0-9A-Fa-f]{4})$/.exec(text)
  const host = v6 ? canonicalIp(v6[1] ?? '') : undefined
  if (!v6 || host === undefined) throw new ParseError(FORMAT, `"${text}" is not a hex address:port`, line)
  return {host, port: Number.parseInt(v6[2] ?? '', 16)}
}
