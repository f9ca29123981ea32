/**
 * Parses Win32_OperatingSystem into `WindowsOs`: collect.ps1's `ps-os` JSON
 * (`[{"Caption": ..., "Version": "10.0.17763", "BuildNumber": "17763", ...}]`, BuildNumber a
 * string as WMI has it) and pasted Get-CimInstance / Get-WmiObject Format-List or Format-Table
 * output.
 *
 * The default view (`SystemDirectory Organization BuildNumber RegisteredUser SerialNumber
 * Version`) has no Caption: `caption` is '' then. WMI pads some captions with a trailing space;
 * it is trimmed. `build` falls back to the third part of Version.
 *
 * `Get-ComputerInfo | ConvertTo-Json`, which customers also hand over, names the same three
 * Win32_OperatingSystem values OsName, OsVersion and OsBuildNumber. Run where it cannot read WMI
 * it leaves every Os* property null (and WindowsBuildLabEx has no major.minor): that throws, no
 * version is made up from WindowsCurrentVersion, which stays "6.3" on Windows 10 and later.
 *
 * @example
 * parseOsText('SystemDirectory : C:\\Windows\\system32\nOrganization    :\nBuildNumber     : 17763\n' +
 *   'RegisteredUser  : Windows User\nSerialNumber    : 00429-90000-00001-AA056\nVersion         : 10.0.17763\n')
 * // → {caption: '', version: '10.0.17763', build: 17763}
 */
import type {WindowsOs} from '../../facts/windows-model.js'
import {ParseError} from '../parse-error.js'
import {
  cmdletParsers,
  compact,
  type Fields,
  looksLikeText,
  optionalInteger,
  required,
  requiredText,
} from './ps-shared.js'

const TEXT_FORMAT = 'Get-CimInstance Win32_OperatingSystem'
const PARSERS = cmdletParsers(TEXT_FORMAT, toOs, 'Win32_OperatingSystem | ConvertTo-Json')

/** collect.ps1's `ps-os`: a one-element array (or one object) of Win32_OperatingSystem properties. */
export function parseOsJson(text: string): WindowsOs {
  return only(PARSERS.json(text), 'Win32_OperatingSystem | ConvertTo-Json')
}

/** A pasted Get-CimInstance / Get-WmiObject Win32_OperatingSystem, list or table. */
export function parseOsText(text: string): WindowsOs {
  return only(PARSERS.text(text), TEXT_FORMAT)
}

/** Does this text open Win32_OperatingSystem's default list view, or a selection with Caption and Version? */
export function looksLikeOsText(text: string): boolean {
  return looksLikeText(text, ['BuildNumber', 'Version'], ['SystemDirectory', 'BuildNumber']) ||
    looksLikeText(text, ['Caption', 'Version'], ['Caption', 'Version'])
}

function only(items: WindowsOs[], format: string): WindowsOs {
  if (items.length !== 1) throw new ParseError(format, `expected one operating system, found ${items.length}`)
  return items[0] as WindowsOs
}

function toOs(fields: Fields, format: string): WindowsOs {
  const version = required(requiredText(fields, format, 'Version', 'OsVersion'), fields, format, 'Version')
  const parts = /^(\d+)\.(\d+)\.(\d+)$/.exec(version)
  if (parts === null) throw new ParseError(format, `${fields.where}: Version ${JSON.stringify(version)} is not major.minor.build`, fields.line)
  return compact({
    caption: requiredText(fields, format, 'Caption', 'OsName'),
    version,
    build: optionalInteger(fields, format, 'BuildNumber', 'OsBuildNumber') ?? Number(parts[3]),
  })
}
