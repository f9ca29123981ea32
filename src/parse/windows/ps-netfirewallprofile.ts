/**
 * Parses Get-NetFirewallProfile into `WinFirewallProfile[]`: the collector's JSON (Enabled as
 * GpoBoolean 0 False / 1 True / 2 NotConfigured, DefaultInboundAction 0 NotConfigured / 2 Allow /
 * 4 Block, or their names) and pasted Format-List (the default view) or Format-Table output.
 *
 * Enabled `NotConfigured` (a store that does not set it, usually a GPO store) reads as enabled:
 * that is Windows' built-in default when no store turns the firewall off.
 *
 * @example
 * parseNetFirewallProfileText('Name                            : Domain\nEnabled                         : False\n' +
 *   'DefaultInboundAction            : NotConfigured\n')
 * // → [{name: 'Domain', enabled: false, defaultInboundAction: 'NotConfigured'}]
 */
import type {WinFirewallProfile} from '../../facts/windows-model.js'
import {
  cmdletParsers,
  compact,
  type Fields,
  looksLikeText,
  optionalBoolean,
  optionalEnum,
  required,
} from './ps-shared.js'

const PARSERS = cmdletParsers('Get-NetFirewallProfile', toFirewallProfile)

const PROFILE_NAME = {Domain: 1, Private: 2, Public: 4}
/** NetSecurity GpoBoolean. */
const GPO_BOOLEAN = {False: 0, True: 1, NotConfigured: 2}
const GPO_TRUTH = {False: false, True: true, NotConfigured: true}
/** NetSecurity Action, as DefaultInboundAction uses it. */
const PROFILE_ACTION = {NotConfigured: 0, Allow: 2, Block: 4}

/** `Get-NetFirewallProfile | ConvertTo-Json` (collect.ps1's `ps-netfirewallprofile`): an array, or one object. */
export function parseNetFirewallProfileJson(text: string): WinFirewallProfile[] {
  return PARSERS.json(text)
}

/** A pasted `Get-NetFirewallProfile` Format-Table or Format-List. */
export function parseNetFirewallProfileText(text: string): WinFirewallProfile[] {
  return PARSERS.text(text)
}

/** Does this text open Get-NetFirewallProfile's list (or table) view? */
export function looksLikeNetFirewallProfileText(text: string): boolean {
  return looksLikeText(text, ['Name', 'Enabled', 'DefaultInboundAction'], ['Name', 'Enabled', 'DefaultInboundAction'])
}

function toFirewallProfile(fields: Fields, format: string): WinFirewallProfile {
  const name = optionalEnum(fields, format, PROFILE_NAME, 'Name', 'Profile') as WinFirewallProfile['name'] | undefined
  return compact({
    name: required(name, fields, format, 'Name'),
    enabled: required(optionalBoolean(fields, format, GPO_BOOLEAN, GPO_TRUTH, 'Enabled'), fields, format, 'Enabled'),
    defaultInboundAction: optionalEnum(fields, format, PROFILE_ACTION, 'DefaultInboundAction') as WinFirewallProfile['defaultInboundAction'],
  })
}
