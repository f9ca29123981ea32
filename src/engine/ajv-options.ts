/** Options shared by the runtime ajv instance and the build-time compiled validators. */
export const AJV_OPTIONS = {allErrors: true, strict: true, allowUnionTypes: true} as const
