/**
 * Parses `ipconfig /all` and plain `ipconfig`, XP to 11, in English, German, French, Spanish,
 * Russian, Simplified Chinese and Japanese: adapters (alias, description, MAC, media state, DHCP,
 * NetBIOS), their IPv4 addresses with prefix lengths, and their default gateways.
 *
 * Layout: an unindented header `<adapter type> <alias>:` starts each adapter section (the type is
 * translated: "Ethernet adapter", "Ethernet-Adapter", "Carte Ethernet", "以太网适配器"...); inside,
 * `Label . . . . : value` lines with translated labels, values such as `10.0.0.22(Preferred)`,
 * and extra values (gateways, DNS servers) on deeper-indented continuation lines. All label
 * words live in the tables below. ipconfig prints no IPv6 prefix length, so IPv6 addresses are
 * not returned (Get-NetIPAddress and netsh give them).
 *
 * @example
 * parseIpconfig(`Ethernet adapter Loopback:
 *
 *    Description . . . . . . . . . . . : Microsoft KM-TEST Loopback Adapter
 *    Physical Address. . . . . . . . . : 02-00-4C-4F-4F-50
 *    IPv4 Address. . . . . . . . . . . : 192.0.2.10(Preferred)
 *    Subnet Mask . . . . . . . . . . . : 255.255.255.255
 *    Default Gateway . . . . . . . . . :`)
 * // → {adapters: [{alias: 'Loopback', description: 'Microsoft KM-TEST Loopback Adapter',
 * //                mac: '02-00-4C-4F-4F-50', status: 'up'}],
 * //    addresses: [{alias: 'Loopback', family: 'inet', address: '192.0.2.10', prefixLength: 32}],
 * //    gateways: []}
 */
import type {WinAdapter, WinAddress, WinRoute} from '../../facts/windows-model.js'
import {canonicalIp} from '../ip-address.js'
import {netmaskToPrefix} from '../netmask.js'
import {ParseError, splitLines} from '../parse-error.js'

const FORMAT = 'ipconfig /all'

type Field = 'description' | 'mac' | 'ipv4' | 'mask' | 'gateway' | 'dhcp' | 'media' | 'netbios'

/** Label text (lower case, single spaces) → field, per display language. Other labels are ignored. */
const LABELS: ReadonlyMap<string, Field> = new Map(
  Object.entries({
    description: ['description', 'beschreibung', 'descripción', 'описание', '描述', '説明'],
    mac: ['physical address', 'physische adresse', 'physikalische adresse', 'adresse physique', 'dirección física', 'физический адрес', '物理地址', '物理アドレス'],
    ipv4: [
      'ipv4 address', 'ip address', 'autoconfiguration ipv4 address', 'autoconfiguration ip address',
      'ipv4-adresse', 'ip-adresse', 'autokonfigurations-ipv4-adresse', 'ipv4-adresse (auto. konfiguration)',
      'adresse ipv4', 'adresse ip', 'adresse ipv4 de configuration automatique',
      'dirección ipv4', 'dirección ip', 'dirección ipv4 de configuración automática',
      'ipv4-адрес', 'ip-адрес', 'автонастройка ipv4-адреса',
      'ipv4 地址', 'ip 地址', '自动配置 ipv4 地址',
      'ipv4 アドレス', 'ip アドレス', '自動構成 ipv4 アドレス',
    ],
    mask: ['subnet mask', 'subnetzmaske', 'masque de sous-réseau', 'máscara de subred', 'маска подсети', '子网掩码', 'サブネット マスク'],
    gateway: ['default gateway', 'standardgateway', 'passerelle par défaut', 'puerta de enlace predeterminada', 'основной шлюз', '默认网关', 'デフォルト ゲートウェイ'],
    dhcp: ['dhcp enabled', 'dhcp aktiviert', 'dhcp activé', 'dhcp habilitado', 'dhcp включен', 'dhcp 已启用', 'dhcp 有効'],
    media: ['media state', 'medienstatus', 'statut du média', 'estado de los medios', 'состояние среды', '媒体状态', 'メディアの状態'],
    netbios: ['netbios over tcpip', 'netbios over tcp/ip', 'netbios über tcp/ip', 'netbios sur tcpip', 'netbios sobre tcp/ip', 'netbios через tcp/ip', 'tcpip 上的 netbios'],
  } satisfies Record<Field, string[]>).flatMap(([field, labels]) => labels.map((label) => [label, field as Field])),
)

/** Yes/No (DHCP Enabled) and Enabled/Disabled (NetBIOS) words, lower case. */
const BOOLEANS: ReadonlyMap<string, boolean> = new Map([
  ...['yes', 'enabled', 'ja', 'aktiviert', 'oui', 'activé', 'sí', 'habilitado', 'да', 'включен', '是', '已启用', 'はい', '有効'].map((w) => [w, true] as const),
  ...['no', 'disabled', 'nein', 'deaktiviert', 'non', 'désactivé', 'deshabilitado', 'нет', 'отключен', '否', '已禁用', 'いいえ', '無効'].map((w) => [w, false] as const),
])

