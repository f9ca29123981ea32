/**
 * Reads the IIS 7+ site bindings out of applicationHost.config (`<system.applicationHost><sites>`),
 * and holds the two small pieces the other IIS parsers share: a strict reader for the XML that
 * IIS writes, and the `IP:port:host` binding-information splitter.
 *
 * No XML library: IIS writes plain XML (no DTD, no CDATA, no namespaces that matter here), so a
 * tokenizer that knows tags, attributes in any order with either quote, comments and processing
 * instructions reads all of it. Anything else (CDATA, DOCTYPE, a tag left open, a stray `<`) is
 * refused with a ParseError rather than guessed at.
 *
 * @example
 * parseApplicationHostSites(`<sites><site name="Default Web Site" id="1"><bindings>
 *   <binding protocol="http" bindingInformation="*:80:" />
 *   <binding bindingInformation='[2001:db8::10]:443:shop' protocol='https'/>
 * </bindings></site></sites>`)
 * // → [{site: 'Default Web Site', protocol: 'http', address: '*', port: 80},
 * //    {site: 'Default Web Site', protocol: 'https', address: '2001:db8::10', port: 443, host: 'shop'}]
 */
import type {IisBinding} from '../../facts/windows-model.js'
import {canonicalIp} from '../ip-address.js'
import {ParseError} from '../parse-error.js'

const FORMAT = 'applicationHost.config'

/** One start tag as the reader saw it. */
export interface XmlTag {
  name: string
  attributes: Readonly<Record<string, string>>
  /** 1-based line of the `<`. */
  line: number
}

const NAME = '[A-Za-z_][\\w.:-]*'
const START_TAG = new RegExp(`<(${NAME})((?:\\s+${NAME}\\s*=\\s*(?:"[^"<]*"|'[^'<]*'))*)\\s*(/?)>`, 'y')
const END_TAG = new RegExp(`</(${NAME})\\s*>`, 'y')
const ATTRIBUTE = new RegExp(`(${NAME})\\s*=\\s*(?:"([^"<]*)"|'([^'<]*)')`, 'g')
/** The five predefined entities; IIS writes nothing else but character references. */
const ENTITIES: Readonly<Record<string, string>> = {amp: '&', lt: '<', gt: '>', quot: '"', apos: "'"}

/**
 * Walks every start tag of an XML document, handing each to `visit` with its open ancestors
 * (outermost first). Throws ParseError, naming `format`, on anything it cannot read.
 */
export function readXmlTags(text: string, format: string, visit: (tag: XmlTag, ancestors: readonly XmlTag[]) => void): void {
  const open: XmlTag[] = []
  // Tags are visited in order, so line numbers are counted once, forward (a large file stays linear).
  let counted = 0
  let lineNo = 1
  const lineAt = (index: number): number => {
    for (; counted < index; counted++) if (text.charCodeAt(counted) === 10) lineNo++
    return lineNo
  }
  const fail = (reason: string, index: number): never => {
    throw new ParseError(format, reason, lineAt(index))
  }
  let i = text.indexOf('<')
  while (i >= 0) {
    if (text.startsWith('<!--', i)) i = skipPast(text, i, '-->', 'comment', fail)
    else if (text.startsWith('<?', i)) i = skipPast(text, i, '?>', 'processing instruction', fail)
    else if (text.startsWith('<!', i)) fail('CDATA sections and declarations are not supported', i)
    else if (text.startsWith('</', i)) i = closeTag(text, i, open, fail)
    else {
      START_TAG.lastIndex = i
      const match = START_TAG.exec(text)
      if (!match) fail(`unreadable tag ${JSON.stringify(text.slice(i, i + 40))}`, i)
      const [whole, name = '', attributeText = '', selfClosing] = match as RegExpExecArray
      const tag: XmlTag = {name, attributes: readAttributes(attributeText, (reason) => fail(reason, i)), line: lineAt(i)}
      visit(tag, open)
      if (selfClosing !== '/') open.push(tag)
      i += whole.length
    }
    i = text.indexOf('<', i)
  }
  const unclosed = open.at(-1)
  if (unclosed) throw new ParseError(format, `<${unclosed.name}> is never closed (truncated file?)`, unclosed.line)
}

function skipPast(text: string, from: number, terminator: string, what: string, fail: (r: string, i: number) => never): number {
  const end = text.indexOf(terminator, from)
  return end < 0 ? fail(`unterminated ${what}`, from) : end + terminator.length
}

