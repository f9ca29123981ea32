/**
 * Load-balancer fixtures: `fixtures/lb/<scenario>/<file>` captured from real directors, each
 * with `<file>.expected.json` (the parsed LbConfig) or `<file>.expected-error.txt` (the
 * ParseError message, for real files that are broken), and a SOURCE.md per scenario.
 */
import {existsSync, readdirSync, readFileSync} from 'node:fs'
import {join} from 'node:path'
import {fileURLToPath} from 'node:url'

export const LB_FIXTURES = fileURLToPath(new URL('../../fixtures/lb/', import.meta.url))

export interface LbFixture {
  scenario: string
  file: string
  path: string
  /** Exactly one of the two is set. */
  expectedPath?: string
  errorPath?: string
}

export function lbFixtures(): LbFixture[] {
  return readdirSync(LB_FIXTURES, {withFileTypes: true})
    .filter((entry) => entry.isDirectory())
    .flatMap((entry) =>
      readdirSync(join(LB_FIXTURES, entry.name))
        .filter((file) => file !== 'SOURCE.md' && !file.includes('.expected'))
        .map((file) => {
          const path = join(LB_FIXTURES, entry.name, file)
          const fixture: LbFixture = {scenario: entry.name, file, path}
          if (existsSync(`${path}.expected.json`)) fixture.expectedPath = `${path}.expected.json`
          if (existsSync(`${path}.expected-error.txt`)) fixture.errorPath = `${path}.expected-error.txt`
          return fixture
        }),
    )
    .sort((a, b) => `${a.scenario}/${a.file}`.localeCompare(`${b.scenario}/${b.file}`))
}

/** The text of a fixture file in `scenario`. */
export function lbFixtureText(scenario: string, file: string): string {
  return readFileSync(join(LB_FIXTURES, scenario, file), 'utf8')
}
