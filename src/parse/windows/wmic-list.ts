/**
 * Parses WMIC's value list (`wmic <alias> get P1,P2 /value`, the same `Name=Value` layout as
 * `/format:list`): one `Property=Value` line per property, instances separated by blank lines.
 * Property names are WMI's and booleans are WMIC's `TRUE`/`FALSE` on every display language;
 * only string values (Description) are translated. Arrays are written `{"a","b"}`, an empty
 * value is an empty string or `{}`.
 *
 * WMIC's quirks are tolerated: lines ending in CR CR LF (which read as an extra blank line),
 * leading blank lines, and NUL characters left by UTF-16LE output that was decoded as a single
 * byte code page (every second byte of ASCII text is 0).
 *
 * @example
 * parseWmicNicConfig('\r\r\nDescription=Microsoft Loopback Adapter\r\r\nFullDNSRegistrationEnabled=FALSE\r\r\n' +
 *   'Index=2\r\r\nIPAddress={"198.51.100.10"}\r\r\nSettingID={2D0A8C4E-...}\r\r\n')
 * // → [{index: 2, description: 'Microsoft Loopback Adapter', settingId: '{2D0A8C4E-...}',
 * //     ipAddresses: ['198.51.100.10'], fullDnsRegistration: false}]
 */
import {canonicalIp} from '../ip-address.js'
import {ParseError, splitLines} from '../parse-error.js'

const FORMAT = 'wmic get /value'

/** One WMI instance: property name → value text, as printed. */
export type WmicRecord = Readonly<Record<string, string>>

/** Every instance of a `Name=Value` list, in order. Empty output (no instances) is an empty list. */
export function parseWmicList(text: string, format = FORMAT): WmicRecord[] {
  const records: Array<Record<string, string>> = []
  let current: Record<string, string> | undefined
  for (const [i, raw] of splitLines(text.replace(/\u0000/g, '').replace(/\r+\n/g, '\n')).entries()) {
    const line = raw.trim()
    if (line === '') {
      current = undefined
      continue
    }

    const equals = line.indexOf('=')
    if (equals <= 0) throw new ParseError(format, `expected Property=Value, found ${JSON.stringify(line)}`, i + 1)
    const name = line.slice(0, equals).trim()
    if (!/^[A-Za-z_]\w*$/.test(name)) throw new ParseError(format, `${JSON.stringify(name)} is not a WMI property name`, i + 1)
    if (current === undefined) {
      current = {}
      records.push(current)
    }
    // A repeated property starts the next instance, for output whose blank separators were lost.
    if (Object.hasOwn(current, name)) {
      current = {}
      records.push(current)
    }
    current[name] = line.slice(equals + 1).trim()
  }

  return records
}

/** A WMIC array value, `{"a","b"}` or `{1,2}`, as its items; an empty value or `{}` is empty. */
export function wmicArray(value: string, format = FORMAT): string[] {
  if (value === '' || value === '{}') return []
  const inner = /^\{(.*)\}$/.exec(value)?.[1]
  if (inner === undefined) throw new ParseError(format, `expected an array {...}, found ${JSON.stringify(value)}`)
  return [...inner.matchAll(/"([^"]*)"|([^,]+)/g)].map((m) => (m[1] ?? m[2] ?? '').trim())
}

/** `TRUE`/`FALSE`; an empty value (a property the instance does not set) is undefined. */
export function wmicBoolean(value: string | undefined, name: string, format = FORMAT): boolean | undefined {
  if (value === undefined || value === '') return undefined
  if (/^true$/i.test(value)) return true
  if (/^false$/i.test(value)) return false
  throw new ParseError(format, `${name} is ${JSON.stringify(value)}, not TRUE or FALSE`)
}

/** What the audit reads of Win32_NetworkAdapterConfiguration. */
export interface WmicNicConfig {
  /** Index: the adapter's WMI index (not the interface index of netsh and the cmdlets). */
  index: number
  description?: string
  /** SettingID: the adapter's GUID, `{...}`, as the registry's `\Device\{GUID}` binding names use it. */
  settingId?: string
  /** IPAddress: IPv4 and IPv6 addresses, canonical. */
  ipAddresses: string[]
  /** FullDNSRegistrationEnabled: "Register this connection's addresses in DNS". */
  fullDnsRegistration?: boolean
  /** DomainDNSRegistrationEnabled: also register under the connection's own suffix (meaningful only with the above). */
  domainDnsRegistration?: boolean
}

const NIC_FORMAT = 'wmic nicconfig get ... /value'

/**
 * `wmic nicconfig get Description,DomainDNSRegistrationEnabled,FullDNSRegistrationEnabled,Index,IPAddress,SettingID /value`.
 * @throws {ParseError} when an instance has no numeric Index, or a value is malformed.
 */
export function parseWmicNicConfig(text: string): WmicNicConfig[] {
  return parseWmicList(text, NIC_FORMAT).map((record) => {
    const index = record.Index ?? ''
    if (!/^\d+$/.test(index)) throw new ParseError(NIC_FORMAT, `an instance has no numeric Index (${JSON.stringify(index)})`)
    const ipAddresses = wmicArray(record.IPAddress ?? '', NIC_FORMAT).map((address) => {
      const canonical = canonicalIp(address)
      if (canonical === undefined) throw new ParseError(NIC_FORMAT, `IPAddress holds ${JSON.stringify(address)}, which is not an address`)
      return canonical
    })
    const full = wmicBoolean(record.FullDNSRegistrationEnabled, 'FullDNSRegistrationEnabled', NIC_FORMAT)
    const domain = wmicBoolean(record.DomainDNSRegistrationEnabled, 'DomainDNSRegistrationEnabled', NIC_FORMAT)
    return {
      index: Number(index),
      ...(record.Description ? {description: record.Description} : {}),
      ...(record.SettingID ? {settingId: record.SettingID} : {}),
      ipAddresses,
      ...(full === undefined ? {} : {fullDnsRegistration: full}),
      ...(domain === undefined ? {} : {domainDnsRegistration: domain}),
    }
  })
}
