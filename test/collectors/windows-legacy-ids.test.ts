/**
 * The ids rsaudit looks up for bindings and DNS registration on 2003 and 2008 are the ones the
 * collectors write (test/collectors/windows-command-ids.ts, which collect.cmd and collect.ps1
 * are checked against), with the same argv.
 */
import {describe, expect, it} from 'vitest'

import {LINKAGE_SERVICES, linkageCommand, WINDOWS_COMMANDS} from '../../src/collect/windows-commands.js'
import {WINDOWS_COMMAND_IDS} from './windows-command-ids.js'

const documented = (id: string): string | undefined => WINDOWS_COMMAND_IDS.find((c) => c.id === id)?.argv

describe('the legacy binding and DNS commands', () => {
  it('wmic-nicconfig', () => {
    expect(WINDOWS_COMMANDS.wmicNicConfig.argv.join(' ')).toBe(documented('wmic-nicconfig'))
  })

  it.each(LINKAGE_SERVICES)('reg-linkage for %s', (service) => {
    const spec = linkageCommand(service)
    expect(spec.argv.join(' ')).toBe(documented(spec.id))
  })

  it('every reg-linkage id the collectors write is one rsaudit reads', () => {
    const read = new Set(LINKAGE_SERVICES.map((service) => linkageCommand(service).id))
    expect(WINDOWS_COMMAND_IDS.filter((c) => c.id.startsWith('reg-linkage-')).map((c) => c.id).every((id) => read.has(id))).toBe(true)
  })
})