/** Adapter type prefixes of section headers; the alias is what follows. Longest first where they overlap. */
const ADAPTER_TYPES = [
  'Ethernet adapter', 'Wireless LAN adapter', 'Tunnel adapter', 'PPP adapter', 'Mobile Broadband adapter', 'Unknown adapter',
  'Ethernet-Adapter', 'Drahtlos-LAN-Adapter', 'Tunneladapter', 'PPP-Adapter', 'Mobiler Breitbandadapter', 'Unbekannter Adapter',
  'Carte réseau sans fil', 'Carte Ethernet', 'Carte Tunnel', 'Carte PPP', 'Carte haut débit mobile', 'Carte inconnue',
  'Adaptador de LAN inalámbrica', 'Adaptador de Ethernet', 'Adaptador de túnel', 'Adaptador PPP', 'Adaptador de banda ancha móvil', 'Adaptador desconocido',
  'Адаптер беспроводной локальной сети', 'Адаптер туннельного подключения', 'Адаптер мобильной широкополосной сети', 'Адаптер Ethernet', 'Адаптер PPP', 'Неизвестный адаптер',
  '以太网适配器', '无线局域网适配器', '隧道适配器', '移动宽带适配器', 'PPP 适配器', '未知适配器',
  'イーサネット アダプター', '無線 LAN アダプター', 'トンネル アダプター', 'モバイル ブロードバンド アダプター', 'PPP アダプター', '不明なアダプター',
]

/** IpconfigAdapter adds what ipconfig shows and WinAdapter has no field for. */
export interface IpconfigAdapter extends WinAdapter {
  dhcpEnabled?: boolean
  /** "NetBIOS over Tcpip" (ipconfig /all prints it on Vista and later). */
  netbiosOverTcpip?: boolean
}

export interface Ipconfig {
  adapters: IpconfigAdapter[]
  addresses: WinAddress[]
  /** Default gateways as default routes (0.0.0.0/0, ::/0), one per gateway, with the adapter alias. */
  gateways: WinRoute[]
}

interface Entry {
  field: Field | undefined
  label: string
  value: string
  /** Values on continuation lines (more gateways, more DNS servers). */
  more: string[]
  line: number
}

interface Section {
  alias: string
  line: number
  entries: Entry[]
}

export function parseIpconfig(text: string): Ipconfig {
  const result: Ipconfig = {adapters: [], addresses: [], gateways: []}
  for (const section of readSections(splitLines(text))) readSection(section, result)
  return result
}

/** A cheap guess for pasted text: an adapter header and a dot-leader label line. */
export function looksLikeIpconfig(text: string): boolean {
  const lines = splitLines(text)
  return lines.some((line) => headerAlias(line.trimEnd()) !== undefined) && lines.some((line) => /^\s+\S.*?(?: ?\.)+ ?:/.test(line))
}

/** Splits the text into adapter sections of label entries; lines before the first header (title, host settings) are skipped. */
function readSections(lines: readonly string[]): Section[] {
  const sections: Section[] = []
  let section: Section | undefined
  let labelIndent: number | undefined
  for (let i = 0; i < lines.length; i++) {
    const raw = (lines[i] ?? '').trimEnd()
    if (raw === '') continue
    const indent = raw.length - raw.trimStart().length
    const last = section?.entries.at(-1)
    if (indent === 0) {
      // An adapter name ending in a line break prints its ":" alone on the next line (seen on 8.1).
      const joined = (lines[i + 1] ?? '').trim() === ':' ? `${raw}:` : raw
      const alias = headerAlias(joined)
      if (alias !== undefined) {
        if (joined !== raw) i++
        section = {alias, line: i + 1, entries: []}
        sections.push(section)
        labelIndent = undefined
      } else if (last && displayWidth(lines[i - 1] ?? '') >= 79) {
        last.value += raw // an 80-column console copy broke the previous line here
      } else if (section) {
        throw new ParseError(FORMAT, `unexpected unindented line ${JSON.stringify(raw)}`, i + 1)
      }
      continue
    }
    if (!section) continue
    if (last && labelIndent !== undefined && indent > labelIndent + 4) {
      last.more.push(raw.trim())
      continue
    }
    const entry = readLabelLine(raw.trimStart(), i + 1)
    labelIndent = indent
    section.entries.push(entry)
  }
  if (sections.length === 0) throw new ParseError(FORMAT, 'no adapter section ("... adapter <name>:")')
  return sections
}

/** `Ethernet adapter Local Area Connection:` → `Local Area Connection`; undefined for other lines. */
function headerAlias(line: string): string | undefined {
  if (!/[:：]$/.test(line) || /^\s/.test(line)) return undefined
  const body = line.replace(/\s*[:：]$/, '')
  const type = ADAPTER_TYPES.find((t) => body.startsWith(`${t} `))
  if (type !== undefined) return body.slice(type.length + 1).trim()
  // Languages without a table entry still name the adapter with a word for "adapter".
  const match = /^\S*(?:adapter|adaptador|адаптер|适配器|アダプター?)\s+(.+)$/iu.exec(body)
  return match?.[1]?.trim()
}

