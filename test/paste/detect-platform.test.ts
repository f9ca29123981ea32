/**
 * The platform of a paste: the platform of most recognized sections; without any, Windows when
 * Windows prompts, commands or output headers are in the ignored blocks, unknown otherwise.
 */
import {describe, expect, it} from 'vitest'

import {detectPlatform} from '../../src/paste/detect-platform.js'
import {readPaste} from '../../src/paste/split.js'
import {pasteFixture} from './paste-fixtures.js'

const platformOf = (text: string) => {
  const {sections, ignored} = readPaste(text)
  return detectPlatform(sections, ignored)
}

describe('detectPlatform', () => {
  it.each(['ticket-mixed-prose', 'no-prompts', 'crlf-trailing-spaces', 'ip-json-and-route-table-all', 'router-sysctl-stderr-ecmp', 'ss-echo-and-banner'])(
    '%s is linux',
    (name) => {
      expect(platformOf(pasteFixture(name))).toBe('linux')
    },
  )

  it.each(['windows-ipconfig-netsh', 'windows-2008-cmd-ticket', 'windows-powershell-ticket', 'windows-zh-cn-ticket', 'windows-crlf-no-prompts'])('%s is windows', (name) => {
    const {sections} = readPaste(pasteFixture(name))
    expect(sections.length).toBeGreaterThan(0)
    expect(detectPlatform(sections)).toBe('windows')
  })

  it('prose is unknown', () => {
    expect(platformOf(pasteFixture('prose-only'))).toBe('unknown')
    expect(platformOf('')).toBe('unknown')
  })

  it.each([
    'C:\\> netsh interface ipv4 show interface 12',
    'PS C:\\> Get-NetIPInterface',
    'C:\\Users\\analyst>route print',
    'Windows IP Configuration\n\n   Host Name . . . . . . . . . . . . : WEB01',
    'Idx     Met         MTU          State                Name\n---  ----------  ----------  ------------  ----',
    'Interface vEthernet (WSL) Parameters\n----------------------------------------------\nIfLuid                             : ethernet_32775',
    'We ran ipconfig /all on the server, see attached.',
  ])('%j is windows', (text) => {
    expect(platformOf(text)).toBe('windows')
  })

  it('lets recognized Linux output outweigh a mention of Windows tools', () => {
    expect(platformOf(`${pasteFixture('crlf-trailing-spaces')}\n\nOur clients run ipconfig on Windows 10.`)).toBe('linux')
  })

  it('counts only what no section claimed when deciding windows from markers', () => {
    expect(detectPlatform([], [])).toBe('unknown')
    expect(detectPlatform([], [{startLine: 1, endLine: 1, preview: 'PS C:\\> ipconfig', text: 'PS C:\\> ipconfig'}])).toBe('windows')
  })
})
