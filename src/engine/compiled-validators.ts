/**
 * Validators for rule files: the ones compiled at build time (scripts/compile-validators.mjs
 * writes dist/engine/validators.generated.js) when present, else compiled now with ajv. The
 * build-time ones exist because schema compilation was a quarter of a whole audit's run time.
 */
import type {ValidateFunction} from 'ajv'

export interface RuleValidators {
  rule: ValidateFunction
  options(functionName: string): ValidateFunction | undefined
}

/** `boot-sysctl` → `options_boot_sysctl`: generated exports must be identifiers. */
export function optionsExportName(functionName: string): string {
  return `options_${functionName.replaceAll('-', '_')}`
}

export async function loadCompiledValidators(): Promise<RuleValidators | undefined> {
  let compiled: Record<string, ValidateFunction>
  try {
    compiled = (await import(new URL('validators.generated.js', import.meta.url).href)) as Record<string, ValidateFunction>
  } catch (error) {
    // Running from src/ (tests) there is no generated file: compile at run time. Any other failure is a build bug.
    if ((error as NodeJS.ErrnoException).code === 'ERR_MODULE_NOT_FOUND') return undefined
    throw error
  }

  const rule = compiled.rule
  if (rule === undefined) return undefined
  return {rule, options: (name) => compiled[optionsExportName(name)]}
}