/** `Subnet Mask . . . : 255.0.0.0`, `Vínculo: dirección IPv6 local. . . : fe80::1`, `DNS-Suffix: lan`. */
function readLabelLine(body: string, line: number): Entry {
  // The dot leader ends the label; without one (the label filled the column) the first colon does.
  const leader = /(?:\s*\.)+\s*[:：]/.exec(body)
  const start = leader?.index ?? body.search(/[:：]/)
  if (start < 0) throw new ParseError(FORMAT, `expected "label . . . : value", found ${JSON.stringify(body)}`, line)
  const end = leader ? leader.index + leader[0].length : start + 1
  const label = body.slice(0, start).replace(/[\s.]+$/, '')
  return {field: LABELS.get(normalizeLabel(label)), label, value: body.slice(end).trim(), more: [], line}
}

function normalizeLabel(label: string): string {
  return label.normalize('NFC').toLowerCase().replace(/\s+/g, ' ')
}

function readSection(section: Section, result: Ipconfig): void {
  const adapter: IpconfigAdapter = {alias: section.alias, status: 'up'}
  const pending: WinAddress[] = [] // IPv4 addresses waiting for the mask printed after them
  for (const entry of section.entries) {
    switch (entry.field) {
      case 'description':
        adapter.description = entry.value
        break
      case 'mac':
        adapter.mac = readMac(entry)
        break
      case 'media':
        adapter.status = 'disconnected' // the label is printed only for a disconnected adapter
        break
      case 'dhcp':
        adapter.dhcpEnabled = readBoolean(entry)
        break
      case 'netbios':
        adapter.netbiosOverTcpip = readBoolean(entry)
        break
      case 'ipv4':
        pending.push({alias: section.alias, family: 'inet', address: readIpv4(entry), prefixLength: -1})
        break
      case 'mask':
        readMask(entry, pending)
        break
      case 'gateway':
        for (const value of [entry.value, ...entry.more]) addGateway(result, section.alias, value, entry.line)
        break
      default:
    }
  }
  const unmasked = pending.find((address) => address.prefixLength < 0)
  if (unmasked) throw new ParseError(FORMAT, `IPv4 address ${unmasked.address} has no subnet mask`, section.line)
  result.adapters.push(adapter)
  result.addresses.push(...pending)
}

/** `192.168.1.10(Preferred)`, `(首选)`, `(Bevorzugt)`, `(en double)` → the address. */
function stripStatus(value: string): string {
  return value.replace(/\s*\([^()]*\)$/, '').trim()
}

function readIpv4(entry: Entry): string {
  const address = canonicalIp(stripStatus(entry.value))
  if (address === undefined || address.includes(':')) throw new ParseError(FORMAT, `bad IPv4 address ${JSON.stringify(entry.value)}`, entry.line)
  return address
}

function readMask(entry: Entry, pending: WinAddress[]): void {
  const prefixLength = entry.value.includes('.') ? netmaskToPrefix(entry.value) : undefined
  const target = pending.find((address) => address.prefixLength < 0)
  if (prefixLength === undefined) throw new ParseError(FORMAT, `bad subnet mask ${JSON.stringify(entry.value)}`, entry.line)
  if (!target) throw new ParseError(FORMAT, 'subnet mask without an IPv4 address before it', entry.line)
  target.prefixLength = prefixLength
}

function readMac(entry: Entry): string {
  const mac = entry.value.toUpperCase()
  if (!/^[0-9A-F]{2}(?:-[0-9A-F]{2}){5,7}$/.test(mac)) throw new ParseError(FORMAT, `bad physical address ${JSON.stringify(entry.value)}`, entry.line)
  return mac
}

function readBoolean(entry: Entry): boolean {
  const value = BOOLEANS.get(entry.value.toLowerCase())
  if (value === undefined) throw new ParseError(FORMAT, `${entry.label}: unknown yes/no word ${JSON.stringify(entry.value)}`, entry.line)
  return value
}

/** An empty value, or the unspecified `::` a Teredo tunnel shows, is no gateway. */
function addGateway(result: Ipconfig, alias: string, value: string, line: number): void {
  if (value === '') return
  const address = canonicalIp(stripStatus(value).replace(/%.*$/, ''))
  if (address === undefined) throw new ParseError(FORMAT, `bad default gateway ${JSON.stringify(value)}`, line)
  if (address === '::' || address === '0.0.0.0') return
  const family = address.includes(':') ? 'inet6' : 'inet'
  result.gateways.push({destination: family === 'inet' ? '0.0.0.0/0' : '::/0', family, nextHop: address, alias})
}

/** Console columns: East Asian wide characters take two. Copies of an 80-column console wrap at 80. */
export function displayWidth(text: string): number {
  let width = 0
  for (const char of text) width += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(char) ? 2 : 1
  return width
}
