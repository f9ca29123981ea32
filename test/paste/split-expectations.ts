/**
 * The checks every paste fixture gets, Linux (split.test.ts) and Windows (windows-split.test.ts):
 * exactly the expected sections and ignored blocks, and each section's text exactly its pasted
 * lines.
 */
import {expect, it} from 'vitest'

import type {PasteKind} from '../../src/paste/kinds.js'
import {pasteLines, readPaste, splitPaste} from '../../src/paste/split.js'
import {pasteFixture} from './paste-fixtures.js'

/** [kind, startLine, endLine, command] per section; [startLine, endLine] per ignored block. */
export type ExpectedSplit = {sections: Array<[PasteKind, number, number, string?]>; ignored: Array<[number, number]>}

/** One test per fixture, and one that each section is its pasted lines (blank lines inside included). */
export function itSplitsFixtures(fixtures: Readonly<Record<string, ExpectedSplit>>): void {
  for (const [name, expected] of Object.entries(fixtures)) {
    it(name, () => {
      const {sections, ignored} = readPaste(pasteFixture(name))
      expect(sections.map((s) => [s.kind, s.startLine, s.endLine, ...(s.command === undefined ? [] : [s.command])])).toEqual(expected.sections)
      expect(ignored.map((b) => [b.startLine, b.endLine])).toEqual(expected.ignored)
    })
  }

  it('gives each section exactly its pasted lines', () => {
    for (const name of Object.keys(fixtures)) {
      const text = pasteFixture(name)
      const lines = pasteLines(text)
      for (const section of splitPaste(text)) expect(section.text).toBe(lines.slice(section.startLine - 1, section.endLine).join('\n'))
    }
  })
}
