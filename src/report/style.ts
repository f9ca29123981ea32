/** Minimal ANSI styling that can be switched off, so reporters never depend on a global. */
const CODES = {red: [31, 39], green: [32, 39], yellow: [33, 39], gray: [90, 39], bold: [1, 22]} as const
export type Style = keyof typeof CODES

export function stylize(enabled: boolean, style: Style, text: string): string {
  if (!enabled) return text
  const [open, close] = CODES[style]
  return `\u001B[${open}m${text}\u001B[${close}m`
}
