/**
 * Tells which load-balancer format a text is, from its content alone (a file name says little:
 * keepalived.conf is often keepalived.conf.j2, rules files have no fixed name), and parses it.
 *
 * Order matters: an IPVS table is recognised by its title rows first, then the kernel's hex
 * variant by its hex addresses or its unpadded title; saved rules start with -A/-a; ldirectord
 * by a `virtual=` line at the start of a line; keepalived by its top-level block keywords.
 */
import type {LbConfig, LbFormat} from '../../facts/lb-config.js'
import {ParseError} from '../parse-error.js'
import {parseIpvsadmList} from './ipvsadm.js'
import {parseIpvsadmSave} from './ipvsadm-save.js'
import {parseKeepalivedConf} from './keepalived-conf.js'
import {parseLdirectordCf} from './ldirectord-cf.js'
import {parseProcNetIpVs} from './proc-net-ip-vs.js'

export const LB_PARSERS: Readonly<Record<LbFormat, (text: string) => LbConfig>> = {
  keepalived: parseKeepalivedConf,
  ldirectord: parseLdirectordCf,
  'ipvsadm-list': parseIpvsadmList,
  'ipvsadm-save': parseIpvsadmSave,
  'proc-net-ip-vs': parseProcNetIpVs,
}

/** The kernel prints IPv4 as 8 hex digits and IPv6 in full (%pI6): eight groups of four. */
const HEX_ENDPOINT = String.raw`(?:[0-9A-Fa-f]{8}|\[(?:[0-9A-Fa-f]{4}:){7}[0-9A-Fa-f]{4}\]):[0-9A-Fa-f]{4}`
const PROC_LINE = new RegExp(String.raw`^\s*(?:(?:TCP|UDP|SCTP)\s+${HEX_ENDPOINT}\s|->\s+${HEX_ENDPOINT}\s|FWM\s+[0-9A-Fa-f]{8}\s)`, 'm')
/** The kernel prints its title unpadded; ipvsadm pads RemoteAddress:Port to a column. */
const PROC_TITLE = /^\s*-> RemoteAddress:Port Forward Weight/m
const IPVSADM_TABLE = /^\s*(?:IP Virtual Server version|Prot LocalAddress:Port|(?:TCP|UDP|SCTP)\s+\S+:\S+\s+\w+|FWM\s+\d+\s)/m
const SAVED_RULE = /^(?:\S*ipvsadm\s+)?(?:-[AaCEe]|--add-service|--add-server|--edit-service|--edit-server|--clear)(?:\s|$)/
const LDIRECTORD = /^virtual6?\s*=/m
const KEEPALIVED = /^\s*(?:virtual_server|virtual_server_group|vrrp_instance|vrrp_sync_group|vrrp_script|global_defs|static_ipaddress|static_routes|include[rmwba]?)\b/m

/** The format of `text`, or undefined when it looks like none of them. */
export function detectLbFormat(text: string): LbFormat | undefined {
  if (PROC_LINE.test(text) || (PROC_TITLE.test(text) && !/^\s*(?:TCP|UDP|SCTP)\s+\S*\./m.test(text))) return 'proc-net-ip-vs'
  if (IPVSADM_TABLE.test(text)) return 'ipvsadm-list'
  const firstRule = text.split(/\r?\n/).map((line) => line.replace(/#.*/, '').trim()).find(Boolean)
  if (firstRule !== undefined && SAVED_RULE.test(firstRule)) return 'ipvsadm-save'
  if (LDIRECTORD.test(text)) return 'ldirectord'
  if (KEEPALIVED.test(text)) return 'keepalived'
  return undefined
}

/**
 * Parses a load balancer's configuration, detecting its format unless one is given.
 * @throws {ParseError} when no format matches, or from the format's own parser.
 */
export function parseLbConfig(text: string, format: LbFormat | undefined = detectLbFormat(text)): LbConfig {
  if (format === undefined) {
    throw new ParseError('load-balancer configuration', 'not a keepalived.conf, an ldirectord.cf, ipvsadm -Ln or ipvsadm-save output, or /proc/net/ip_vs')
  }
  return LB_PARSERS[format](text)
}
