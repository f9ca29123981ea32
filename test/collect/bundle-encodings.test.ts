/**
 * Bundle encodings: what Windows collectors and redirections really write must audit the same
 * as UTF-8. A bundle collected here is re-encoded as UTF-16LE with a BOM and CRLF line endings
 * (PowerShell's `>`), and a file in an OEM code page is decoded through the manifest's encoding.
 */
import {cp, mkdtemp, readFile, rm, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import {join} from 'node:path'

import {afterAll, beforeAll, describe, expect, it} from 'vitest'

import {BundleSource} from '../../src/collect/bundle/bundle-source.js'
import type {BundleManifest} from '../../src/collect/bundle/manifest.js'
import {CP850_HIGH} from '../../src/collect/code-pages.js'
import type {Report} from '../../src/engine/types.js'
import {runCli} from '../helpers/run-cli.js'

let dir: string
let utf8Bundle: string

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'rsaudit-encodings-'))
  utf8Bundle = join(dir, 'utf8')
  const collected = await runCli(['collect', '--out', utf8Bundle])
  expect(collected.exitCode, collected.stderr).toBe(0)
})

afterAll(async () => {
  await rm(dir, {recursive: true, force: true})
})

function toUtf16WithBomAndCrlf(text: string): Buffer {
  return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text.replaceAll(/\r?\n/g, '\r\n'), 'utf16le')])
}

function outcomes(report: Report): string[] {
  return report.results.map((r) => `${r.ruleId} ${r.subject} ${r.outcome}`)
}

describe('a UTF-16LE bundle with CRLF line endings', () => {
  it('audits exactly like the UTF-8 original', async () => {
    const utf16Bundle = join(dir, 'utf16')
    await cp(utf8Bundle, utf16Bundle, {recursive: true})
    const manifest = JSON.parse(await readFile(join(utf16Bundle, 'bundle.json'), 'utf8')) as BundleManifest
    const texts = [...manifest.commands.flatMap((c) => [c.stdout, c.stderr]), ...manifest.files.map((f) => f.copy)].filter((name): name is string => name !== undefined)
    expect(texts.length).toBeGreaterThan(10)
    for (const name of texts) {
      const path = join(utf16Bundle, name)
      await writeFile(path, toUtf16WithBomAndCrlf(await readFile(path, 'utf8')))
    }

    await writeFile(join(utf16Bundle, 'bundle.json'), JSON.stringify({...manifest, encoding: 'utf-16le'}))
    const original = JSON.parse((await runCli(['audit', '--json', '--from', utf8Bundle])).stdout) as Report
    const reencoded = JSON.parse((await runCli(['audit', '--json', '--from', utf16Bundle])).stdout) as Report
    expect(outcomes(reencoded)).toEqual(outcomes(original))
  })
})

describe('a file in an OEM code page', () => {
  it('is decoded through the encoding bundle.json declares', async () => {
    const text = '# Übergangslösung für den Loadbalancer\r\nnet.ipv4.conf.all.arp_ignore = 1\r\n'
    const bytes = Buffer.from([...text].map((char) => (char.charCodeAt(0) < 128 ? char.charCodeAt(0) : 128 + CP850_HIGH.indexOf(char.charCodeAt(0)))))
    expect(bytes.includes(0xff)).toBe(false)
    const manifest = {
      format: 'rsaudit-bundle', formatVersion: 1, platform: 'linux', hostname: 'rs1', os: {distro: 'x', release: '1', kernel: '6.1.0'},
      collectedAt: '2026-11-26T00:00:00Z', collector: {name: 'test', version: '0'}, privileged: true, encoding: 'cp850',
      commands: [], files: [{path: '/etc/sysctl.d/90-lb.conf', copy: 'files/etc/sysctl.d/90-lb.conf'}], dirs: [],
    } as unknown as BundleManifest
    const source = new BundleSource('test', manifest, new Map([['files/etc/sysctl.d/90-lb.conf', bytes]]))
    await expect(source.readFile('/etc/sysctl.d/90-lb.conf')).resolves.toMatchObject({content: text})
  })
})
