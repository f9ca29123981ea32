import {readFileSync} from 'node:fs'

import {describe, expect, it} from 'vitest'

import {ParseError} from '../../../src/parse/parse-error.js'
import {looksLikeNetshHttpIplisten, parseNetshHttpIplisten} from '../../../src/parse/windows/netsh-http-iplisten.js'

const TEXT = readFileSync(new URL('../../../fixtures/windows/netsh-iis-clone-iplisten/netsh-http-iplisten.txt', import.meta.url), 'utf8')
/** The header alone, as netsh prints an empty list (lines 1-3 of the capture). */
const EMPTY = TEXT.split('\n').slice(0, 4).join('\n')

describe('parseNetshHttpIplisten', () => {
  it('gives an empty list (every address) when only the header is printed', () => {
    expect(parseNetshHttpIplisten(EMPTY)).toEqual([])
    expect(parseNetshHttpIplisten(EMPTY.replace(/\n/g, '\r\n'))).toEqual([])
  })

  it('is unchanged by CRLF and console padding', () => {
    expect(parseNetshHttpIplisten(TEXT.replace(/\n/g, '          \r\n'))).toEqual(['192.168.33.1', '127.0.0.0', '127.0.0.1'])
  })

  it('canonicalizes IPv6 entries, bracketed or not, under a localized header', () => {
    const text = ['', 'IP-Adressen in der IP-Abhörliste:', '-------------------------------------------', '', '    ::', '    [2001:DB8:0:0::A]', '    0.0.0.0', ''].join('\n')
    expect(parseNetshHttpIplisten(text)).toEqual(['::', '2001:db8::a', '0.0.0.0'])
  })

  it('refuses text without the header rule and lines that are not addresses', () => {
    expect(() => parseNetshHttpIplisten('')).toThrow(ParseError)
    expect(() => parseNetshHttpIplisten('    192.168.33.1')).toThrow(ParseError)
    expect(() => parseNetshHttpIplisten(`${TEXT}    300.1.1.1\n`)).toThrow(/expected an IP address, found "300.1.1.1"/)
  })

  it('detects the list', () => {
    expect(looksLikeNetshHttpIplisten(TEXT)).toBe(true)
    expect(looksLikeNetshHttpIplisten('IP listen list is empty, I think')).toBe(false)
  })
})
