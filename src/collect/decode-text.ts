/**
 * Turns the bytes of a bundle's command output or copied file into text. Windows
 * collectors write UTF-16LE (PowerShell's `>`), an OEM code page (cmd: 437, 850, 866, 932,
 * ...) or an ANSI one (1250-1252); Unix ones write UTF-8. The bundle declares which.
 *
 * A byte order mark always wins over the declaration, because PowerShell adds one whatever
 * the collector believed. Without either, the bytes are sniffed. Line endings are left as
 * they are (the parsers take CRLF), but no BOM survives into the text.
 */
import {UserError} from '../errors.js'
import {CP437_HIGH, CP850_HIGH, CP852_HIGH, CP866_HIGH, CP1252_HIGH} from './code-pages.js'

/** The encodings a bundle may declare, in the order the format documents them. */
export const TEXT_ENCODINGS = [
  'utf-8',
  'utf-16le',
  'cp437',
  'cp850',
  'cp852',
  'cp866',
  'cp932',
  'cp936',
  'cp949',
  'cp950',
  'cp1250',
  'cp1251',
  'cp1252',
] as const

export type TextEncodingName = (typeof TEXT_ENCODINGS)[number]

/**
 * The WHATWG label of each encoding left to TextDecoder (Node ships full ICU). WHATWG's
 * gbk, euc-kr and big5 are Microsoft's supersets (936, 949, 950), and shift_jis is 932.
 * cp866 and cp1252 are decoded by table instead: Node gets a few of their bytes wrong.
 */
const WHATWG_LABELS: Partial<Record<TextEncodingName, string>> = {
  'utf-8': 'utf-8',
  'utf-16le': 'utf-16le',
  cp932: 'shift_jis',
  cp936: 'gbk',
  cp949: 'euc-kr',
  cp950: 'big5',
  cp1250: 'windows-1250',
  cp1251: 'windows-1251',
}

/** The code pages decoded here, as full 256-entry tables built once from their upper halves. */
const SINGLE_BYTE_TABLES: Partial<Record<TextEncodingName, Uint16Array>> = {
  cp437: fullTable(CP437_HIGH),
  cp850: fullTable(CP850_HIGH),
  cp852: fullTable(CP852_HIGH),
  cp866: fullTable(CP866_HIGH),
  cp1252: fullTable(CP1252_HIGH),
}

const BOMS: ReadonlyArray<{bytes: readonly number[]; label: string}> = [
  {bytes: [0xef, 0xbb, 0xbf], label: 'utf-8'},
  {bytes: [0xff, 0xfe], label: 'utf-16le'},
  {bytes: [0xfe, 0xff], label: 'utf-16be'},
]

export function decodeText(bytes: Buffer, declared?: string): string {
  const bom = BOMS.find((candidate) => candidate.bytes.every((byte, i) => bytes[i] === byte))
  const text = bom
    ? decodeLabel(bytes.subarray(bom.bytes.length), bom.label)
    : decodeAs(bytes, declared === undefined ? sniff(bytes) : encodingNamed(declared))
  // Concatenated outputs (cmd's `type a b > c`) can carry a BOM in the middle too.
  return text.replace(/\uFEFF/g, '')
}

/** Decodes in exactly one encoding, with no BOM handling; zip entry names use this too. */
export function decodeAs(bytes: Uint8Array, encoding: TextEncodingName): string {
  const table = SINGLE_BYTE_TABLES[encoding]
  if (table) return decodeSingleByte(bytes, table)
  return decodeLabel(bytes, WHATWG_LABELS[encoding] ?? encoding)
}

/** Accepts the documented names in any case, so `UTF-8` and `CP850` work too. */
function encodingNamed(declared: string): TextEncodingName {
  const name = declared.trim().toLowerCase()
  const known = TEXT_ENCODINGS.find((encoding) => encoding === name)
  if (known === undefined) {
    throw new UserError(`unknown text encoding "${declared}"; use one of ${TEXT_ENCODINGS.join(', ')}`)
  }
  return known
}

