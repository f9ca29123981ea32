/**
 * Reads the paste fixtures (fixtures/paste/<name>.txt, built from real outputs as SOURCE.md
 * describes) and the golden parser results of the fixtures/linux and fixtures/windows captures
 * they were built from.
 */
import {readFileSync} from 'node:fs'

export function pasteFixture(name: string): string {
  return readFileSync(new URL(`../../fixtures/paste/${name}.txt`, import.meta.url), 'utf8')
}

/** `fixtures/linux/<scenario>/<file>`, as stored. */
export function linuxFixture(scenario: string, file: string): string {
  return readFileSync(new URL(`../../fixtures/linux/${scenario}/${file}`, import.meta.url), 'utf8')
}

/** The hand-checked parser result of `fixtures/linux/<scenario>/<id>.txt`. */
export function golden(scenario: string, id: string): unknown {
  return JSON.parse(linuxFixture(scenario, `${id}.expected.json`))
}

/** `fixtures/windows/<scenario>/<file>`, as stored. */
export function windowsFixture(scenario: string, file: string): string {
  return readFileSync(new URL(`../../fixtures/windows/${scenario}/${file}`, import.meta.url), 'utf8')
}

/** The hand-checked parser result of `fixtures/windows/<scenario>/<id>.txt`. */
export function windowsGolden(scenario: string, id: string): unknown {
  return JSON.parse(windowsFixture(scenario, `${id}.expected.json`))
}
