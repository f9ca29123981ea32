/** Turns a failing result's data into ready-to-paste commands, per shell and per phase. */
import {fillCommand, type TemplateData} from './interpolate.js'
import {type CommandTemplates, type PerShell, type Remediation, type Rule, SHELLS} from './types.js'

export function renderRemediation(rule: Rule, data: TemplateData): Remediation[] {
  const phases: Array<[PerShell | undefined, boolean]> = [
    [rule.remediation?.runtime, false],
    [rule.remediation?.persistent, true],
  ]
  const result: Remediation[] = []
  for (const [perShell, persistent] of phases) {
    for (const shell of SHELLS) {
      const templates = chooseTemplates(perShell?.[shell], data)
      const commands = templates.map((template) => fillCommand(template, data, shell)).filter((c): c is string => c !== undefined)
      if (commands.length > 0) result.push({shell, commands, persistent})
    }
  }

  return result
}

function chooseTemplates(templates: CommandTemplates | undefined, data: TemplateData): string[] {
  if (templates === undefined) return []
  if (Array.isArray(templates)) return templates
  const key = data[templates.by]
  return key === undefined ? [] : (templates.cases[String(key)] ?? [])
}
