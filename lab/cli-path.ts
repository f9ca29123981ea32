import {existsSync} from 'node:fs'
import {dirname, join} from 'node:path'
import {fileURLToPath} from 'node:url'

import {LabError} from './exec.js'

/** bin/run.js of this checkout, found upwards: this file runs from lab/ under vitest and from lab/dist/ under npm run lab. */
export function cliPath(): string {
  for (let dir = dirname(fileURLToPath(import.meta.url)); dir !== dirname(dir); dir = dirname(dir)) {
    if (existsSync(join(dir, 'bin', 'run.js'))) return join(dir, 'bin', 'run.js')
  }
  throw new LabError('cannot find bin/run.js above the lab directory')
}
