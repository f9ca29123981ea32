/**
 * `npm run lab -- up|down|status|scenario NAME|table`. Needs root and iproute2, nftables, arping,
 * curl and a built rsaudit (`npm run build`).
 */
import {must, run} from './exec.js'
import {labDown, labUp, listNamespaces} from './lifecycle.js'
import {runScenario, type ScenarioOutcome} from './run-scenario.js'
import {findScenario, SCENARIOS} from './scenarios.js'
import {renderTable} from './table.js'
import {allNamespaces, type LabNames, labNames} from './topology.js'

const USAGE = `usage: npm run lab -- up | down | status | scenario NAME | table
scenarios: ${SCENARIOS.map((scenario) => scenario.name).join(', ')}`

async function main(argv: string[]): Promise<number> {
  const names = labNames()
  const [command, argument] = argv
  switch (command) {
    case 'up':
      await labUp(names)
      console.log(`lab up: namespaces ${allNamespaces(names).join(', ')}`)
      return 0
    case 'down':
      await labDown(names)
      console.log('lab down')
      return 0
    case 'status':
      return status(names)
    case 'scenario': {
      const scenario = argument === undefined ? undefined : findScenario(argument)
      if (!scenario) return usage(argument === undefined ? 'scenario needs a NAME' : `no scenario "${argument}"`)
      const outcome = await runScenario(names, scenario)
      console.log(renderTable([outcome]))
      printFixes(outcome)
      console.log(`The lab is left in this scenario's state after the fixes; \`npm run lab -- down\` removes it.`)
      return outcome.before.disagreements.length === 0 ? 0 : 1
    }
    case 'table': {
      const outcomes: ScenarioOutcome[] = []
      for (const scenario of SCENARIOS) outcomes.push(await runScenario(names, scenario))
      await labDown(names)
      console.log(renderTable(outcomes))
      return outcomes.every((outcome) => outcome.before.disagreements.length === 0) ? 0 : 1
    }
    default:
      return usage(command === undefined ? 'no command' : `unknown command "${command}"`)
  }
}

async function status(names: LabNames): Promise<number> {
  const existing = new Set(await listNamespaces())
  const missing = allNamespaces(names).filter((ns) => !existing.has(ns))
  if (missing.length === allNamespaces(names).length) {
    console.log('lab is down')
    return 1
  }
  for (const ns of allNamespaces(names).filter((name) => existing.has(name))) {
    console.log(`== ${ns}`)
    console.log((await must(`addresses of ${ns}`, ['ip', '-n', ns, '-br', 'addr'])).trimEnd())
    const listeners = (await run(['ip', 'netns', 'exec', ns, 'ss', '-Hltn'])).stdout.trim()
    if (listeners) console.log(listeners)
  }
  if (missing.length > 0) console.log(`missing: ${missing.join(', ')}`)
  return missing.length === 0 ? 0 : 1
}

function printFixes(outcome: ScenarioOutcome): void {
  for (const fix of outcome.after?.fixes ?? []) console.log(`ran (exit ${fix.exitCode}): ${fix.command}${fix.output ? `\n  ${fix.output.replaceAll('\n', '\n  ')}` : ''}`)
}

function usage(problem: string): number {
  console.error(`${problem}\n${USAGE}`)
  return 2
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code
  },
  (error: unknown) => {
    console.error(`lab: ${error instanceof Error ? error.message : String(error)}`)
    process.exitCode = 2
  },
)
