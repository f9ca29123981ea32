/**
 * `{{name}}` placeholders in rule messages and remediation templates.
 * Messages take values as plain text; commands take them quoted for their shell, and a
 * command whose values are not all known is left out rather than printed half-filled.
 */
import {quoteFor} from './shell-quote.js'
import type {Shell} from './types.js'

export type TemplateData = Readonly<Record<string, string | number | undefined>>

const PLACEHOLDER = /{{\s*([\w.]+)\s*}}/g

/** Fills a message. Unknown names stay visible as `{{name}}` so the rule tester can catch them. */
export function fillMessage(template: string, data: TemplateData): string {
  return template.replaceAll(PLACEHOLDER, (whole, name: string) => {
    const value = data[name]
    return value === undefined ? whole : String(value)
  })
}

/** Fills a command for `shell`, or returns undefined when a value it needs is absent. */
export function fillCommand(template: string, data: TemplateData, shell: Shell): string | undefined {
  let complete = true
  const command = template.replaceAll(PLACEHOLDER, (_whole, name: string) => {
    const value = data[name]
    const quoted = value === undefined || value === '' ? undefined : quoteFor(shell, String(value))
    if (quoted === undefined) {
      complete = false
      return ''
    }

    return quoted
  })
  return complete ? command : undefined
}

export function placeholdersIn(template: string): string[] {
  return [...template.matchAll(PLACEHOLDER)].map((match) => match[1] ?? '')
}
