/** Reporters by format name; the command picks one with --format. */
import {jsonReporter} from './json.js'
import {tableReporter} from './table.js'
import type {Reporter} from './types.js'

export const FORMATS = ['table', 'json'] as const
export type Format = (typeof FORMATS)[number]

export const reporters: Record<Format, Reporter> = {table: tableReporter, json: jsonReporter}
