/**
 * What a load balancer's own configuration says, whatever file it came from: keepalived.conf,
 * ldirectord.cf, `ipvsadm -Ln` / `ipvsadm-save` output or /proc/net/ip_vs. Every parser in
 * src/parse/lb/ returns this shape, so deriving a real server's expectations
 * (lb-expectations.ts) and `rsaudit lb show` never depend on the source format.
 *
 * Real-server ports are stored as IPVS would hold them: a real server written without a port
 * gets the service's port, as ipvsadm does when it adds one.
 */

/** The forwarding methods rsaudit audits: IPVS "Route" (gatewaying), "Tunnel" (ipip), "Masq". */
export const LB_METHODS = ['dr', 'tun', 'nat'] as const
export type LbMethod = (typeof LB_METHODS)[number]

export const LB_PROTOCOLS = ['tcp', 'udp', 'sctp'] as const
export type LbProtocol = (typeof LB_PROTOCOLS)[number]

export const LB_FORMATS = ['keepalived', 'ldirectord', 'ipvsadm-list', 'ipvsadm-save', 'proc-net-ip-vs'] as const
export type LbFormat = (typeof LB_FORMATS)[number]

/** How each format is named to a user (messages, `lb show`). */
export const LB_FORMAT_LABEL: Record<LbFormat, string> = {
  keepalived: 'keepalived.conf',
  ldirectord: 'ldirectord.cf',
  'ipvsadm-list': 'ipvsadm -L output',
  'ipvsadm-save': 'ipvsadm-save (ipvsadm -S) rules',
  'proc-net-ip-vs': '/proc/net/ip_vs',
}

export interface LbRealServer {
  /** Canonical IP address; a host name stays as written (ldirectord, `ipvsadm -L` without -n) and a note says so. */
  address: string
  /** 0 when the service covers every port (fwmark or port-0 services). */
  port: number
  method: LbMethod
  weight: number
  /** A keepalived sorry_server or an ldirectord fallback: it gets traffic only when every real server is down. */
  fallback: boolean
  /** 1-based line in the file, when the format has one per real server. */
  line?: number
}

export interface LbService {
  /** The virtual IP; absent for a firewall-mark service. */
  vip?: string
  /** The firewall mark; the VIPs it covers are chosen by packet-marking rules outside these files. */
  fwmark?: number
  /** Address family, when the file states it for a fwmark service (`FWM 1 IPv6`, `-f 1 -6`, ip_family). */
  family?: 'inet' | 'inet6'
  /** 0 = every port (a port-0 persistent service or a fwmark service). */
  port: number
  /** Absent for fwmark services of formats that give none (ipvsadm, /proc/net/ip_vs). */
  protocol?: LbProtocol
  scheduler?: string
  /** Persistence timeout in seconds, when the service is persistent. */
  persistence?: number
  /** keepalived `virtual_server group NAME`: the group this service was expanded from. */
  group?: string
  realServers: LbRealServer[]
  line?: number
}

/** Something a reader should know: an include not followed, a host name not resolved, an entry skipped. */
export interface LbNote {
  message: string
  line?: number
}

export interface LbConfig {
  format: LbFormat
  services: LbService[]
  notes: LbNote[]
  /**
   * The director's own floating addresses (keepalived's VRRP virtual_ipaddress). In NAT mode the one
   * on a real server's subnet is that server's default gateway. Absent when the file has none.
   */
  floatingAddresses?: string[]
}

/** `10.0.0.1:80/tcp`, `[2001:db8::1]:443/tcp`, `fwmark 1` — how a service is named in notes and tables. */
export function serviceLabel(service: Pick<LbService, 'vip' | 'fwmark' | 'port' | 'protocol'>): string {
  const protocol = service.protocol === undefined ? '' : `/${service.protocol}`
  if (service.vip === undefined) return `fwmark ${service.fwmark ?? '?'}${protocol}`
  return `${hostPort(service.vip, service.port)}${protocol}`
}

/** `a.b.c.d:port` or `[v6]:port`; port 0 is written `*` (every port). */
export function hostPort(address: string, port: number): string {
  const host = address.includes(':') ? `[${address}]` : address
  return `${host}:${port === 0 ? '*' : port}`
}
