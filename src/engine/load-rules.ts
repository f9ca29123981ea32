/**
 * Loads every rule file from a directory, validates each against rules/rule.schema.json and
 * its check function's options schema, and reports every problem in every file at once.
 */
import {readdir, readFile} from 'node:fs/promises'
import {basename, join} from 'node:path'

import type {ValidateFunction} from 'ajv'

import {RuleLoadError} from '../errors.js'
import {describeErrors} from './describe-errors.js'
import {loadCompiledValidators, type RuleValidators} from './compiled-validators.js'
import {checkFunctions} from './functions/index.js'
import {loadRuleCache, type RuleCache} from './rule-cache.js'
import type {Rule} from './types.js'

const RULE_FILE = /\.ya?ml$/

let validators: RuleValidators | undefined
let cache: RuleCache | undefined

/** @throws {RuleLoadError} listing every problem in every file. */
export async function loadRules(directory: string): Promise<Rule[]> {
  validators ??= (await loadCompiledValidators()) ?? (await compileValidators())
  cache ??= await loadRuleCache()
  const {rule: validate} = validators
  let names: string[]
  try {
    names = (await readdir(directory)).filter((name) => RULE_FILE.test(name)).sort()
  } catch (error) {
    throw new RuleLoadError([{file: directory, message: `cannot read the rules directory (${(error as NodeJS.ErrnoException).code ?? String(error)})`}])
  }

  const problems: Array<{file: string; message: string}> = []
  const rules: Rule[] = []
  for (const name of names) {
    const file = join(directory, name)
    const messages = await loadOne(file, validate, rules)
    problems.push(...messages.map((message) => ({file, message})))
  }

  if (names.length === 0) problems.push({file: directory, message: 'contains no rule files'})
  if (problems.length > 0) throw new RuleLoadError(problems)
  return rules
}

async function loadOne(file: string, validate: ValidateFunction, rules: Rule[]): Promise<string[]> {
  let text: string
  try {
    text = await readFile(file, 'utf8')
  } catch (error) {
    return [`cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)})`]
  }

  let document: unknown
  try {
    // The YAML parser loads only when a file is not in the build-time cache (see rule-cache.ts).
    document = cache?.get(text) ?? (await import('yaml')).parse(text, {prettyErrors: true})
  } catch (error) {
    return [`is not valid YAML: ${(error as Error).message.split('\n')[0] ?? ''}`]
  }

  if (!validate(document)) return describeErrors(validate.errors)
  const rule = {...(document as Omit<Rule, 'file'>), file}
  const problems = semanticProblems(rule, validators?.options(rule.check.function))
  if (problems.length === 0) rules.push(rule)
  return problems
}

/** What the schema cannot say: the id matches the file, and the check fits its function. */
function semanticProblems(rule: Rule, validateOptions: ValidateFunction | undefined): string[] {
  const problems: string[] = []
  const stem = basename(rule.file).replace(RULE_FILE, '')
  if (rule.id !== stem) problems.push(`id "${rule.id}" must equal the file name "${stem}"`)
  const fn = checkFunctions.get(rule.check.function)
  if (fn === undefined) {
    problems.push(`check.function "${rule.check.function}" is unknown; known functions: ${[...checkFunctions.keys()].join(', ')}`)
    return problems
  }

  if (!fn.subjects.includes(rule.subjects)) problems.push(`subjects "${rule.subjects}" cannot be judged by ${fn.name}; it takes ${fn.subjects.join(', ')}`)
  const missingFacts = fn.facts.filter((fact) => !rule.facts.includes(fact))
  if (missingFacts.length > 0) problems.push(`facts must include ${missingFacts.join(', ')} (read by ${fn.name})`)
  if (validateOptions === undefined) {
    problems.push(`no options validator for ${fn.name}: rebuild (npm run build)`)
  } else if (!validateOptions(rule.check.options ?? {})) {
    problems.push(...describeErrors(validateOptions.errors).map((line) => `check.options ${line}`))
  }

  return problems
}

/** The packaged schema, found the same way from src/ (tests) and dist/ (the built CLI). */
export const PACKAGED_RULES_DIR = new URL('../../rules/', import.meta.url)

async function compileValidators(): Promise<RuleValidators> {
  // Imported here so a run with build-time validators never loads ajv's compiler.
  const {ajv} = await import('./ajv.js')
  const schema = JSON.parse(await readFile(new URL('rule.schema.json', PACKAGED_RULES_DIR), 'utf8')) as object
  const rule = ajv.compile(schema)
  const options = new Map([...checkFunctions.values()].map((fn) => [fn.name, ajv.compile(fn.optionsSchema)]))
  return {rule, options: (name) => options.get(name)}
}
