import {readFileSync} from 'node:fs'

import {describe, expect, it} from 'vitest'

import {ParseError} from '../../../src/parse/parse-error.js'
import {parseRegQuery, regStrings} from '../../../src/parse/windows/reg-query.js'

const ROOT = new URL('../../../fixtures/windows/', import.meta.url)
const read = (path: string): string => readFileSync(new URL(path, ROOT), 'utf8')

describe('parseRegQuery', () => {
  it.each(['reg-query-xp-msdocs-devicepath', 'reg-query-ws2019-htb-dns-parameters'])('golden fixture %s (with SOURCE.md)', (dir) => {
    expect(read(`${dir}/SOURCE.md`)).toContain('reg query')
    const expected = JSON.parse(read(`${dir}/reg-query.expected.json`)) as unknown
    const text = read(`${dir}/reg-query.txt`)
    expect(parseRegQuery(text)).toEqual(expected)
    // As reg writes it: CRLF, and a blank line after the last value.
    expect(parseRegQuery(`${text.replace(/\n/g, '\r\n')}\r\n`)).toEqual(expected)
  })

  it('reads REG.EXE 3.0 with tab separators and the \\0\\0 that ends an XP multi-string (the real DevicePath line with its tabs restored)', () => {
    const text = read('reg-query-xp-msdocs-devicepath/reg-query.txt').replace('DevicePath  REG_EXPAND_SZ   ', 'DevicePath\tREG_EXPAND_SZ\t')
    expect(parseRegQuery(text)[0]?.values).toEqual([{name: 'DevicePath', type: 'REG_EXPAND_SZ', data: '%SystemRoot%\\inf'}])
    // Synthetic: a Linkage Bind value in the same layout, with XP's terminator.
    const linkage = ['! REG.EXE VERSION 3.0', '', 'HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Services\\LanmanServer\\Linkage',
      '    Bind\tREG_MULTI_SZ\t\\Device\\NetbiosSmb\\0\\Device\\NetBT_Tcpip_{2D0A8C4E-1B7F-4E55-9A43-6C1D2E3F4A5B}\\0\\0', ''].join('\r\n')
    expect(regStrings(parseRegQuery(linkage), 'Bind')).toEqual(['\\Device\\NetbiosSmb', '\\Device\\NetBT_Tcpip_{2D0A8C4E-1B7F-4E55-9A43-6C1D2E3F4A5B}'])
  })

  it('reads an empty REG_MULTI_SZ and a value name with spaces (synthetic)', () => {
    const text = ['', 'HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Services\\Tcpip6\\Linkage', '    Bind    REG_MULTI_SZ    ', '    Local AppData    REG_SZ    C:\\x', ''].join('\r\n')
    const [key] = parseRegQuery(text)
    expect(key?.values).toEqual([{name: 'Bind', type: 'REG_MULTI_SZ', data: '', strings: []}, {name: 'Local AppData', type: 'REG_SZ', data: 'C:\\x'}])
  })

  it('finds a value by name in any case, and says when it is absent', () => {
    const keys = parseRegQuery(read('reg-query-ws2019-htb-dns-parameters/reg-query.txt'))
    expect(regStrings(keys, 'forwarders')).toEqual(['1.1.1.1', '8.8.8.8'])
    expect(regStrings(keys, 'IsSlave')).toEqual(['0x0'])
    expect(regStrings(keys, 'Bind')).toBeUndefined()
  })

  it('is empty for empty output', () => {
    expect(parseRegQuery('\r\n')).toEqual([])
  })

  it.each([
    ['a value before any key', '    Bind    REG_MULTI_SZ    \\Device\\x\r\n'],
    ['a reg error message on stdout', 'ERROR: The system was unable to find the specified registry key or value.\r\n'],
    ['an indented line without a type', 'HKEY_LOCAL_MACHINE\\SYSTEM\r\n    Bind    \\Device\\x\r\n'],
  ])('throws ParseError on %s (synthetic)', (_name, text) => {
    expect(() => parseRegQuery(text)).toThrow(ParseError)
  })
})
