/**
 * Golden fixtures for the Solaris, FreeBSD and macOS parsers: every
 * `fixtures/{solaris,freebsd,darwin}/<scenario>/<command-id>.txt` with a sibling `.expected.json`
 * must parse to it, each folder names its provenance in SOURCE.md, and every command id below has
 * at least one fixture. The ids are those of docs/bundle-format.md "Command ids (Solaris, FreeBSD, macOS)".
 */
import {existsSync, readdirSync, readFileSync} from 'node:fs'
import {join} from 'node:path'
import {fileURLToPath} from 'node:url'

import {describe, expect, it} from 'vitest'

import {parseHostsFile} from '../../../src/parse/unix/hosts-file.js'
import {parseIfconfigBsd} from '../../../src/parse/unix/ifconfig-bsd.js'
import {parseIfconfigSolaris} from '../../../src/parse/unix/ifconfig-solaris.js'
import {parseIpadmShowAddr} from '../../../src/parse/unix/ipadm-show-addr.js'
import {parseIpadmShowProp} from '../../../src/parse/unix/ipadm-show-prop.js'
import {parseLaunchdPlist} from '../../../src/parse/unix/launchd-plist.js'
import {parseRcConf} from '../../../src/parse/unix/rc-conf.js'
import {parseSolarisHostnameFile} from '../../../src/parse/unix/solaris-hostname-file.js'
import {parseSysctlBsd} from '../../../src/parse/unix/sysctl-bsd.js'

const ROOT = fileURLToPath(new URL('../../../fixtures/', import.meta.url))
const PLATFORMS = ['solaris', 'freebsd', 'darwin'] as const

/** Parser by platform and command id; `ifconfig-lo0` is the same format as `ifconfig-a`. */
const PARSERS: Record<(typeof PLATFORMS)[number], Record<string, (text: string) => unknown>> = {
  solaris: {
    'ifconfig-a': parseIfconfigSolaris,
    'ipadm-show-addr': parseIpadmShowAddr,
    'ipadm-show-prop': parseIpadmShowProp,
    'hostname-file': parseSolarisHostnameFile,
    hosts: (text) => Object.fromEntries(parseHostsFile(text)),
  },
  // No real FreeBSD sysctl capture was found; the format is macOS's too (sysctl-bsd.test.ts).
  freebsd: {'ifconfig-a': parseIfconfigBsd, 'rc-conf': parseRcConf},
  darwin: {'ifconfig-a': parseIfconfigBsd, 'ifconfig-lo0': parseIfconfigBsd, 'sysctl-net-inet-ip': parseSysctlBsd, 'launchd-plist': parseLaunchdPlist},
}

interface Golden {
  platform: (typeof PLATFORMS)[number]
  folder: string
  id: string
}

function discover(): Golden[] {
  return PLATFORMS.flatMap((platform) => {
    const root = join(ROOT, platform)
    if (!existsSync(root)) return []
    return readdirSync(root, {withFileTypes: true})
      .filter((entry) => entry.isDirectory())
      .flatMap((entry) =>
        readdirSync(join(root, entry.name))
          .filter((file) => file.endsWith('.expected.json'))
          .map((file) => ({platform, folder: entry.name, id: file.slice(0, -'.expected.json'.length)})),
      )
  })
}

const goldens = discover()

describe.each(PLATFORMS.flatMap((platform) => Object.keys(PARSERS[platform]).map((id) => [platform, id] as const)))('%s %s', (platform, id) => {
  it('has at least one golden fixture', () => {
    expect(goldens.filter((g) => g.platform === platform && g.id === id).length).toBeGreaterThan(0)
  })
})

describe.each(goldens.map((g) => [`${g.platform}/${g.folder}/${g.id}`, g] as const))('%s', (_name, golden) => {
  const folder = join(ROOT, golden.platform, golden.folder)

  it('names its provenance and parses to its expectation', () => {
    expect(existsSync(join(folder, 'SOURCE.md')), 'SOURCE.md records provenance').toBe(true)
    const parse = PARSERS[golden.platform][golden.id]
    expect(parse, `no parser for ${golden.platform} ${golden.id}`).toBeDefined()
    const expected: unknown = JSON.parse(readFileSync(join(folder, `${golden.id}.expected.json`), 'utf8'))
    expect(parse?.(readFileSync(join(folder, `${golden.id}.txt`), 'utf8'))).toEqual(expected)
  })
})
