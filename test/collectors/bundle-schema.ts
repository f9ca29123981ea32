/**
 * schemas/bundle.schema.json compiled with the options of rsaudit's own ajv instance, so a
 * bundle the collector tests accept is one `rsaudit audit --from` accepts too.
 */
import {readFileSync} from 'node:fs'

import {Ajv, type ValidateFunction} from 'ajv'

import {AJV_OPTIONS} from '../../src/engine/ajv-options.js'

export const BUNDLE_SCHEMA_ID = 'https://rsaudit.dev/schemas/bundle.schema.json'
export const BUNDLE_SCHEMA = JSON.parse(readFileSync(new URL('../../schemas/bundle.schema.json', import.meta.url), 'utf8')) as {
  definitions: {encoding: {enum: string[]}}
}

const ajv = new Ajv(AJV_OPTIONS)
const validateManifest: ValidateFunction = ajv.compile(BUNDLE_SCHEMA)

/** The problems ajv finds in a whole bundle.json, or '' when it is valid. */
export function bundleProblems(document: unknown): string {
  return validateManifest(document) ? '' : ajv.errorsText(validateManifest.errors, {separator: '\n'})
}

/** The problems in one entry, checked against a definition: 'command', 'file' or 'dir'. */
export function entryProblems(definition: 'command' | 'file' | 'dir', entry: unknown): string {
  const validate = ajv.getSchema(`${BUNDLE_SCHEMA_ID}#/definitions/${definition}`)
  if (validate === undefined) throw new Error(`no definition ${definition} in the bundle schema`)
  return validate(entry) ? '' : ajv.errorsText(validate.errors, {separator: '\n'})
}

// The manifest types are the reader's own, so the collectors are tested against what rsaudit reads.
export type {BundleCommand, BundleDir, BundleFile, BundleManifest as Manifest} from '../../src/collect/bundle/manifest.js'
