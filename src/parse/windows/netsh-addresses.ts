/**
 * Parser for `netsh interface ipv4 show addresses` and `netsh interface ip show config`: both
 * print one block per interface, `Configuration for interface "<alias>"`, then indented
 * `label: value` lines. Windows 2003/XP write the mask on its own line (`SubnetMask:
 * 255.255.255.0`), Vista and later a prefix (`Subnet Prefix: 192.168.1.0/24 (mask 255.255.255.0)`).
 * The loopback's metric matters on 2000/2003 (254, requirements WIN-LEG-01).
 *
 * Every label is translated (`IP-Adresse`, `子网前缀`, `Konfiguration für Schnittstelle`), so the
 * block is read by the shape of its values, which no translation changes:
 *   - an address line is an IPv4 value followed by a prefix (`a.b.c.d/nn (...)`) or mask line;
 *   - a gateway is an IPv4 value followed by a number (its gateway metric);
 *   - the interface metric is a number that does not follow a gateway;
 *   - DHCP is the first Yes/No value (YES_NO_VALUES); DNS/WINS servers are the remaining IPs.
 *
 * @example
 * parseNetshIpConfig([
 *   'Configuration for interface "loopback"',
 *   '    DHCP enabled:                         No',
 *   '    IP Address:                           198.51.100.10',
 *   '    Subnet Prefix:                        198.51.100.10/32 (mask 255.255.255.255)',
 *   '    InterfaceMetric:                      254',
 * ].join('\r\n'))
 * // → [{alias: 'loopback', dhcp: false, gateways: [], interfaceMetric: 254,
 * //     addresses: [{alias: 'loopback', family: 'inet', address: '198.51.100.10', prefixLength: 32}]}]
 */
import {isIP} from 'node:net'

import type {WinAddress} from '../../facts/windows-model.js'
import {canonicalIp, parsePrefix} from '../ip-address.js'
import {netmaskToPrefix} from '../netmask.js'
import {ParseError} from '../parse-error.js'
import {lookupLabel, YES_NO_VALUES} from './netsh-labels.js'
import {netshLines, splitColon} from './netsh-shared.js'

const FORMAT = 'netsh interface ip show config'

export interface NetshIpConfig {
  alias: string
  dhcp?: boolean
  addresses: WinAddress[]
  gateways: string[]
  /** InterfaceMetric; on 2000/2003 the loopback needs 254. */
  interfaceMetric?: number
}

interface Value {
  text: string
  line: number
}

const QUOTED = /["“„«「](.+)["”“»」]/
const PREFIX = /^(\S+\/\d{1,3})(?:\s*\(.*\))?$/

/**
 * @throws {ParseError} when no `... "<alias>"` block header is found, or a prefix or mask line
 * has no address line right above it.
 */
export function parseNetshIpConfig(text: string): NetshIpConfig[] {
  const configs: NetshIpConfig[] = []
  let values: Value[] = []
  const flush = (): void => {
    const current = configs.at(-1)
    if (current !== undefined) readBlock(current, values)
    values = []
  }
  netshLines(text).forEach((line, index) => {
    const alias = headerAlias(line)
    if (alias !== undefined) {
      flush()
      configs.push({alias, addresses: [], gateways: []})
      return
    }
    const pair = splitColon(line)
    if (pair !== undefined && configs.length > 0) values.push({text: pair.value, line: index + 1})
  })
  flush()
  if (configs.length === 0) throw new ParseError(FORMAT, 'expected a block header naming the interface in quotes, found none')
  return configs
}

/** The addresses of every block (the `netsh interface ipv4 show addresses` view). */
export function parseNetshAddresses(text: string): WinAddress[] {
  return parseNetshIpConfig(text).flatMap((config) => config.addresses)
}

/** True when the text holds such blocks (for format detection; never throws). */
export function looksLikeNetshIpConfig(text: string): boolean {
  const lines = netshLines(text)
  return lines.some((line, index) => headerAlias(line) !== undefined && /^\s+\S.*[:：]/.test(lines[index + 1] ?? ''))
}

/** `Configuration for interface "Ethernet 2"` → `Ethernet 2`: a quoted name and no `label:` outside it. */
function headerAlias(line: string): string | undefined {
  const match = QUOTED.exec(line)
  if (match === null || /^\s/.test(line) || /[:：]/.test(line.replace(QUOTED, ''))) return undefined
  return match[1]
}

function readBlock(config: NetshIpConfig, values: readonly Value[]): void {
  for (let index = 0; index < values.length; index++) {
    const value = values[index] as Value
    const next = values[index + 1]
    if (config.dhcp === undefined && lookupLabel(YES_NO_VALUES, value.text) !== undefined) {
      config.dhcp = lookupLabel(YES_NO_VALUES, value.text) === 'yes'
    } else if (isIP(value.text) === 4 && next !== undefined && prefixOf(next.text) !== undefined) {
      const prefixLength = prefixOf(next.text) as number
      config.addresses.push({alias: config.alias, family: 'inet', address: canonicalIp(value.text) as string, prefixLength})
      index++
    } else if (isIP(value.text) === 4 && next !== undefined && /^\d+$/.test(next.text)) {
      config.gateways.push(value.text)
      index++
    } else if (/^\d+$/.test(value.text)) {
      config.interfaceMetric = Number(value.text)
    } else if (PREFIX.test(value.text)) {
      throw new ParseError(FORMAT, `expected an IP address line above the subnet prefix "${value.text}"`, value.line)
    }
  }
}

/** Prefix length of `a.b.c.d/nn (mask …)` or of a bare contiguous netmask (2003/XP `SubnetMask:`). */
function prefixOf(text: string): number | undefined {
  const prefix = PREFIX.exec(text)
  if (prefix !== null) return parsePrefix(prefix[1] as string)?.prefixLength
  return isIP(text) === 4 ? netmaskToPrefix(text) : undefined
}
