/** Reporters by format name; the command picks one with --format. Each loads on demand, so
 *  a JSON run from cron never pays for the table library. */
import type {Reporter} from './types.js'

export const FORMATS = ['table', 'json'] as const
export type Format = (typeof FORMATS)[number]

const loaders: Record<Format, () => Promise<Reporter>> = {
  table: async () => (await import('./table.js')).tableReporter,
  json: async () => (await import('./json.js')).jsonReporter,
}

export function loadReporter(format: Format): Promise<Reporter> {
  return loaders[format]()
}
