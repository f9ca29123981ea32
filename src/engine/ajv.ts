/** The one ajv instance: every schema is compiled here once, with all errors reported at once. */
import {Ajv} from 'ajv'

import {AJV_OPTIONS} from './ajv-options.js'

export const ajv = new Ajv(AJV_OPTIONS)
