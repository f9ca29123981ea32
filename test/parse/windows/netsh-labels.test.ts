import {describe, expect, it} from 'vitest'

import * as labels from '../../../src/parse/windows/netsh-labels.js'
import {LANGUAGES, lookupLabel, normalizeTerm, type LabelTable} from '../../../src/parse/windows/netsh-labels.js'

/** Every exported *_LABELS / *_VALUES table, so a table added later is checked too. */
const TABLES = Object.entries(labels).filter(([name]) => /_(LABELS|VALUES)$/.test(name)) as unknown as Array<[string, LabelTable<string>]>

describe('netsh label tables', () => {
  it.each(TABLES)('%s has a spelling in every language', (_name, table) => {
    for (const spellings of Object.values(table)) {
      for (const language of LANGUAGES) expect(spellings[language].length, language).toBeGreaterThan(0)
    }
  })

  it.each(TABLES)('%s maps every spelling of every language back to its key', (_name, table) => {
    for (const [key, spellings] of Object.entries(table)) {
      for (const language of LANGUAGES) {
        for (const spelling of spellings[language]) {
          expect(lookupLabel(table, spelling), `${language} "${spelling}"`).toBe(key)
          // As netsh pads it: trailing colon (ASCII, French spaced, full-width) and case.
          expect(lookupLabel(table, `${spelling.toUpperCase()}:`)).toBe(key)
          expect(lookupLabel(table, `${spelling} :`)).toBe(key)
          expect(lookupLabel(table, `  ${spelling}：  `)).toBe(key)
        }
      }
    }
  })

  it.each(TABLES)('%s never gives one spelling two meanings', (_name, table) => {
    const seen = new Map<string, string>()
    for (const [key, spellings] of Object.entries(table)) {
      for (const language of LANGUAGES) {
        for (const spelling of spellings[language]) {
          const term = normalizeTerm(spelling)
          expect(seen.get(term) ?? key, `"${spelling}"`).toBe(key)
          seen.set(term, key)
        }
      }
    }
  })

  it('names a table for every VERIFIED entry and only known languages', () => {
    for (const [name, languages] of Object.entries(labels.VERIFIED)) {
      expect(name in labels, name).toBe(true)
      for (const language of languages) expect(LANGUAGES).toContain(language)
    }
  })

  it('normalizes dot padding, full-width letters and runs of spaces', () => {
    expect(normalizeTerm('Metric . . . . :')).toBe('metric')
    expect(normalizeTerm('Ｗｅａｋ  Host   Sends')).toBe('weak host sends')
    expect(lookupLabel(labels.INTERFACE_LABELS, 'Weak Host Sends . . . . :')).toBe('weakHostSend')
    expect(lookupLabel(labels.INTERFACE_LABELS, 'Weak Host')).toBeUndefined()
  })
})
