/**
 * Bundles from Windows hold text in whatever the collector's shell wrote: UTF-16LE with a
 * BOM (PowerShell's `>`), OEM code pages (cmd), ANSI code pages. These tests feed decodeText
 * the bytes those writers produce. The bytes come from independent sources: Node's own
 * UTF-16 encoder, byte values read off the code page charts, and Python's codecs (which
 * are generated from the Unicode consortium's mapping files), never from decodeText's
 * own tables alone.
 */
import {execFileSync} from 'node:child_process'

import {describe, expect, it} from 'vitest'

import {CP437_HIGH, CP850_HIGH, CP852_HIGH} from '../../src/collect/code-pages.js'
import {TEXT_ENCODINGS, decodeAs, decodeText} from '../../src/collect/decode-text.js'
import {UserError} from '../../src/errors.js'

const UTF16LE_BOM = Buffer.from([0xff, 0xfe])
const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf])

/** Text in a code page, by Python's codec of that name. */
function pythonEncode(text: string, codec: string): Buffer {
  const script = `import sys; sys.stdout.buffer.write(sys.argv[1].encode(sys.argv[2]))`
  return execFileSync('python3', ['-c', script, text, codec])
}

const ALL_BYTES = Buffer.from(Array.from({length: 256}, (_, byte) => byte))

/** All 256 bytes decoded by Python's codec of that name; bytes it leaves undefined stay as their own code point. */
function pythonTable(codec: string): string {
  const script = `import sys; sys.stdout.buffer.write(''.join(bytes([b]).decode(sys.argv[1], 'ignore') or chr(b) for b in range(256)).encode('utf-8'))`
  return execFileSync('python3', ['-c', script, codec]).toString('utf8')
}

/** Encodes with one of our tables inverted; fails on a character the page lacks. */
function encodeWithTable(text: string, high: readonly number[]): Buffer {
  return Buffer.from(
    [...text].map((char) => {
      const code = char.codePointAt(0) ?? 0
      if (code < 0x80) return code
      const index = high.indexOf(code)
      if (index === -1) throw new Error(`${char} is not in this code page`)
      return 0x80 + index
    }),
  )
}

describe('decodeText: byte order marks', () => {
  it('reads UTF-16LE with a BOM and CRLF, as PowerShell > writes, keeping the CRLF', () => {
    const text = 'Name : Ethernet0\r\nInterfaceAlias : Ethernet0\r\nWeakHostSend : Disabled\r\n'
    const bytes = Buffer.concat([UTF16LE_BOM, Buffer.from(text, 'utf16le')])
    expect(decodeText(bytes)).toBe(text)
    expect(decodeText(bytes, 'utf-16le')).toBe(text)
  })

  it('reads UTF-8 with a BOM and removes it', () => {
    const bytes = Buffer.concat([UTF8_BOM, Buffer.from('Paramètres réseau\r\n')])
    expect(decodeText(bytes)).toBe('Paramètres réseau\r\n')
    expect(decodeText(bytes, 'utf-8')).toBe('Paramètres réseau\r\n')
  })

  it('reads UTF-16BE with a BOM', () => {
    const bytes = Buffer.from(Buffer.from('\uFEFFConfiguration', 'utf16le')).swap16()
    expect(decodeText(bytes)).toBe('Configuration')
  })

  it('lets a BOM win over a wrong declaration', () => {
    const bytes = Buffer.concat([UTF16LE_BOM, Buffer.from('Grüße ─ 接口\r\n', 'utf16le')])
    expect(decodeText(bytes, 'cp850')).toBe('Grüße ─ 接口\r\n')
    expect(decodeText(Buffer.concat([UTF8_BOM, Buffer.from('é')]), 'cp1252')).toBe('é')
  })

  it('removes BOMs that concatenation left in the middle', () => {
    const bytes = Buffer.concat([UTF8_BOM, Buffer.from('first\r\n'), UTF8_BOM, Buffer.from('second\r\n')])
    expect(decodeText(bytes)).toBe('first\r\nsecond\r\n')
  })
})

describe('decodeText: declared OEM code pages (cmd.exe)', () => {
  it('reads cp850 accents and box drawing', () => {
    // Byte values from the CP850 chart: 82 é, 81 ü, C4 ─, C9 ╔, CD ═, BB ╗.
    const bytes = Buffer.from([0x63, 0x61, 0x66, 0x82, 0x20, 0x81, 0x20, 0xc4, 0x20, 0xc9, 0xcd, 0xbb, 0x0d, 0x0a])
    expect(decodeText(bytes, 'cp850')).toBe('café ü ─ ╔═╗\r\n')
    const text = 'Paramètres: Größe ─ ╔══╗ ║ñ║ ╚══╝ Ø ©'
    expect(decodeText(encodeWithTable(text, CP850_HIGH), 'cp850')).toBe(text)
  })

  it('reads cp437, including the Greek and maths symbols cp850 replaced', () => {
    // Byte values from the CP437 chart: E0 α, E1 ß, E3 π, F1 ±, F8 °, 9B ¢.
    expect(decodeText(Buffer.from([0xe0, 0xe1, 0xe3, 0xf1, 0xf8, 0x9b]), 'cp437')).toBe('αßπ±°¢')
    const text = 'Ethernet ╔═══╗ µs ≥ 1½'
    expect(decodeText(encodeWithTable(text, CP437_HIGH), 'cp437')).toBe(text)
  })

  it('reads cp852 (Polish)', () => {
    const text = 'Zażółć gęślą jaźń ─ ╔╗'
    expect(decodeText(encodeWithTable(text, CP852_HIGH), 'cp852')).toBe(text)
    expect(decodeText(pythonEncode(text, 'cp852'), 'cp852')).toBe(text)
  })

  it('matches the Unicode mapping files for every byte of cp437, cp850 and cp852', () => {
    for (const codec of ['cp437', 'cp850', 'cp852'] as const) expect(decodeAs(ALL_BYTES, codec), codec).toBe(pythonTable(codec))
  })

  it('reads cp866 Russian', () => {
    // «Параметры» in cp866 (which has no guillemets): П 8F, а A0, р E0, м AC, е A5, т E2, ы EB.
    const bytes = Buffer.from([0x22, 0x8f, 0xa0, 0xe0, 0xa0, 0xac, 0xa5, 0xe2, 0xe0, 0xeb, 0x22])
    expect(decodeText(bytes, 'cp866')).toBe('"Параметры"')
    expect(decodeText(pythonEncode('Сетевой интерфейс: eth0\r\n', 'cp866'), 'cp866')).toBe('Сетевой интерфейс: eth0\r\n')
  })
})

