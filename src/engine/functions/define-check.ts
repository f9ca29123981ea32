/**
 * The contract between the engine and its closed set of check functions. Rules name a
 * function and give it options; the options schema is checked when rules load, so a typo in
 * a rule file fails at start-up with the file's path, not in the middle of an audit.
 */
import type {JSONSchemaType} from 'ajv'

import type {FactName} from '../../facts/model.js'
import type {TemplateData} from '../interpolate.js'
import type {Subject} from '../subjects.js'
import type {CheckContext, Evidence, SubjectKind} from '../types.js'

export interface CheckOutcome {
  outcome: 'pass' | 'fail' | 'unknown' | 'not-applicable'
  evidence: Evidence[]
  /** Values for the rule's message and remediation placeholders. */
  data: TemplateData
  /** Why the outcome is unknown or not applicable, shown instead of the rule's message. */
  reason?: string
}

export interface CheckFunction<Options = unknown> {
  name: string
  /** Subject kinds this function knows how to judge. */
  subjects: readonly SubjectKind[]
  /** Facts the function reads; a rule using it must list them. */
  facts: readonly FactName[]
  // ajv's JSONSchemaType keeps the schema and the Options type in step at compile time.
  optionsSchema: JSONSchemaType<Options>
  evaluate(subject: Subject, options: Options, context: CheckContext): CheckOutcome
}

export function defineCheck<Options>(check: CheckFunction<Options>): CheckFunction<Options> {
  return check
}

export function unknown(reason: string, evidence: Evidence[] = []): CheckOutcome {
  return {outcome: 'unknown', evidence, data: {}, reason}
}

/** For checks that take no options: a rule may give none, and any it gives is an error. */
export type NoOptions = Record<string, never>
export const NO_OPTIONS = {type: 'object', additionalProperties: false} as unknown as JSONSchemaType<NoOptions>
