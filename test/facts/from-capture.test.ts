/**
 * The bridge from raw captures to facts. Its promise is that a capture that failed never
 * turns into an empty value that looks fine: it becomes `unavailable` with the collector's
 * reason, a parser's ParseError becomes `parse-error`, and anything else (a bug) propagates.
 * firstAvailable is how `ip -j` falls back to plain `ip`; when every attempt fails the user
 * must see the last failure, not a made-up one.
 */
import {describe, expect, it, vi} from 'vitest'

import type {CaptureFailure, CommandCapture, FileCapture} from '../../src/collect/raw-source.js'
import {commandLine, factFromCommand, factFromFile, firstAvailable, parsed, unavailableFile} from '../../src/facts/from-capture.js'
import type {Fact} from '../../src/facts/model.js'
import {ParseError} from '../../src/parse/parse-error.js'

const SPEC = {id: 'ip-addr-json', argv: ['ip', '-d', '-j', 'addr', 'show'], timeoutMs: 5000} as const

function capture(stdout: string, failure?: {reason: CaptureFailure; detail: string}): CommandCapture {
  return {spec: SPEC, stdout, stderr: '', exitCode: failure ? 255 : 0, ...(failure ? {failure} : {})}
}

const words = (text: string) => text.trim().split(/\s+/)

describe('factFromCommand', () => {
  it('parses the stdout of a successful command and cites the command line', () => {
    expect(factFromCommand(capture('a b\n'), words)).toEqual({status: 'ok', value: ['a', 'b'], source: 'ip -d -j addr show'})
  })

  it.each(['command-missing', 'permission-denied', 'timeout', 'nonzero-exit', 'not-collected'] satisfies CaptureFailure[])(
    'turns a %s failure into an unavailable fact with the same reason and detail, without parsing',
    (reason) => {
      const parse = vi.fn(words)
      const fact = factFromCommand(capture('partial output', {reason, detail: `why: ${reason}`}), parse)
      expect(fact).toEqual({status: 'unavailable', reason, detail: `why: ${reason}`, source: 'ip -d -j addr show'})
      expect(parse).not.toHaveBeenCalled()
    },
  )

  it('turns a ParseError into a parse-error fact carrying the parser message', () => {
    const fact = factFromCommand(capture('{}'), () => {
      throw new ParseError('ip -j addr', 'expected a JSON array, found an object')
    })
    expect(fact).toEqual({
      status: 'unavailable',
      reason: 'parse-error',
      detail: 'Cannot parse "ip -j addr" output: expected a JSON array, found an object',
      source: 'ip -d -j addr show',
    })
  })

  it('lets any other error propagate, because it is a bug rather than odd input', () => {
    const broken = () => {
      throw new TypeError('cannot read properties of undefined')
    }
    expect(() => factFromCommand(capture('[]'), broken)).toThrow(TypeError)
    // A plain SyntaxError (ParseError's base class) is not a ParseError either.
    expect(() => factFromCommand(capture('[]'), (text) => JSON.parse(`${text}x`) as unknown)).toThrow(SyntaxError)
  })

  it('joins argv with spaces for the source', () => {
    expect(commandLine(capture(''))).toBe('ip -d -j addr show')
  })
})

describe('factFromFile and unavailableFile', () => {
  const file = (overrides: Partial<FileCapture>): FileCapture => ({path: '/proc/net/tcp', ...overrides})

  it('parses readable content and cites the path', () => {
    expect(factFromFile(file({content: 'x y'}), words)).toEqual({status: 'ok', value: ['x', 'y'], source: '/proc/net/tcp'})
  })

  it('parses an empty file rather than calling it unavailable', () => {
    expect(factFromFile(file({content: ''}), (text) => text.length)).toEqual({status: 'ok', value: 0, source: '/proc/net/tcp'})
  })

  it('keeps permission-denied and reports a missing file as not-collected', () => {
    expect(factFromFile(file({failure: {reason: 'permission-denied', detail: 'permission denied reading /proc/net/tcp (run as root)'}}), words)).toEqual({
      status: 'unavailable',
      reason: 'permission-denied',
      detail: 'permission denied reading /proc/net/tcp (run as root)',
      source: '/proc/net/tcp',
    })
    expect(unavailableFile(file({failure: {reason: 'missing', detail: '/proc/net/tcp does not exist'}}))).toMatchObject({reason: 'not-collected', detail: '/proc/net/tcp does not exist'})
  })

  it('says the path was not collected when there is neither content nor a failure', () => {
    expect(unavailableFile({path: '/proc/net/tcp6'})).toEqual({status: 'unavailable', reason: 'not-collected', detail: '/proc/net/tcp6 was not collected', source: '/proc/net/tcp6'})
  })

  it('turns a ParseError from a file parser into parse-error', () => {
    const fact = parsed('/etc/rc.local', () => {
      throw new ParseError('rc.local', 'unterminated quote', 3)
    })
    expect(fact).toMatchObject({status: 'unavailable', reason: 'parse-error', detail: expect.stringContaining('on line 3') as unknown})
  })
})

describe('firstAvailable', () => {
  const ok = (value: string): Fact<string> => ({status: 'ok', value, source: value})
  const missing = (source: string): Fact<string> => ({status: 'unavailable', reason: 'command-missing', detail: `${source} is not installed`, source})

  it('returns the first usable fact and does not try the rest', async () => {
    const second = vi.fn(async () => ok('second'))
    await expect(firstAvailable([async () => ok('first'), second])).resolves.toEqual(ok('first'))
    expect(second).not.toHaveBeenCalled()
  })

  it('falls back to a later attempt when an earlier one is unavailable', async () => {
    await expect(firstAvailable([async () => missing('ip -j'), async () => ok('ip')])).resolves.toEqual(ok('ip'))
  })

  it('tries the attempts in order, one after the other', async () => {
    const order: string[] = []
    const attempt = (name: string) => async () => {
      order.push(name)
      return missing(name)
    }
    await firstAvailable([attempt('a'), attempt('b'), attempt('c')])
    expect(order).toEqual(['a', 'b', 'c'])
  })

  it('returns the last failure when every attempt fails', async () => {
    await expect(firstAvailable([async () => missing('ss'), async () => missing('/proc/net/tcp')])).resolves.toEqual(missing('/proc/net/tcp'))
  })

  it('rejects an empty list of attempts', async () => {
    await expect(firstAvailable<string>([])).rejects.toThrow('at least one attempt')
  })

  it('propagates an attempt that throws', async () => {
    await expect(firstAvailable([async () => Promise.reject(new Error('boom')), async () => ok('never')])).rejects.toThrow('boom')
  })
})
