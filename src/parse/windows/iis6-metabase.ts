/**
 * Reads the site bindings of IIS 6 (Windows Server 2003) out of MetaBase.xml. Each web site is an
 * `<IIsWebServer Location="/LM/W3SVC/N" ServerComment="name" ServerBindings="..." SecureBindings="...">`
 * element; a bindings value holds `IP:port:host` entries separated by whitespace (the file writes
 * them on separate lines, or as `&#10;`). An empty IP means All Unassigned.
 *
 * ServerBindings are http, SecureBindings https (IIS 6 has no other web protocol). The site name is
 * the ServerComment, as IIS Manager shows it, or the metabase Location when there is none.
 *
 * @example
 * parseIis6Metabase('<IIsWebServer Location ="/LM/W3SVC/1" ServerComment="Default Web Site"
 *   ServerBindings="192.168.1.5:80:&#10;:80:www.example.com"></IIsWebServer>')
 * // → [{site: 'Default Web Site', protocol: 'http', address: '192.168.1.5', port: 80},
 * //    {site: 'Default Web Site', protocol: 'http', address: '*', port: 80, host: 'www.example.com'}]
 */
import type {IisBinding} from '../../facts/windows-model.js'
import {ParseError} from '../parse-error.js'
import {parseBindingInformation, readXmlTags} from './iis-config.js'

const FORMAT = 'MetaBase.xml'
const PROTOCOL_BY_ATTRIBUTE = [
  ['ServerBindings', 'http'],
  ['SecureBindings', 'https'],
] as const

export function parseIis6Metabase(text: string): IisBinding[] {
  const bindings: IisBinding[] = []
  let servers = 0
  readXmlTags(text, FORMAT, (tag) => {
    if (tag.name !== 'IIsWebServer') return
    servers++
    const site = tag.attributes.ServerComment ?? tag.attributes.Location
    if (site === undefined) throw new ParseError(FORMAT, '<IIsWebServer> without ServerComment or Location', tag.line)
    for (const [attribute, protocol] of PROTOCOL_BY_ATTRIBUTE) {
      for (const entry of (tag.attributes[attribute] ?? '').split(/\s+/).filter(Boolean)) {
        const binding = parseBindingInformation(site, protocol, entry, FORMAT, tag.line)
        if (binding) bindings.push(binding)
      }
    }
  })
  if (servers === 0) throw new ParseError(FORMAT, 'no <IIsWebServer> element')
  return bindings
}
