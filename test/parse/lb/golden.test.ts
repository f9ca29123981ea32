/**
 * Every real load-balancer capture in fixtures/lb/ parses, through format detection, to its
 * golden LbConfig, or fails with its golden ParseError message; the same holds with CRLF line
 * endings and trailing blanks (the samples lost their original line endings on the way).
 */
import {existsSync, readFileSync} from 'node:fs'
import {join} from 'node:path'

import {describe, expect, it} from 'vitest'

import {LB_FORMATS, type LbConfig} from '../../../src/facts/lb-config.js'
import {detectLbFormat, parseLbConfig} from '../../../src/parse/lb/detect.js'
import {ParseError} from '../../../src/parse/parse-error.js'
import {LB_FIXTURES, lbFixtures} from '../../helpers/lb-fixtures.js'

const fixtures = lbFixtures()

describe('fixtures/lb', () => {
  it('has real captures of every format, each with an expectation and a SOURCE.md', () => {
    expect(fixtures.length).toBeGreaterThan(20)
    for (const fixture of fixtures) {
      expect([fixture.expectedPath, fixture.errorPath].filter(Boolean), fixture.path).toHaveLength(1)
      expect(existsSync(join(LB_FIXTURES, fixture.scenario, 'SOURCE.md')), fixture.scenario).toBe(true)
    }
    const formats = new Set(fixtures.filter((f) => f.expectedPath).map((f) => (JSON.parse(readFileSync(f.expectedPath ?? '', 'utf8')) as LbConfig).format))
    expect([...formats].sort()).toEqual([...LB_FORMATS].sort())
  })
})

describe.each(fixtures.filter((f) => f.expectedPath))('$scenario/$file', ({path, expectedPath}) => {
  const text = readFileSync(path, 'utf8')
  const expected = JSON.parse(readFileSync(expectedPath ?? '', 'utf8')) as LbConfig

  it('is recognised and parses to its golden file', () => {
    expect(detectLbFormat(text)).toBe(expected.format)
    expect(parseLbConfig(text)).toEqual(expected)
  })

  it('parses the same with CRLF line endings and trailing blanks', () => {
    const crlf = text.split('\n').map((line) => (line === '' ? line : `${line}  `)).join('\r\n')
    expect(parseLbConfig(crlf)).toEqual(expected)
  })
})

describe.each(fixtures.filter((f) => f.errorPath))('$scenario/$file (broken as published)', ({path, errorPath}) => {
  it('fails with a ParseError that names the line', () => {
    const text = readFileSync(path, 'utf8')
    const message = readFileSync(errorPath ?? '', 'utf8').trim()
    expect(message).toMatch(/ on line \d+$/)
    expect(() => parseLbConfig(text)).toThrow(ParseError)
    expect(() => parseLbConfig(text)).toThrow(message)
  })
})
