/**
 * Rule files are validated before anything is collected, and every problem in every file is
 * reported at once with its path, so a rule author fixes a directory in one pass. Broken
 * files are written to a fresh temp directory per test: invalid YAML, schema violations,
 * semantic problems (unknown check function, bad options, id ≠ file name), several at once,
 * an empty directory and a missing one. The packaged rules/ must load cleanly.
 */
import {mkdtemp, readFile, rm, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import {basename, join} from 'node:path'

import {afterEach, beforeEach, describe, expect, it} from 'vitest'
import {parse as parseYaml, stringify as stringifyYaml} from 'yaml'

import {loadRules} from '../../src/engine/load-rules.js'
import {RuleLoadError} from '../../src/errors.js'

type RuleDocument = Record<string, unknown> & {check: Record<string, unknown>}

let dir = ''

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'rsaudit-rules-'))
})

afterEach(async () => {
  await rm(dir, {recursive: true, force: true})
})

/** A valid packaged rule as a plain object, to break one field at a time. */
async function packagedRule(id: string): Promise<RuleDocument> {
  return parseYaml(await readFile(join('rules', `${id}.yaml`), 'utf8')) as RuleDocument
}

async function write(name: string, document: unknown): Promise<string> {
  const path = join(dir, name)
  await writeFile(path, typeof document === 'string' ? document : stringifyYaml(document))
  return path
}

/** Expects loadRules(dir) to reject with exactly these problems, in file order. */
async function expectProblems(problems: Array<{file: string; message: string | RegExp}>): Promise<void> {
  const asMatchers = problems.map(({file, message}) => ({file, message: typeof message === 'string' ? expect.stringContaining(message) : expect.stringMatching(message)}))
  await expect(loadRules(dir)).rejects.toThrow(RuleLoadError)
  await expect(loadRules(dir)).rejects.toMatchObject({problems: asMatchers})
}

describe('loadRules: broken files', () => {
  it('reports a file that is not valid YAML', async () => {
    const file = await write('vip-on-loopback.yaml', 'id: vip-on-loopback\ntitle: [unclosed\n')
    await expectProblems([{file, message: 'is not valid YAML'}])
  })

  it('reports a missing required field by name', async () => {
    const {title: _dropped, ...rule} = await packagedRule('vip-on-loopback')
    const file = await write('vip-on-loopback.yaml', rule)
    await expectProblems([{file, message: /required property 'title'/}])
  })

  it('reports an unknown severity with the allowed values', async () => {
    const file = await write('vip-on-loopback.yaml', {...(await packagedRule('vip-on-loopback')), severity: 'urgent'})
    await expectProblems([{file, message: /\/severity.*"critical","high","medium","low","info"/}])
  })

  it('reports an unknown field by name', async () => {
    const file = await write('vip-on-loopback.yaml', {...(await packagedRule('vip-on-loopback')), severty: 'high'})
    await expectProblems([{file, message: '"severty"'}])
  })

  it('reports an unknown check function and lists the known ones', async () => {
    const rule = await packagedRule('vip-on-loopback')
    const file = await write('vip-on-loopback.yaml', {...rule, check: {function: 'vip-on-lookback'}})
    await expectProblems([{file, message: /check\.function "vip-on-lookback" is unknown; known functions: .*vip-on-loopback/}])
  })

  it('reports options that do not fit the check function', async () => {
    const rule = await packagedRule('arp-ignore')
    const file = await write('arp-ignore.yaml', {...rule, check: {...rule.check, options: {key: 'arp_ignroe', pass: [1, 2], fixValue: 1, meanings: {other: 'x'}}}})
    await expectProblems([{file, message: /^check\.options .*\/key/}])
  })

  it('reports options missing a required property', async () => {
    const rule = await packagedRule('arp-ignore')
    const file = await write('arp-ignore.yaml', {...rule, check: {...rule.check, options: {key: 'arp_ignore', pass: [1, 2], meanings: {other: 'x'}}}})
    await expectProblems([{file, message: /^check\.options .*fixValue/}])
  })

  it('reports an id that differs from the file name', async () => {
    const file = await write('vip-on-lo.yaml', await packagedRule('vip-on-loopback'))
    await expectProblems([{file, message: 'id "vip-on-loopback" must equal the file name "vip-on-lo"'}])
  })

  it('reports every problem of every broken file in one RuleLoadError, and loads nothing', async () => {
    await write('arp-ignore.yaml', await packagedRule('arp-ignore'))
    const badYaml = await write('b-broken.yaml', 'id: [\n')
    const rule = await packagedRule('vip-on-loopback')
    const twoProblems = await write('c-broken.yml', {...rule, id: 'vip-on-loopback', check: {function: 'nope'}})
    await expectProblems([
      {file: badYaml, message: 'is not valid YAML'},
      {file: twoProblems, message: 'must equal the file name "c-broken"'},
      {file: twoProblems, message: 'check.function "nope" is unknown'},
    ])
  })

  it('puts every problem, with its file, into the error message', async () => {
    const first = await write('a.yaml', 'id: [\n')
    const second = await write('b.yaml', {...(await packagedRule('vip-on-loopback')), severity: 'urgent'})
    const escape = (text: string) => text.replaceAll(/[.*+?^${}()|[\]\\/]/g, '\\$&')
    await expect(loadRules(dir)).rejects.toThrow(new RegExp(`^${escape(first)}: is not valid YAML[^\\n]*\\n${escape(second)}: at /severity`))
  })
})

describe('loadRules: directories', () => {
  it('rejects an empty directory', async () => {
    await write('README.md', '# not a rule\n')
    await expectProblems([{file: dir, message: 'contains no rule files'}])
  })

  it('rejects a missing directory, naming it', async () => {
    const missing = join(dir, 'no-such-rules')
    await expect(loadRules(missing)).rejects.toMatchObject({problems: [{file: missing, message: expect.stringContaining('cannot read the rules directory (ENOENT)')}]})
  })

  it('loads .yaml and .yml files and ignores others', async () => {
    await write('arp-ignore.yaml', await packagedRule('arp-ignore'))
    await write('vip-on-loopback.yml', await packagedRule('vip-on-loopback'))
    await write('notes.txt', 'id: [\n')
    await expect(loadRules(dir).then((rules) => rules.map((rule) => rule.id))).resolves.toEqual(['arp-ignore', 'vip-on-loopback'])
  })
})

describe('loadRules: the packaged rules', () => {
  it('loads at least 9 rules, each with an id equal to its file name', async () => {
    const rules = await loadRules('rules')
    expect(rules.length).toBeGreaterThanOrEqual(9)
    for (const rule of rules) expect(rule.id, rule.file).toBe(basename(rule.file).replace(/\.ya?ml$/, ''))
  })

  it('loads them in file-name order, each remembering its path', async () => {
    const rules = await loadRules('rules')
    const files = rules.map((rule) => rule.file)
    expect(files).toEqual([...files].sort())
    expect(files.every((file) => file.startsWith('rules/'))).toBe(true)
  })
})
