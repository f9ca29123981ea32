/** The one ajv instance: every schema is compiled here once, with all errors reported at once. */
import {Ajv} from 'ajv'

export const ajv = new Ajv({allErrors: true, strict: true, allowUnionTypes: true})

/** Renders ajv errors as `at /path: message` lines a rule author can act on. */
export function describeErrors(errors: ReadonlyArray<{instancePath: string; message?: string; params?: Record<string, unknown>}> | null | undefined): string[] {
  return (errors ?? []).map((error) => {
    const where = error.instancePath === '' ? '(top level)' : error.instancePath
    const extra = error.params?.additionalProperty ? ` "${String(error.params.additionalProperty)}"` : error.params?.allowedValues ? ` ${JSON.stringify(error.params.allowedValues)}` : ''
    return `at ${where}: ${error.message ?? 'is invalid'}${extra}`
  })
}
