/**
 * Parses `%windir%\system32\inetsrv\appcmd.exe list site` (IIS 7 and later): one line per site,
 * the name quoted (it may hold spaces, commas, parentheses and any script), then
 * `(id:N,bindings:proto/info,proto/info,...,state:S)`. appcmd prints the same English keys on
 * every Windows language, so no table is needed.
 *
 * @example
 * parseAppcmdSites('SITE "Default Web Site" (id:1,bindings:http/*:80:,https/*:443:,state:Started)')
 * // → [{site: 'Default Web Site', protocol: 'http', address: '*', port: 80},
 * //    {site: 'Default Web Site', protocol: 'https', address: '*', port: 443}]
 */
import type {IisBinding} from '../../facts/windows-model.js'
import {ParseError, splitLines} from '../parse-error.js'
import {parseBindingInformation} from './iis-config.js'

const FORMAT = 'appcmd list site'
/** The name runs to the last `" (`; the bindings run to the last `,state:`, since bindings hold commas. */
const SITE_LINE = /^SITE\s+"(.*)"\s+\(id:(\d+),bindings:(.*),state:([^,()]*)\)$/

export function parseAppcmdSites(text: string): IisBinding[] {
  const bindings: IisBinding[] = []
  for (const [i, raw] of splitLines(text).entries()) {
    const line = raw.trim()
    if (line === '') continue
    const match = SITE_LINE.exec(line)
    if (!match) throw new ParseError(FORMAT, `expected SITE "name" (id:N,bindings:...,state:...), found ${JSON.stringify(line)}`, i + 1)
    const [, site = '', , list = ''] = match
    for (const entry of list === '' ? [] : list.split(',')) {
      const slash = entry.indexOf('/')
      if (slash <= 0) throw new ParseError(FORMAT, `binding ${JSON.stringify(entry)} has no protocol/`, i + 1)
      const binding = parseBindingInformation(site, entry.slice(0, slash), entry.slice(slash + 1), FORMAT, i + 1)
      if (binding) bindings.push(binding)
    }
  }
  return bindings
}

/** A cheap guess for pasted text: does its first line look like appcmd's SITE listing? */
export function looksLikeAppcmdSites(text: string): boolean {
  const first = splitLines(text).find((line) => line.trim() !== '')?.trim() ?? ''
  return SITE_LINE.test(first)
}