function closeTag(text: string, from: number, open: XmlTag[], fail: (r: string, i: number) => never): number {
  END_TAG.lastIndex = from
  const match = END_TAG.exec(text)
  if (!match) return fail(`unreadable end tag ${JSON.stringify(text.slice(from, from + 40))}`, from)
  const expected = open.pop()
  if (expected?.name !== match[1]) fail(`</${match[1]}> does not close <${expected?.name ?? 'nothing'}>`, from)
  return from + match[0].length
}

function readAttributes(text: string, fail: (reason: string) => never): Record<string, string> {
  const attributes: Record<string, string> = {}
  for (const [, name = '', double, single] of text.matchAll(ATTRIBUTE)) {
    if (Object.hasOwn(attributes, name)) fail(`attribute ${name} given twice`)
    attributes[name] = decodeEntities(double ?? single ?? '', fail)
  }
  return attributes
}

function decodeEntities(value: string, fail: (reason: string) => never): string {
  return value.replace(/&([^;&\s]*);?/g, (whole, name: string) => {
    if (!whole.endsWith(';')) fail(`bare "&" in attribute value ${JSON.stringify(value)}`)
    const code = /^#x([0-9a-f]+)$/i.exec(name)?.[1] ?? /^#(\d+)$/.exec(name)?.[1]
    if (code !== undefined) return String.fromCodePoint(Number.parseInt(code, name.startsWith('#x') || name.startsWith('#X') ? 16 : 10))
    return ENTITIES[name] ?? fail(`unknown entity &${name};`)
  })
}

/**
 * Splits IIS binding information. Web and FTP bindings are `IP:port:host` (`*` or an empty IP
 * means All Unassigned; IPv6 in brackets); net.tcp is `port:host`. Protocols without a port
 * (net.pipe, net.msmq, msmq.formatname) give undefined: they are not TCP listeners.
 * @throws ParseError (naming `format`) when an http/https binding cannot be read.
 */
export function parseBindingInformation(
  site: string,
  protocol: string,
  information: string,
  format: string,
  line?: number,
): IisBinding | undefined {
  const web = /^(\[[^\]]*\]|[^:[\]]*):(\d+):([^:]*)$/.exec(information)
  const portAndHost = web ? undefined : /^(\d+):([^:]*)$/.exec(information)
  const [addressText = '', portText = '', hostText = ''] = web ? web.slice(1) : ['*', ...(portAndHost?.slice(1) ?? [])]
  const port = Number(portText)
  const address = bindingAddress(addressText)
  if ((!web && !portAndHost) || address === undefined || !/^\d+$/.test(portText) || port < 1 || port > 65535) {
    if (/^https?$/i.test(protocol)) {
      throw new ParseError(format, `binding ${protocol}/${JSON.stringify(information)} is not IP:port:host`, line)
    }
    return undefined
  }
  const binding: IisBinding = {site, protocol, address, port}
  if (hostText !== '' && hostText !== '*') binding.host = hostText
  return binding
}

/** `*` and `` (IIS Express writes `:8080:localhost`) both mean All Unassigned. */
function bindingAddress(text: string): string | undefined {
  if (text === '' || text === '*') return '*'
  return canonicalIp(text.startsWith('[') ? text.slice(1, -1) : text)
}

/** Every `<binding>` of every `<site>` under `<sites>`; bindings under `<siteDefaults>` are not a site's. */
export function parseApplicationHostSites(text: string): IisBinding[] {
  const bindings: IisBinding[] = []
  let sitesSeen = 0
  readXmlTags(text, FORMAT, (tag, ancestors) => {
    if (tag.name === 'sites') sitesSeen++
    const [sites, site, list] = ancestors.slice(-3)
    if (tag.name !== 'binding' || sites?.name !== 'sites' || site?.name !== 'site' || list?.name !== 'bindings') return
    const {protocol, bindingInformation} = tag.attributes
    const name = site.attributes.name
    if (name === undefined) throw new ParseError(FORMAT, '<site> without a name', site.line)
    if (protocol === undefined || bindingInformation === undefined) {
      throw new ParseError(FORMAT, '<binding> needs protocol and bindingInformation', tag.line)
    }
    const binding = parseBindingInformation(name, protocol, bindingInformation, FORMAT, tag.line)
    if (binding) bindings.push(binding)
  })
  if (sitesSeen === 0) throw new ParseError(FORMAT, 'no <sites> element')
  return bindings
}
