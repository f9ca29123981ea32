/** Reporters are pure: a report and a context in, a string out. Writing is the command's job. */
import type {Report} from '../engine/types.js'

export interface ReporterContext {
  /** Colour only when the command decided the output is a terminal and NO_COLOR is unset. */
  color: boolean
  /** Terminal width in columns, for wrapping the table. */
  width: number
}

export type Reporter = (report: Report, context: ReporterContext) => string
