/** Checks bundle.json against schemas/bundle.schema.json (compiled once, on first use). */
import {readFileSync} from 'node:fs'

import type {ValidateFunction} from 'ajv'

import {ajv} from '../../engine/ajv.js'
import {describeErrors} from '../../engine/describe-errors.js'

let validate: ValidateFunction | undefined

/** @returns the problems found, empty when the manifest is valid. */
export function validateManifest(document: unknown): string[] {
  validate ??= ajv.compile(JSON.parse(readFileSync(new URL('../../../schemas/bundle.schema.json', import.meta.url), 'utf8')) as object)
  return validate(document) ? [] : describeErrors(validate.errors)
}
