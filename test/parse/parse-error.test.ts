import {describe, expect, it} from 'vitest'

import {ParseError, splitLines} from '../../src/parse/parse-error.js'

describe('splitLines', () => {
  it('folds CRLF and drops one trailing newline', () => {
    expect(splitLines('a\r\nb\r\n')).toEqual(['a', 'b'])
  })

  it('keeps blank lines in the middle', () => {
    expect(splitLines('a\n\nb')).toEqual(['a', '', 'b'])
  })
})

describe('ParseError', () => {
  it('names the format and the line', () => {
    const error = new ParseError('ss -Hltn', 'expected 5 columns, found 2', 3)
    expect(error.message).toBe('Cannot parse "ss -Hltn" output: expected 5 columns, found 2 on line 3')
    expect(error).toBeInstanceOf(SyntaxError)
  })
})