/**
 * Without a BOM or declaration: UTF-16LE when NULs fill the odd bytes (ASCII in UTF-16LE
 * is also valid UTF-8, NULs and all, so this test comes first), then UTF-8 when the bytes
 * are valid UTF-8, else Windows' ANSI default cp1252, which decodes any byte.
 */
function sniff(bytes: Uint8Array): TextEncodingName {
  if (looksLikeUtf16le(bytes)) return 'utf-16le'
  try {
    new TextDecoder('utf-8', {fatal: true}).decode(bytes)
    return 'utf-8'
  } catch {
    return 'cp1252'
  }
}

/** Text never holds NULs, but ASCII in UTF-16LE has one in every odd byte. */
function looksLikeUtf16le(bytes: Uint8Array): boolean {
  const pairs = Math.floor(bytes.length / 2)
  if (pairs === 0) return false
  let oddNuls = 0
  let evenNuls = 0
  for (let i = 0; i + 1 < bytes.length; i += 2) {
    if (bytes[i] === 0) evenNuls++
    if (bytes[i + 1] === 0) oddNuls++
  }
  return oddNuls >= pairs * 0.4 && evenNuls < pairs * 0.1
}

/** Bad bytes become U+FFFD rather than failing: one odd byte should not lose a whole file. */
function decodeLabel(bytes: Uint8Array, label: string): string {
  const text = new TextDecoder(label, {ignoreBOM: true}).decode(bytes)
  const repair = asciiRepair(label)
  return repair ? text.replace(repair.pattern, (char) => repair.map.get(char) ?? char) : text
}

interface Repair {
  pattern: RegExp
  map: Map<string, string>
}

const repairs = new Map<string, Repair | undefined>()

/**
 * ICU's IBM-derived converters (Node's shift_jis among them) swap the controls 0x1A, 0x1C
 * and 0x7F, where Windows and WHATWG keep every byte below 0x80 as ASCII. What a label
 * swaps is measured once, not assumed, so a fixed Node needs no repair. Bytes below 0x40
 * and 0x7F are never trail bytes in 932, 936, 949 or 950, so each swapped control came
 * from exactly one byte, and a swap that is a permutation of those controls can be undone.
 */
function asciiRepair(label: string): Repair | undefined {
  if (!repairs.has(label)) repairs.set(label, measureRepair(label))
  return repairs.get(label)
}

function measureRepair(label: string): Repair | undefined {
  const decoder = new TextDecoder(label)
  const singles = [...Array.from({length: 0x40}, (_, byte) => byte), 0x7f].map((byte) => String.fromCharCode(byte))
  const map = new Map<string, string>()
  for (const char of singles) {
    const decoded = decoder.decode(Buffer.from(char, 'latin1'))
    if (decoded !== char) map.set(decoded, char)
  }
  const isPermutation = [...map.keys()].every((decoded) => singles.includes(decoded) && map.has(map.get(decoded) ?? ''))
  if (map.size === 0 || !isPermutation) return undefined
  const escaped = [...map.keys()].map((char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`)
  return {pattern: new RegExp(`[${escaped.join('')}]`, 'g'), map}
}

/** Every character of these code pages is in the BMP: one UTF-16 code unit a byte. */
function decodeSingleByte(bytes: Uint8Array, table: Uint16Array): string {
  const units = new Uint16Array(bytes.length)
  for (let i = 0; i < bytes.length; i++) units[i] = table[bytes[i] ?? 0] ?? 0xfffd
  // In slices: spreading a whole large file would overflow the call stack's argument limit.
  let text = ''
  for (let start = 0; start < units.length; start += 8192) text += String.fromCharCode(...units.subarray(start, start + 8192))
  return text
}

function fullTable(high: readonly number[]): Uint16Array {
  const table = new Uint16Array(256)
  for (let byte = 0; byte < 128; byte++) table[byte] = byte
  high.forEach((codePoint, i) => (table[128 + i] = codePoint))
  return table
}
