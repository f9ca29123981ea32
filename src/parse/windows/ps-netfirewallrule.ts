/**
 * Parses firewall rules into `WinFirewallRule[]`: collect.ps1's JSON (Get-NetFirewallRule joined
 * to each rule's port and address filter, enums written as names: `"Enabled": "True"`,
 * `"Profile": "Domain, Private"`, `"LocalPort": ["80"]`), the same with numbers (Enabled 1 True /
 * 2 False, Direction 1 Inbound / 2 Outbound, Action 2 Allow / 3 AllowBypass / 4 Block, Profile bit
 * flags 1 Domain, 2 Private, 4 Public, 0 Any), and pasted Format-List (the default view) or
 * Format-Table output of Get-NetFirewallRule.
 *
 * Get-NetFirewallRule's own views show no port or address: `localPorts` and `localAddresses`
 * are [] then, and `protocol` undefined. AllowBypass (IPsec) counts as Allow.
 *
 * @example
 * parseNetFirewallRuleJson('[{"Name": "WINRM-HTTP-In-TCP", "DisplayName": "Windows Remote Management (HTTP-In)",' +
 *   ' "Enabled": "True", "Direction": "Inbound", "Action": "Allow", "Profile": "Public", "Protocol": "TCP",' +
 *   ' "LocalPort": ["5985"], "LocalAddress": ["Any"]}]')
 * // → [{name: 'WINRM-HTTP-In-TCP', displayName: 'Windows Remote Management (HTTP-In)', enabled: true,
 * //     direction: 'Inbound', action: 'Allow', profiles: ['Public'], protocol: 'TCP',
 * //     localPorts: ['5985'], localAddresses: ['Any']}]
 */
import type {WinFirewallRule} from '../../facts/windows-model.js'
import {ParseError} from '../parse-error.js'
import {
  cmdletParsers,
  compact,
  type Fields,
  looksLikeText,
  optionalBoolean,
  optionalEnum,
  optionalList,
  optionalText,
  required,
} from './ps-shared.js'

const PARSERS = cmdletParsers('Get-NetFirewallRule', toRule)

/** MSFT_NetFirewallRule.Enabled: 1 and 2, not a boolean. */
const RULE_ENABLED = {True: 1, False: 2}
const RULE_ENABLED_TRUTH = {True: true, False: false}
const DIRECTION = {Inbound: 1, Outbound: 2}
const ACTION = {NotConfigured: 0, Allow: 2, AllowBypass: 3, Block: 4}
const PROFILE_FLAGS = [
  ['Domain', 1],
  ['Private', 2],
  ['Public', 4],
] as const

type Profile = 'Domain' | 'Private' | 'Public'

/** `Get-NetFirewallRule | ConvertTo-Json` (collect.ps1's `ps-netfirewallrule`): an array, or one object. */
export function parseNetFirewallRuleJson(text: string): WinFirewallRule[] {
  return PARSERS.json(text)
}

/** A pasted `Get-NetFirewallRule` Format-Table or Format-List. */
export function parseNetFirewallRuleText(text: string): WinFirewallRule[] {
  return PARSERS.text(text)
}

/** Does this text open Get-NetFirewallRule's list view (or a table with these columns)? */
export function looksLikeNetFirewallRuleText(text: string): boolean {
  return looksLikeText(text, ['DisplayName', 'Enabled', 'Direction', 'Action'], ['Name', 'DisplayName', 'Enabled', 'Direction'])
}

function toRule(fields: Fields, format: string): WinFirewallRule {
  const name = optionalText(fields, format, 'Name')
  const action = required(optionalEnum(fields, format, ACTION, 'Action'), fields, format, 'Action')
  if (action === 'NotConfigured') throw new ParseError(format, `${fields.where}: Action NotConfigured is not a rule action`, fields.line)
  return compact({
    name,
    displayName: required(optionalText(fields, format, 'DisplayName') ?? name, fields, format, 'DisplayName'),
    enabled: required(optionalBoolean(fields, format, RULE_ENABLED, RULE_ENABLED_TRUTH, 'Enabled'), fields, format, 'Enabled'),
    direction: required(optionalEnum(fields, format, DIRECTION, 'Direction'), fields, format, 'Direction') as WinFirewallRule['direction'],
    action: action === 'Block' ? 'Block' : 'Allow',
    profiles: profiles(fields, format),
    protocol: optionalText(fields, format, 'Protocol'),
    localPorts: optionalList(fields, format, 'LocalPort') ?? [],
    localAddresses: optionalList(fields, format, 'LocalAddress') ?? [],
  })
}

/** Profile flags (`5`), or their text (`Any`, `Domain, Private`, `{Domain, Public}`). */
function profiles(fields: Fields, format: string): WinFirewallRule['profiles'] {
  const value = required(fields.value('Profile', 'Profiles'), fields, format, 'Profile')
  const fail = (): never => {
    throw new ParseError(format, `${fields.where}: bad Profile ${JSON.stringify(value)} (expected Any, Domain, Private, Public or their flags)`, fields.line)
  }
  const flags = typeof value === 'number' ? value : typeof value === 'string' && /^\s*\d+\s*$/.test(value) ? Number(value) : undefined
  if (flags !== undefined) {
    if (flags === 0 || flags === 7) return flags === 0 ? 'Any' : ['Domain', 'Private', 'Public']
    if (flags < 0 || flags > 7) fail()
    return PROFILE_FLAGS.filter(([, bit]) => (flags & bit) !== 0).map(([profile]) => profile)
  }
  const names = (optionalList(fields, format, 'Profile', 'Profiles') ?? []).map((item) => item.toLowerCase())
  if (names.length === 1 && names[0] === 'any') return 'Any'
  if (names.length === 0 || names.some((item) => !PROFILE_FLAGS.some(([profile]) => profile.toLowerCase() === item))) fail()
  return PROFILE_FLAGS.filter(([profile]) => names.includes(profile.toLowerCase())).map(([profile]): Profile => profile)
}
