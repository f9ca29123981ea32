/**
 * Notes every load-balancer format shares, added once the services are known:
 * - a fwmark service does not say which VIPs it covers (iptables/nftables MARK rules do);
 * - Direct Routing and tunnelling forward the packet unchanged, so a real server listed with a
 *   port other than the service's still receives the service's port (only NAT rewrites it);
 * - a port-0 service that is not persistent, which ipvsadm(8) calls invalid;
 * - a file with no virtual service at all (a VRRP-only keepalived.conf, an empty IPVS table).
 * Notes end up in line order, so a reader can follow the file.
 */
import {hostPort, LB_FORMAT_LABEL, type LbConfig, type LbNote, type LbService, serviceLabel} from '../../facts/lb-config.js'

/** @param directorVips addresses the director itself holds (keepalived VRRP), offered as a hint for fwmark services. */
export function finishLbConfig(config: LbConfig, directorVips: readonly string[] = []): LbConfig {
  const notes: LbNote[] = [...config.notes]
  if (config.services.length === 0) notes.push({message: `no virtual service in this ${LB_FORMAT_LABEL[config.format]}`})
  const hint = directorVips.length > 0 ? ` (this file's VRRP addresses: ${directorVips.join(', ')})` : ''
  for (const service of config.services) {
    const line = service.line === undefined ? {} : {line: service.line}
    if (service.vip !== undefined && service.port === 0 && service.persistence === undefined) {
      notes.push({...line, message: `${serviceLabel(service)}: a port-0 (every port) service must be persistent (ipvsadm(8), keepalived.conf(5)), and this one is not`})
    }
    if (service.fwmark !== undefined) {
      notes.push({...line, message: `${serviceLabel(service)}: the VIPs it covers are set by firewall-mark rules outside this file${hint}`})
    }
    for (const real of service.realServers) {
      if (real.method === 'nat' || real.port === service.port || real.port === 0 || service.port === 0) continue
      notes.push({
        ...(real.line === undefined ? line : {line: real.line}),
        message: `${serviceLabel(service)}: real server ${hostPort(real.address, real.port)} uses ${real.method}, which does not rewrite ports: it receives port ${service.port}`,
      })
    }
  }
  return {
    format: config.format,
    services: config.services.map(ordered),
    notes: notes.map((note, index) => ({note, index})).sort(byLine).map(({note}) => note),
    ...(directorVips.length > 0 ? {floatingAddresses: [...directorVips]} : {}),
  }
}

/** One key order for every format, so JSON output and golden files read alike. */
function ordered(service: LbService): LbService {
  const {vip, fwmark, family, port, protocol, scheduler, persistence, group, line, realServers} = service
  return {
    ...(vip === undefined ? {} : {vip}),
    ...(fwmark === undefined ? {} : {fwmark}),
    ...(family === undefined ? {} : {family}),
    port,
    ...(protocol === undefined ? {} : {protocol}),
    ...(scheduler === undefined ? {} : {scheduler}),
    ...(persistence === undefined ? {} : {persistence}),
    ...(group === undefined ? {} : {group}),
    ...(line === undefined ? {} : {line}),
    realServers: realServers.map((real) => ({address: real.address, port: real.port, method: real.method, weight: real.weight, fallback: real.fallback, ...(real.line === undefined ? {} : {line: real.line})})),
  }
}

function byLine(a: {note: LbNote; index: number}, b: {note: LbNote; index: number}): number {
  return (a.note.line ?? Number.MAX_SAFE_INTEGER) - (b.note.line ?? Number.MAX_SAFE_INTEGER) || a.index - b.index
}
