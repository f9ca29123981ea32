// Build step, for start-up time: (1) compiles the rule schema and every check function's
// options schema into one standalone ESM module (ajv's "standalone validation code"), so the
// CLI validates rule files without compiling schemas on every run; (2) writes the parsed
// packaged rule files keyed by their text, so an unchanged file needs no YAML
// parser at run time (see src/engine/rule-cache.ts).
import {readdirSync, readFileSync, writeFileSync} from 'node:fs'

import {parse} from 'yaml'

import {Ajv} from 'ajv'
import standaloneCode from 'ajv/dist/standalone/index.js'

import {checkFunctions} from '../dist/engine/functions/index.js'
import {AJV_OPTIONS} from '../dist/engine/ajv-options.js'
import {optionsExportName} from '../dist/engine/compiled-validators.js'

const ajv = new Ajv({...AJV_OPTIONS, code: {source: true, esm: true}})
const exports = {rule: 'rule'}
ajv.addSchema(JSON.parse(readFileSync(new URL('../rules/rule.schema.json', import.meta.url), 'utf8')), 'rule')
for (const fn of checkFunctions.values()) {
  // A clone per function: checks may share one schema object, and standalone code would then
  // declare its validator twice.
  ajv.addSchema(structuredClone(fn.optionsSchema), `options:${fn.name}`)
  exports[optionsExportName(fn.name)] = `options:${fn.name}`
}

// ajv's ESM output still calls require() for its small runtime helpers; give it one.
const prelude = "import {createRequire} from 'node:module'\nconst require = createRequire(import.meta.url)\n"
const code = prelude + standaloneCode.default(ajv, exports)
writeFileSync(new URL('../dist/engine/validators.generated.js', import.meta.url), code)

const rulesDir = new URL('../rules/', import.meta.url)
const cache = []
for (const name of readdirSync(rulesDir).filter((n) => /\.ya?ml$/.test(n))) {
  const text = readFileSync(new URL(name, rulesDir), 'utf8')
  cache.push([text, parse(text)])
}

writeFileSync(new URL('../dist/engine/rules-cache.generated.json', import.meta.url), JSON.stringify(cache))
