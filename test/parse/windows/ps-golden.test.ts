/**
 * Golden fixtures of the PowerShell parsers: `fixtures/windows/ps-<scenario>/<id>.txt` with a
 * sibling `<id>.expected.json`, where `<id>` is a collect.ps1 command id (its JSON) or that id
 * with `-text` (a pasted Format-Table/Format-List; `-text-<variant>` for a second view of the
 * same host). Every scenario names its provenance in SOURCE.md.
 */
import {existsSync, readdirSync, readFileSync} from 'node:fs'
import {dirname, join} from 'node:path'
import {fileURLToPath} from 'node:url'

import {describe, expect, it} from 'vitest'

import {parseDnsClientJson, parseDnsClientText} from '../../../src/parse/windows/ps-dnsclient.js'
import {parseNetAdapterJson, parseNetAdapterText} from '../../../src/parse/windows/ps-netadapter.js'
import {parseNetAdapterBindingJson, parseNetAdapterBindingText} from '../../../src/parse/windows/ps-netadapterbinding.js'
import {parseNetConnectionProfileJson, parseNetConnectionProfileText} from '../../../src/parse/windows/ps-netconnectionprofile.js'
import {parseNetFirewallProfileJson, parseNetFirewallProfileText} from '../../../src/parse/windows/ps-netfirewallprofile.js'
import {parseNetFirewallRuleJson, parseNetFirewallRuleText} from '../../../src/parse/windows/ps-netfirewallrule.js'
import {parseNetIPAddressJson, parseNetIPAddressText} from '../../../src/parse/windows/ps-netipaddress.js'
import {parseNetIPInterfaceJson, parseNetIPInterfaceText} from '../../../src/parse/windows/ps-netipinterface.js'
import {parseNetRouteJson, parseNetRouteText} from '../../../src/parse/windows/ps-netroute.js'
import {parseNetTcpConnectionJson, parseNetTcpConnectionText} from '../../../src/parse/windows/ps-nettcpconnection.js'
import {parseOsJson, parseOsText} from '../../../src/parse/windows/ps-os.js'

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'fixtures', 'windows')

const PARSERS: Record<string, (text: string) => unknown> = {
  'ps-os': parseOsJson,
  'ps-os-text': parseOsText,
  'ps-netadapter': parseNetAdapterJson,
  'ps-netadapter-text': parseNetAdapterText,
  'ps-netipinterface': parseNetIPInterfaceJson,
  'ps-netipinterface-text': parseNetIPInterfaceText,
  'ps-netipaddress': parseNetIPAddressJson,
  'ps-netipaddress-text': parseNetIPAddressText,
  'ps-netroute': parseNetRouteJson,
  'ps-netroute-text': parseNetRouteText,
  'ps-netadapterbinding': parseNetAdapterBindingJson,
  'ps-netadapterbinding-text': parseNetAdapterBindingText,
  'ps-dnsclient': parseDnsClientJson,
  'ps-dnsclient-text': parseDnsClientText,
  'ps-netconnectionprofile': parseNetConnectionProfileJson,
  'ps-netconnectionprofile-text': parseNetConnectionProfileText,
  'ps-netfirewallprofile': parseNetFirewallProfileJson,
  'ps-netfirewallprofile-text': parseNetFirewallProfileText,
  'ps-netfirewallrule': parseNetFirewallRuleJson,
  'ps-netfirewallrule-text': parseNetFirewallRuleText,
  'ps-nettcpconnection-listen': parseNetTcpConnectionJson,
  'ps-nettcpconnection-listen-text': parseNetTcpConnectionText,
}

/**
 * Ids a real capture covers. No real ConvertTo-Json output of Get-NetAdapterBinding, Get-DnsClient
 * or Get-NetConnectionProfile was found, nor Get-DnsClient text: those have targeted tests only.
 */
const COVERED = [
  'ps-os', 'ps-os-text', 'ps-netadapter', 'ps-netadapter-text', 'ps-netipinterface', 'ps-netipinterface-text', 'ps-netipaddress',
  'ps-netipaddress-text', 'ps-netroute', 'ps-netroute-text', 'ps-netadapterbinding-text', 'ps-netconnectionprofile-text',
  'ps-netfirewallprofile', 'ps-netfirewallprofile-text', 'ps-netfirewallrule', 'ps-netfirewallrule-text',
  'ps-nettcpconnection-listen', 'ps-nettcpconnection-listen-text',
]

interface Golden {
  scenario: string
  id: string
  file: string
}

function goldens(): Golden[] {
  if (!existsSync(ROOT)) return []
  return readdirSync(ROOT, {withFileTypes: true})
    .filter((entry) => entry.isDirectory() && (entry.name.startsWith('ps-') || entry.name.startsWith('json-')))
    .flatMap((entry) =>
      readdirSync(join(ROOT, entry.name))
        .filter((name) => name.endsWith('.txt') && existsSync(join(ROOT, entry.name, name.replace(/\.txt$/, '.expected.json'))))
        .map((name) => {
          const base = name.replace(/\.txt$/, '')
          return {scenario: entry.name, id: PARSERS[base] ? base : base.replace(/-text-[\w-]+$/, '-text'), file: name}
        }),
    )
    .sort((a, b) => `${a.scenario}/${a.file}`.localeCompare(`${b.scenario}/${b.file}`))
}

describe('golden fixtures: PowerShell', () => {
  const all = goldens()

  it.each(COVERED)('has at least one fixture for %s', (id) => {
    expect(all.some((golden) => golden.id === id)).toBe(true)
  })

  for (const golden of all) {
    it(`${golden.scenario}/${golden.file}`, () => {
      const parse = PARSERS[golden.id]
      expect(parse, `no parser for ${golden.id}`).toBeDefined()
      expect(existsSync(join(ROOT, golden.scenario, 'SOURCE.md')), 'SOURCE.md records provenance').toBe(true)
      const dir = join(ROOT, golden.scenario)
      const expected: unknown = JSON.parse(readFileSync(join(dir, golden.file.replace(/\.txt$/, '.expected.json')), 'utf8'))
      expect(parse?.(readFileSync(join(dir, golden.file), 'utf8'))).toEqual(expected)
    })
  }
})
