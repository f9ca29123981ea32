/** Schema errors as lines a rule author can act on; shared by run-time and build-time validators. */
export function describeErrors(errors: ReadonlyArray<{instancePath: string; message?: string; params?: Record<string, unknown>}> | null | undefined): string[] {
  return (errors ?? []).map((error) => {
    const where = error.instancePath === '' ? '(top level)' : error.instancePath
    const extra = error.params?.additionalProperty ? ` "${String(error.params.additionalProperty)}"` : error.params?.allowedValues ? ` ${JSON.stringify(error.params.allowedValues)}` : ''
    return `at ${where}: ${error.message ?? 'is invalid'}${extra}`
  })
}
