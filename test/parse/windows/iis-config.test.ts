import {existsSync, readFileSync} from 'node:fs'

import {describe, expect, it} from 'vitest'

import {ParseError} from '../../../src/parse/parse-error.js'
import {parseApplicationHostSites, parseBindingInformation} from '../../../src/parse/windows/iis-config.js'

const ROOT = new URL('../../../fixtures/windows/', import.meta.url)
const read = (path: string): string => readFileSync(new URL(path, ROOT), 'utf8')
const CONFIG = 'files/C/Windows/System32/inetsrv/config/applicationHost.config'

const sites = (bindings: string): string =>
  `<configuration>\n  <system.applicationHost>\n    <sites>\n      <site name="S" id="1">\n        <bindings>\n${bindings}\n        </bindings>\n      </site>\n    </sites>\n  </system.applicationHost>\n</configuration>\n`

describe('parseApplicationHostSites', () => {
  it.each(['misc-iisexpress-vs-sites', 'misc-iis7-railo-vhost-copier'])('golden fixture %s (with SOURCE.md)', (dir) => {
    expect(existsSync(new URL(`${dir}/SOURCE.md`, ROOT))).toBe(true)
    expect(parseApplicationHostSites(read(`${dir}/${CONFIG}`))).toEqual(JSON.parse(read(`${dir}/applicationHost.config.expected.json`)))
  })

  it('reads attributes in any order, either quote, entities, comments and CRLF', () => {
    const text = sites(`<!-- <binding protocol="http" bindingInformation="*:81:" /> -->
          <binding bindingInformation='192.0.2.10:80:shop&amp;co' protocol='http'/>
          <binding protocol = "https" bindingInformation="[2001:DB8::10]:443:" sslFlags="0" />
          <binding protocol="net.tcp" bindingInformation="808:*" />
          <binding protocol="net.pipe" bindingInformation="*" />`).replace(/\n/g, '\r\n')
    expect(parseApplicationHostSites(text)).toEqual([
      {site: 'S', protocol: 'http', address: '192.0.2.10', port: 80, host: 'shop&co'},
      {site: 'S', protocol: 'https', address: '2001:db8::10', port: 443},
      {site: 'S', protocol: 'net.tcp', address: '*', port: 808},
    ])
  })

  it('ignores bindings outside a <site>, such as <siteDefaults>', () => {
    const text = '<sites><siteDefaults><bindings><binding protocol="http" bindingInformation="127.0.0.1:8080:" /></bindings></siteDefaults></sites>'
    expect(parseApplicationHostSites(text)).toEqual([])
  })

  it.each([
    ['no <sites>', '<configuration><system.webServer /></configuration>'],
    ['a CDATA section', sites('<![CDATA[ <binding/> ]]>')],
    ['a DOCTYPE', `<!DOCTYPE x>${sites('')}`],
    ['a tag left open (truncated file)', '<configuration><sites><site name="S">'],
    ['mismatched end tags', '<sites><site name="S"></sites></site>'],
    ['an unterminated comment', `${sites('')}<!-- `],
    ['an unknown entity', sites('<binding protocol="http" bindingInformation="*:80:&nbsp;" />')],
    ['a bare ampersand', sites('<binding protocol="http" bindingInformation="*:80:a&b" />')],
    ['a duplicated attribute', sites('<binding protocol="http" protocol="https" bindingInformation="*:80:" />')],
    ['an unquoted attribute', sites('<binding protocol=http bindingInformation="*:80:" />')],
    ['a binding without bindingInformation', sites('<binding protocol="http" />')],
    ['a site without a name', '<sites><site id="1"><bindings><binding protocol="http" bindingInformation="*:80:" /></bindings></site></sites>'],
    ['an http binding that is not IP:port:host', sites('<binding protocol="http" bindingInformation="10.0.0.300:80:" />')],
    ['a port out of range', sites('<binding protocol="https" bindingInformation="*:70000:" />')],
  ])('refuses %s', (_, text) => {
    expect(() => parseApplicationHostSites(text)).toThrow(ParseError)
  })
})

describe('parseBindingInformation', () => {
  it.each([
    ['*:80:', {address: '*', port: 80}],
    [':8080:localhost', {address: '*', port: 8080, host: 'localhost'}],
    ['192.0.2.10:443:www.example.com', {address: '192.0.2.10', port: 443, host: 'www.example.com'}],
    ['[::]:80:', {address: '::', port: 80}],
  ])('reads %s', (information, expected) => {
    expect(parseBindingInformation('S', 'http', information, 'test')).toEqual({site: 'S', protocol: 'http', ...expected})
  })

  it('gives undefined for a port-less non-web protocol and throws for a broken web binding', () => {
    expect(parseBindingInformation('S', 'net.msmq', 'localhost', 'test')).toBeUndefined()
    expect(() => parseBindingInformation('S', 'https', 'localhost', 'test')).toThrow(ParseError)
  })
})