describe('decodeText: declared East Asian and ANSI code pages', () => {
  const cases: Array<[string, string]> = [
    ['cp936', '接口 配置 已启用\r\n'],
    ['cp932', 'ネットワーク アダプター 接続済み\r\n'],
    ['cp949', '네트워크 어댑터 연결됨\r\n'],
    ['cp950', '網路介面卡 已連線\r\n'],
    ['cp1250', 'Połączenie sieciowe — włączone\r\n'],
    ['cp1251', 'Сетевое подключение — включено\r\n'],
    ['cp1252', 'Paramètres réseau – activé €\r\n'],
  ]
  for (const [encoding, text] of cases) {
    it(`reads ${encoding}`, () => {
      expect(decodeText(pythonEncode(text, encoding), encoding)).toBe(text)
    })
  }

  it('reads «接口» from its GBK bytes and é from its cp1252 byte', () => {
    expect(decodeText(Buffer.from([0xbd, 0xd3, 0xbf, 0xda]), 'cp936')).toBe('接口')
    expect(decodeText(Buffer.from([0x63, 0x61, 0x66, 0xe9]), 'cp1252')).toBe('café')
  })

  it('reads cp1252 bytes 0x80-0x9F as Windows does, not as ISO-8859-1 (Node 20.18.3+ TextDecoder does)', () => {
    // From the CP1252 chart: 80 €, 92 ’, 93 “, 94 ”, 96 –, 9C œ.
    expect(decodeText(Buffer.from([0x80, 0x92, 0x93, 0x94, 0x96, 0x9c]), 'cp1252')).toBe('€’“”–œ')
    expect(decodeAs(ALL_BYTES, 'cp1252')).toBe(pythonTable('cp1252'))
  })

  it('matches the mapping files for every byte of the other single-byte pages (cp866, cp1250, cp1251)', () => {
    for (const codec of ['cp866', 'cp1250', 'cp1251'] as const) expect(decodeAs(ALL_BYTES, codec), codec).toBe(pythonTable(codec))
  })

  it('keeps every byte below 0x80 as ASCII in every encoding but UTF-16 (Node’s ICU swaps 0x1A, 0x1C, 0x7F in shift_jis)', () => {
    const ascii = ALL_BYTES.subarray(0, 0x80)
    for (const encoding of TEXT_ENCODINGS.filter((name) => name !== 'utf-16le')) {
      expect(decodeAs(ascii, encoding), encoding).toBe(ascii.toString('latin1'))
    }
    const japanese = pythonEncode('接続\x1a\x1c\x7f済み', 'cp932')
    expect(decodeText(japanese, 'cp932')).toBe('接続\x1a\x1c\x7f済み')
  })
})

describe('decodeText: no BOM and no declaration', () => {
  it('takes valid UTF-8 as UTF-8', () => {
    expect(decodeText(Buffer.from('net.ipv4.conf.all.arp_ignore = 1\n# réglé\n'))).toBe('net.ipv4.conf.all.arp_ignore = 1\n# réglé\n')
  })

  it('recognises UTF-16LE without a BOM by its NULs', () => {
    expect(decodeText(Buffer.from('Name : Ethernet0\r\nMTU : 1500\r\n', 'utf16le'))).toBe('Name : Ethernet0\r\nMTU : 1500\r\n')
  })

  it('falls back to cp1252 for bytes that are not UTF-8', () => {
    expect(decodeText(Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x20, 0x80, 0x0d, 0x0a]))).toBe('café €\r\n')
  })

  it('decodes empty input as empty text', () => {
    expect(decodeText(Buffer.alloc(0))).toBe('')
    expect(decodeText(Buffer.alloc(0), 'cp437')).toBe('')
  })
})

describe('decodeText: declarations', () => {
  it('accepts the names in any case', () => {
    expect(decodeText(Buffer.from([0x82]), 'CP850')).toBe('é')
    expect(decodeText(Buffer.from('ok'), 'UTF-8')).toBe('ok')
  })

  it('refuses an unknown encoding, naming it and the accepted ones', () => {
    expect(() => decodeText(Buffer.from('x'), 'latin-9')).toThrow(UserError)
    expect(() => decodeText(Buffer.from('x'), 'latin-9')).toThrow(
      `unknown text encoding "latin-9"; use one of ${TEXT_ENCODINGS.join(', ')}`,
    )
    expect(TEXT_ENCODINGS).toContain('cp1252')
  })

  it('replaces bytes that are invalid in the declared encoding instead of failing', () => {
    expect(decodeText(Buffer.from([0x61, 0xff, 0x62]), 'utf-8')).toBe('a\uFFFDb')
  })

  it('decodes large single-byte files', () => {
    const bytes = Buffer.alloc(300_000, 0xc4)
    expect(decodeText(bytes, 'cp850')).toBe('─'.repeat(300_000))
  })
})
