import {readFileSync} from 'node:fs'

import {describe, expect, it} from 'vitest'

import {ParseError} from '../../../src/parse/parse-error.js'
import {looksLikeOsText, parseOsJson, parseOsText} from '../../../src/parse/windows/ps-os.js'

describe('parseOsJson', () => {
  it('reads collect.ps1 ps-os output (BuildNumber a string, caption padded by WMI)', () => {
    const text = '[{"Caption": "Microsoft Windows Server 2008 R2 Standard ", "Version": "6.1.7601", "BuildNumber": "7601", "CSDVersion": "Service Pack 1", ' +
      '"OSArchitecture": "64-bit", "ProductType": 3, "OSLanguage": 1033, "MUILanguages": ["en-US"]}]\r\n'
    expect(parseOsJson(text)).toEqual({caption: 'Microsoft Windows Server 2008 R2 Standard', version: '6.1.7601', build: 7601})
  })

  it('reads a single object, a numeric BuildNumber, and falls back to the build in Version', () => {
    expect(parseOsJson('{"Caption": "Microsoft Windows 11 Pro", "Version": "10.0.22631", "BuildNumber": 22631}')).toEqual({caption: 'Microsoft Windows 11 Pro', version: '10.0.22631', build: 22631})
    expect(parseOsJson('[{"Caption": "Microsoft(R) Windows(R) Server 2003, Standard Edition", "Version": "5.2.3790", "BuildNumber": null, "OSArchitecture": null}]'))
      .toEqual({caption: 'Microsoft(R) Windows(R) Server 2003, Standard Edition', version: '5.2.3790', build: 3790})
  })

  it('refuses real Get-ComputerInfo output whose Os* are all null instead of guessing a version', () => {
    const text = readFileSync(new URL('../../../fixtures/windows/json-htb-hackback-ws2019-computerinfo/ps-os.txt', import.meta.url), 'utf8')
    expect(() => parseOsJson(text)).toThrow(ParseError)
    expect(() => parseOsJson(text)).toThrow(/no Version/)
  })

  it.each([
    ['no object', '[]'],
    ['two objects', '[{"Caption": "a", "Version": "10.0.1"}, {"Caption": "b", "Version": "10.0.2"}]'],
    ['no Version', '[{"Caption": "Microsoft Windows 10 Pro"}]'],
    ['a Version without build', '[{"Caption": "x", "Version": "10.0"}]'],
    ['empty text', ''],
  ])('throws ParseError on %s', (_name, text) => {
    expect(() => parseOsJson(text)).toThrow(ParseError)
  })
})

describe('parseOsText', () => {
  it('reads a Caption, Version, BuildNumber selection', () => {
    const text = '\r\nCaption     : Microsoft Windows Server 2019 Datacenter Evaluation\r\nVersion     : 10.0.17763\r\nBuildNumber : 17763\r\n\r\n'
    expect(parseOsText(text)).toEqual({caption: 'Microsoft Windows Server 2019 Datacenter Evaluation', version: '10.0.17763', build: 17763})
  })

  it('recognizes the default view and a selection with Caption', () => {
    expect(looksLikeOsText('SystemDirectory : C:\\Windows\\system32\nOrganization    :\nBuildNumber     : 17763\n')).toBe(true)
    expect(looksLikeOsText('Caption : Microsoft Windows 10 Pro\nVersion : 10.0.19045\n')).toBe(true)
    expect(looksLikeOsText('Microsoft Windows [Version 10.0.19045.3803]')).toBe(false)
  })
})
