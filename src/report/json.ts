/** The JSON report: the Report itself, which schemas/report.schema.json describes. */
import type {Reporter} from './types.js'

export const jsonReporter: Reporter = (report) => `${JSON.stringify(report, null, 2)}\n`
