import {existsSync, readdirSync, readFileSync} from 'node:fs'
import {join} from 'node:path'
import {fileURLToPath} from 'node:url'

import {describe, expect, it} from 'vitest'

import * as labels from '../../../src/parse/windows/netsh-labels.js'
import {
  EVIDENCE,
  type EvidenceId,
  INTERFACE_TITLES,
  LABEL_TABLES,
  LANGUAGES,
  type LabelTable,
  lookupLabel,
  normalizeTerm,
  termRecords,
  termText,
  verifyingSource,
} from '../../../src/parse/windows/netsh-labels.js'

const ROOT = fileURLToPath(new URL('../../../fixtures/windows/', import.meta.url))

/** Every exported *_LABELS / *_VALUES table, so a table added later is checked too. */
const TABLES = Object.entries(labels).filter(([name]) => /_(LABELS|VALUES)$/.test(name)) as unknown as Array<[string, LabelTable<string>]>

/** A fixture folder's raw text (every .txt), compared the way labels are: NFKC, lower case, single spaces. */
function fixtureText(folder: string): string {
  const text = readdirSync(join(ROOT, folder))
    .filter((file) => file.endsWith('.txt'))
    .map((file) => readFileSync(join(ROOT, folder, file), 'utf8'))
    .join('\n')
  return text.normalize('NFKC').toLocaleLowerCase('und').replace(/[^\S\n]+/g, ' ')
}

const occursIn = (source: EvidenceId, text: string): boolean => {
  const folder = (EVIDENCE[source] as labels.Evidence).fixture
  return folder === undefined || fixtureText(folder).includes(normalizeTerm(text))
}

describe('netsh label tables', () => {
  it('lists every table in LABEL_TABLES', () => {
    expect(Object.keys(LABEL_TABLES).sort()).toEqual(TABLES.map(([name]) => name).sort())
  })

  it.each(TABLES)('%s has a spelling in every language', (_name, table) => {
    for (const spellings of Object.values(table)) {
      for (const language of LANGUAGES) expect(spellings[language].length, language).toBeGreaterThan(0)
    }
  })

  it.each(TABLES)('%s maps every spelling of every language back to its key', (_name, table) => {
    for (const [key, spellings] of Object.entries(table)) {
      for (const language of LANGUAGES) {
        for (const spelling of spellings[language].map(termText)) {
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
        for (const spelling of spellings[language].map(termText)) {
          const term = normalizeTerm(spelling)
          expect(seen.get(term) ?? key, `"${spelling}"`).toBe(key)
          seen.set(term, key)
        }
      }
    }
  })

  it('normalizes dot padding, full-width letters and runs of spaces', () => {
    expect(normalizeTerm('Metric . . . . :')).toBe('metric')
    expect(normalizeTerm('Ｗｅａｋ  Host   Sends')).toBe('weak host sends')
    expect(lookupLabel(labels.INTERFACE_LABELS, 'Weak Host Sends . . . . :')).toBe('weakHostSend')
    expect(lookupLabel(labels.INTERFACE_LABELS, 'Weak Host')).toBeUndefined()
  })
})

describe('netsh label provenance', () => {
  const records = termRecords()

  it('cites only fixtures that exist, each with its SOURCE.md', () => {
    for (const [id, evidence] of Object.entries(EVIDENCE) as Array<[string, labels.Evidence]>) {
      if (evidence.fixture === undefined) continue
      expect(evidence.fixture, id).toBe(id)
      expect(existsSync(join(ROOT, evidence.fixture, 'SOURCE.md')), id).toBe(true)
    }
  })

  it('finds every spelling said to be seen in a fixture in that fixture', () => {
    const missing = records.filter((record) => record.source !== undefined && !occursIn(record.source, record.text))
    expect(missing).toEqual([])
  })

  it('finds the prefix and suffix of every cited interface title in its fixture', () => {
    for (const language of LANGUAGES) {
      for (const [prefix, suffix, source] of INTERFACE_TITLES[language]) {
        if (source === undefined) continue
        expect(occursIn(source, prefix.trim()), `${language} ${prefix}`).toBe(true)
        if (suffix.trim() !== '') expect(occursIn(source, suffix.trim()), `${language} ${suffix}`).toBe(true)
      }
    }
  })

  it('counts a reproduction as cited but not verified', () => {
    expect(verifyingSource(labels.seen('Actif', 'netsh-fr-system-info-collector-rules'))).toBeUndefined()
    expect(verifyingSource(labels.seen('Actif', 'netsh-fr-ynov-tp1-allprofiles'))).toBe('netsh-fr-ynov-tp1-allprofiles')
    expect(verifyingSource('Actif')).toBeUndefined()
  })

  /** Languages with at least one verified (capture or tool) spelling, per table and key: the coverage the report states. */
  const verified = (table: string): Record<string, string[]> => {
    const byKey: Record<string, string[]> = {}
    for (const record of records.filter((entry) => entry.table === table && entry.kind !== undefined && entry.kind !== 'reproduction')) {
      byKey[record.key] = [...new Set([...(byKey[record.key] ?? []), record.language])]
    }
    return byKey
  }

  it('records which languages each label is verified in', () => {
    expect(verified('INTERFACE_LABELS')).toEqual({
      index: ['en', 'ru', 'zh'],
      state: ['en', 'ru', 'zh'],
      metric: ['en', 'zh'],
      weakHostSend: ['en', 'zh'],
      weakHostReceive: ['en', 'zh'],
      automaticMetric: ['en', 'zh'],
    })
    expect(verified('PROFILE_STATE_LABELS')).toEqual({state: ['en', 'de', 'fr', 'es', 'ru', 'zh', 'ja']})
    expect(verified('ON_OFF_VALUES')).toEqual({on: ['en', 'de', 'fr', 'es', 'ru', 'zh', 'ja'], off: ['en', 'ja']})
    expect(verified('RULE_LABELS')).toEqual({
      ruleName: ['en', 'de', 'ru', 'zh', 'ja'],
      enabled: ['en', 'de', 'ru', 'zh', 'ja'],
      direction: ['en', 'de', 'ru', 'zh', 'ja'],
      profiles: ['en', 'de', 'ru', 'zh', 'ja'],
      localIp: ['en', 'de', 'ja'],
      protocol: ['en', 'de', 'ru', 'zh', 'ja'],
      localPort: ['en', 'de', 'ru', 'zh', 'ja'],
      action: ['en', 'de', 'ru', 'zh', 'ja'],
    })
    expect(verified('LEGACY_LABELS')).toEqual({operationalMode: ['en', 'zh']})
    expect(verified('LEGACY_DIRECTION_VALUES')).toEqual({})
  })
})
