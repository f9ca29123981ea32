import {existsSync, readdirSync, readFileSync} from 'node:fs'

import {describe, expect, it} from 'vitest'

import {ParseError} from '../../../src/parse/parse-error.js'
import {looksLikeAppcmdSites, parseAppcmdSites} from '../../../src/parse/windows/appcmd-sites.js'

const ROOT = new URL('../../../fixtures/windows/', import.meta.url)
const read = (path: string): string => readFileSync(new URL(path, ROOT), 'utf8')
const goldens = readdirSync(ROOT).filter((dir) => dir.startsWith('misc-') && existsSync(new URL(`${dir}/appcmd-list-site.expected.json`, ROOT)))

describe('parseAppcmdSites', () => {
  it.each(goldens)('golden fixture %s (with SOURCE.md)', (dir) => {
    expect(existsSync(new URL(`${dir}/SOURCE.md`, ROOT))).toBe(true)
    expect(parseAppcmdSites(read(`${dir}/appcmd-list-site.txt`))).toEqual(JSON.parse(read(`${dir}/appcmd-list-site.expected.json`)))
  })

  it('reads names with spaces, commas, quotes and parentheses, CRLF and padding', () => {
    const text = '  SITE "Shop, EU (new) \\"beta\\"" (id:3,bindings:http/10.0.0.5:80:,state:Stopped)  \r\n'
    expect(parseAppcmdSites(text)).toEqual([{site: 'Shop, EU (new) \\"beta\\"', protocol: 'http', address: '10.0.0.5', port: 80}])
  })

  it('reads IPv6 bindings, keeps net.tcp with its port and skips port-less protocols', () => {
    const text = 'SITE "Default Web Site" (id:1,bindings:http/[2001:DB8::10]:80:,net.tcp/808:*,net.pipe/*,net.msmq/localhost,msmq.formatname/localhost,state:Started)'
    expect(parseAppcmdSites(text)).toEqual([
      {site: 'Default Web Site', protocol: 'http', address: '2001:db8::10', port: 80},
      {site: 'Default Web Site', protocol: 'net.tcp', address: '*', port: 808},
    ])
  })

  it('reads a site without bindings and empty output', () => {
    expect(parseAppcmdSites('SITE "Empty" (id:9,bindings:,state:Unknown)')).toEqual([])
    expect(parseAppcmdSites('')).toEqual([])
  })

  it.each([
    ['a fragment without SITE "name" (real line 2 of the sample)', 'id:6,bindings:http/10.244.160.64:80:,https/10.244.160.64:443:,state:Started'],
    ['an http binding that is not IP:port:host', 'SITE "A" (id:1,bindings:http/10.0.0.5:eighty:,state:Started)'],
    ['a binding without protocol', 'SITE "A" (id:1,bindings:*:80:,state:Started)'],
    ['an APPPOOL listing', 'APPPOOL "DefaultAppPool" (MgdVersion:v4.0,MgdMode:Integrated,state:Started)'],
  ])('refuses %s', (_, text) => {
    expect(() => parseAppcmdSites(text)).toThrow(ParseError)
  })

  it('detects appcmd list site output', () => {
    expect(looksLikeAppcmdSites(read('misc-iis-appcmd-zh-tw-sites/appcmd-list-site.txt'))).toBe(true)
    expect(looksLikeAppcmdSites('APPPOOL "DefaultAppPool" (MgdVersion:v4.0,state:Started)')).toBe(false)
  })
})
