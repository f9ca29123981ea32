/**
 * Golden fixtures for the netsh parsers: every `fixtures/windows/netsh-<source>/<command-id>.txt`
 * with a sibling `.expected.json` must parse to it, each folder names its provenance in SOURCE.md,
 * and every command id below has at least one fixture. Command ids are those of
 * docs/bundle-format.md "Command ids (Windows)".
 */
import {existsSync, readdirSync, readFileSync} from 'node:fs'
import {join} from 'node:path'
import {fileURLToPath} from 'node:url'

import {describe, expect, it} from 'vitest'

import {parseNetshAddresses, parseNetshIpConfig} from '../../../src/parse/windows/netsh-addresses.js'
import {parseNetshAdvfirewallProfiles, parseNetshAdvfirewallRules} from '../../../src/parse/windows/netsh-advfirewall.js'
import {parseNetshFirewallPortopening, parseNetshFirewallState} from '../../../src/parse/windows/netsh-firewall-legacy.js'
import {parseNetshHttpIplisten} from '../../../src/parse/windows/netsh-http-iplisten.js'
import {parseNetshInterface} from '../../../src/parse/windows/netsh-interface.js'
import {parseNetshInterfaces} from '../../../src/parse/windows/netsh-interfaces.js'

const ROOT = fileURLToPath(new URL('../../../fixtures/windows/', import.meta.url))

/** Command id (a pattern for the per-index ids) → the parser of that command's output. */
const PARSERS: ReadonlyArray<readonly [RegExp, (text: string) => unknown]> = [
  [/^netsh-ipv4-interfaces$/, parseNetshInterfaces],
  [/^netsh-ipv6-interfaces$/, parseNetshInterfaces],
  [/^netsh-ipv4-interface-\d+$/, (text) => parseNetshInterface(text, 'inet')],
  [/^netsh-ipv4-addresses$/, parseNetshAddresses],
  [/^netsh-ip-config$/, parseNetshIpConfig],
  [/^netsh-advfirewall-profiles$/, parseNetshAdvfirewallProfiles],
  [/^netsh-advfirewall-rules-in$/, parseNetshAdvfirewallRules],
  [/^netsh-firewall-state$/, parseNetshFirewallState],
  [/^netsh-firewall-portopening$/, parseNetshFirewallPortopening],
  [/^netsh-http-iplisten$/, parseNetshHttpIplisten],
]

interface Golden {
  folder: string
  id: string
}

function discover(): Golden[] {
  return readdirSync(ROOT, {withFileTypes: true})
    .filter((entry) => entry.isDirectory() && entry.name.startsWith('netsh-'))
    .flatMap((entry) =>
      readdirSync(join(ROOT, entry.name))
        .filter((file) => file.endsWith('.expected.json'))
        .map((file) => ({folder: entry.name, id: file.slice(0, -'.expected.json'.length)})),
    )
    .sort((a, b) => `${a.folder}/${a.id}`.localeCompare(`${b.folder}/${b.id}`))
}

const goldens = discover()

describe('golden fixtures: fixtures/windows/netsh-*', () => {
  it.each(PARSERS.map(([pattern]) => [pattern.source]))('has at least one fixture for %s', (source) => {
    expect(goldens.some((golden) => new RegExp(source).test(golden.id))).toBe(true)
  })

  it('has SOURCE.md in every netsh-* folder', () => {
    const folders = readdirSync(ROOT).filter((name) => name.startsWith('netsh-'))
    expect(folders.filter((folder) => !existsSync(join(ROOT, folder, 'SOURCE.md')))).toEqual([])
  })

  it.each(goldens.map((golden) => [`${golden.folder}/${golden.id}`, golden]))('%s', (_name, golden) => {
    const parse = PARSERS.find(([pattern]) => pattern.test(golden.id))?.[1]
    expect(parse, `no parser for command id ${golden.id}`).toBeDefined()
    const raw = readFileSync(join(ROOT, golden.folder, `${golden.id}.txt`), 'utf8')
    const expected: unknown = JSON.parse(readFileSync(join(ROOT, golden.folder, `${golden.id}.expected.json`), 'utf8'))
    expect(parse?.(raw)).toEqual(expected)
    // The same capture as collect.ps1 stores it (CRLF) must parse the same.
    expect(parse?.(raw.replace(/\n/g, '\r\n'))).toEqual(expected)
  })
})
