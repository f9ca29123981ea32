/**
 * Parser for netplan YAML (/etc/netplan/*.yaml) addresses on the loopback. Ubuntu 18.04+
 * persists a DR VIP as `network: {ethernets: {lo: {match: {name: lo}, addresses: [VIP/32]}}}`.
 *
 * Any device-type section (`ethernets`, `dummy-devices`, ...) counts. A device is the loopback
 * when its `match: name:` glob matches `lo`, or, without `match`, when its id is `lo`.
 * `addresses` items are strings (`198.51.100.10/32`) or one-key maps
 * (`- 198.51.100.10/32: {label: lo:vip}`); a `label` becomes the reported interface. Line
 * numbers come from the YAML source positions.
 *
 * {@link netplanRenderer} tells which backend renders `lo`: with `NetworkManager`,
 * `netplan apply` has flushed `lo` and left it down (canonical/netplan#408, LP#2034595).
 *
 * @example
 * parseNetplan('network:\n  version: 2\n  ethernets:\n    lo:\n      match:\n        name: lo\n      addresses: [198.51.100.10/32]\n', '/etc/netplan/60-vip.yaml')
 * // → [{mechanism: 'netplan', interface: 'lo', address: '198.51.100.10', prefixLength: 32,
 * //     file: '/etc/netplan/60-vip.yaml', line: 7, effective: true}]
 */
import {isMap, isScalar, isSeq, LineCounter, parseDocument, type YAMLMap} from 'yaml'
import type {PersistedAddress} from '../facts/model.js'
import {fnmatch} from './fnmatch.js'
import {splitCidr} from './netmask.js'
import {ParseError} from './parse-error.js'

const FORMAT = 'netplan'

interface LoopbackDevice {
  /** The device-type section (`ethernets`...). */
  section: YAMLMap
  device: YAMLMap
}

/** @throws {ParseError} when the text is not valid YAML or its root is not a mapping. */
export function parseNetplan(text: string, file: string): PersistedAddress[] {
  const {network, lines} = load(text)
  const found: PersistedAddress[] = []
  for (const {device} of loopbackDevices(network)) {
    const addresses = device.get('addresses', true)
    if (!isSeq(addresses)) continue
    for (const item of addresses.items) {
      const node = isMap(item) ? item.items[0]?.key : item
      const options = isMap(item) ? item.items[0]?.value : undefined
      const cidr = isScalar(node) ? splitCidr(String(node.value)) : undefined
      if (!cidr || !isScalar(node)) continue
      const label = isMap(options) ? options.get('label') : undefined
      const line = lines.linePos(node.range?.[0] ?? 0).line
      found.push({mechanism: 'netplan', interface: typeof label === 'string' ? label : 'lo', ...cidr, file, line, effective: true})
    }
  }
  return found
}

/**
 * The renderer that applies to `lo`: the device's own `renderer`, else its section's, else
 * `network.renderer`; undefined when none is written (netplan then defaults to networkd, but a
 * later file may still set it).
 * @throws {ParseError} when the text is not valid YAML.
 */
export function netplanRenderer(text: string): 'networkd' | 'NetworkManager' | undefined {
  const {network} = load(text)
  const [lo] = loopbackDevices(network)
  const renderer = [lo?.device.get('renderer'), lo?.section.get('renderer'), network?.get('renderer')].find((value) => value !== undefined)
  return renderer === 'networkd' || renderer === 'NetworkManager' ? renderer : undefined
}

function load(text: string): {network: YAMLMap | undefined; lines: LineCounter} {
  const lines = new LineCounter()
  const doc = parseDocument(text, {lineCounter: lines})
  const error = doc.errors[0]
  if (error) throw new ParseError(FORMAT, error.message.split('\n')[0] ?? 'invalid YAML', error.linePos?.[0].line)
  if (doc.contents === null) return {network: undefined, lines}
  if (!isMap(doc.contents)) throw new ParseError(FORMAT, 'expected a mapping with a "network" key at the top level')
  const network = doc.contents.get('network', true)
  return {network: isMap(network) ? network : undefined, lines}
}

function loopbackDevices(network: YAMLMap | undefined): LoopbackDevice[] {
  const devices: LoopbackDevice[] = []
  for (const pair of network?.items ?? []) {
    if (!isMap(pair.value)) continue
    const section = pair.value
    for (const entry of section.items) {
      if (!isMap(entry.value) || !isScalar(entry.key)) continue
      const match = entry.value.get('match', true)
      const name = isMap(match) ? match.get('name') : undefined
      const isLo = match === undefined ? String(entry.key.value) === 'lo' : typeof name === 'string' && fnmatch(name, 'lo')
      if (isLo) devices.push({section, device: entry.value})
    }
  }
  return devices
}
