/**
 * Finds golden fixtures: `fixtures/linux/<scenario>/<command-id>.txt` with a sibling
 * `<command-id>.expected.json`. Raw files without an expectation are not returned.
 */
import {existsSync, readdirSync, readFileSync} from 'node:fs'
import {dirname, join} from 'node:path'
import {fileURLToPath} from 'node:url'

import {describe, expect, it} from 'vitest'

export const FIXTURES_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'fixtures', 'linux')

export interface Fixture {
  scenario: string
  rawPath: string
  expectedPath: string
}

export function discoverFixtures(commandId: string): Fixture[] {
  if (!existsSync(FIXTURES_ROOT)) return []
  return readdirSync(FIXTURES_ROOT, {withFileTypes: true})
    .filter((entry) => entry.isDirectory())
    .map((entry) => ({
      scenario: entry.name,
      rawPath: join(FIXTURES_ROOT, entry.name, `${commandId}.txt`),
      expectedPath: join(FIXTURES_ROOT, entry.name, `${commandId}.expected.json`),
    }))
    .filter((fixture) => existsSync(fixture.rawPath) && existsSync(fixture.expectedPath))
    .sort((a, b) => a.scenario.localeCompare(b.scenario))
}

/**
 * The golden suite every parser test runs: each discovered fixture must parse to its
 * expectation, name its provenance in SOURCE.md, and at least one fixture must exist.
 */
export function describeGolden(commandId: string, parse: (text: string) => unknown): void {
  describe(`golden fixtures: ${commandId}`, () => {
    const fixtures = discoverFixtures(commandId)
    it('discovers at least one fixture', () => {
      expect(fixtures.length, `no fixtures/linux/*/${commandId}.txt with an expectation`).toBeGreaterThan(0)
    })
    for (const fixture of fixtures) {
      it(fixture.scenario, () => {
        expect(existsSync(join(dirname(fixture.rawPath), 'SOURCE.md')), 'SOURCE.md records provenance').toBe(true)
        const expected: unknown = JSON.parse(readFileSync(fixture.expectedPath, 'utf8'))
        expect(parse(readFileSync(fixture.rawPath, 'utf8'))).toEqual(expected)
      })
    }
  })
}
