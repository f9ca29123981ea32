import {existsSync, readFileSync} from 'node:fs'

import {describe, expect, it} from 'vitest'

import {ParseError} from '../../../src/parse/parse-error.js'
import {parseIis6Metabase} from '../../../src/parse/windows/iis6-metabase.js'

const ROOT = new URL('../../../fixtures/windows/', import.meta.url)
const read = (path: string): string => readFileSync(new URL(path, ROOT), 'utf8')
const DIR = 'misc-iis6-mshsca13-metabase'

/**
 * The IIsWebServer element quoted in IISConfigManager.cfc (see misc-iis7-railo-vhost-copier/SOURCE.md):
 * bindings on two lines, the second indented with tabs. The quote ends at the start tag, so the
 * closing tag is added here.
 */
const AWSTATS = '<IIsWebServer\tLocation ="/LM/W3SVC/1551821403"\n\t\tServerBindings=":80:awstats.site.com\n\t\t\t:80:awstats.site.nl"\n\t\tServerComment="awstats.site.com">'

describe('parseIis6Metabase', () => {
  it('golden fixture (with SOURCE.md)', () => {
    expect(existsSync(new URL(`${DIR}/SOURCE.md`, ROOT))).toBe(true)
    expect(parseIis6Metabase(read(`${DIR}/files/C/Windows/System32/inetsrv/MetaBase.xml`))).toEqual(JSON.parse(read(`${DIR}/MetaBase.xml.expected.json`)))
  })

  it('reads bindings separated by line breaks and tabs', () => {
    expect(parseIis6Metabase(`${AWSTATS}</IIsWebServer>`)).toEqual([
      {site: 'awstats.site.com', protocol: 'http', address: '*', port: 80, host: 'awstats.site.com'},
      {site: 'awstats.site.com', protocol: 'http', address: '*', port: 80, host: 'awstats.site.nl'},
    ])
  })

  it('reads &#10;-separated bindings, specific IPs, the Location when there is no ServerComment, and a whole file', () => {
    const text = `<?xml version ="1.0"?>\r\n<configuration xmlns="urn:microsoft-catalog:XML_Metabase_V64_0">\r\n<MBProperty>\r\n<!-- site 1 -->\r\n<IIsWebServer Location ="/LM/W3SVC/1" ServerBindings="192.168.1.5:80:&#10;:8080:" >\r\n</IIsWebServer>\r\n<IIsWebServer Location ="/LM/W3SVC/2" ServerComment='Admin' ServerBindings=":8099:" />\r\n</MBProperty>\r\n</configuration>\r\n`
    expect(parseIis6Metabase(text)).toEqual([
      {site: '/LM/W3SVC/1', protocol: 'http', address: '192.168.1.5', port: 80},
      {site: '/LM/W3SVC/1', protocol: 'http', address: '*', port: 8080},
      {site: 'Admin', protocol: 'http', address: '*', port: 8099},
    ])
  })

  it.each([
    ['the truncated quote as it stands (start tag never closed)', AWSTATS],
    ['no IIsWebServer at all', '<configuration><MBProperty></MBProperty></configuration>'],
    ['a binding that is not IP:port:host', '<IIsWebServer Location="/LM/W3SVC/1" ServerBindings="www.example.com"/>'],
    ['an IIsWebServer without name or location', '<IIsWebServer ServerBindings=":80:"/>'],
  ])('refuses %s', (_, text) => {
    expect(() => parseIis6Metabase(text)).toThrow(ParseError)
  })
})
