/**
 * Parsers for Windows Firewall with Advanced Security (2008 and later) as netsh prints it:
 * `netsh advfirewall show allprofiles` (is the Public profile, where the loopback adapter lives,
 * on, and does it block inbound by default?) and `netsh advfirewall firewall show rule name=all
 * dir=in verbose` (is there an enabled inbound Allow rule for the service port in that profile?),
 * requirements §9 WIN-FW-01.
 *
 * Both outputs are blocks: a title line, a rule of dashes, then fields.
 *   - Profiles: `Domain Profile Settings:` / `域配置文件 设置:`; the fields have no colon
 *     (`State   ON`). State is the first field, Firewall Policy the second, and its value
 *     (`BlockInbound,AllowOutbound`) is never translated. `show allprofiles` always prints Domain,
 *     Private, Public in that order, which names the blocks when the title's wording is unknown.
 *   - Rules: `Rule Name:   <name>` above the dashes, then `Label:   value` fields. Labels and most
 *     values are translated (`Aktiviert: Ja`, `操作: 允许`); netsh-labels.ts maps both.
 *
 * @example
 * parseNetshAdvfirewallProfiles('Public Profile Settings:\n' + '-'.repeat(70) +
 *   '\nState                                 ON\nFirewall Policy                       BlockInbound,AllowOutbound\n')
 * // → [{name: 'Public', enabled: true, defaultInboundAction: 'Block'}]
 */
import type {WinFirewallProfile, WinFirewallRule} from '../../facts/windows-model.js'
import {ParseError} from '../parse-error.js'
import {
  ACTION_VALUES,
  ANY_VALUES,
  DIRECTION_VALUES,
  type LabelTable,
  lookupLabel,
  ON_OFF_VALUES,
  PROFILE_STATE_LABELS,
  PROFILE_VALUES,
  RULE_LABELS,
  YES_NO_VALUES,
} from './netsh-labels.js'
import {commaList, encodingHint, isDashes, netshLines, requireValue, splitColon, splitWide, titledRules} from './netsh-shared.js'

const PROFILES_FORMAT = 'netsh advfirewall show allprofiles'
const RULES_FORMAT = 'netsh advfirewall firewall show rule'

type ProfileName = WinFirewallProfile['name']
const ALLPROFILES_ORDER: readonly ProfileName[] = ['Domain', 'Private', 'Public']

/**
 * Profile title keywords, matched inside the title. Real captures: en, zh (`公用配置文件 设置:`), fr
 * (`Paramètres Profil privé :`); tools reading real output: de (`Privates Profil-Einstellungen:`),
 * es (`Configuración de Perfil privado:`), ja (`プライベート プロファイル 設定:`); see EVIDENCE in
 * netsh-labels.ts. ru words are guesses; an unknown title is named by its place in allprofiles.
 */
const PROFILE_KEYWORDS: ReadonlyArray<readonly [ProfileName, RegExp]> = [
  ['Domain', /domain|domäne|domaine|dominio|домен|域|ドメイン/i],
  ['Private', /private|privat|privé|privado|частн|专用|プライベート/i],
  ['Public', /public|öffentlich|público|общ|公用|パブリック/i],
]

/**
 * @throws {ParseError} when there is no titled block, a title names no profile in an output that
 * is not the three-block allprofiles form, or State is not ON/OFF in any known language.
 */
export function parseNetshAdvfirewallProfiles(text: string): WinFirewallProfile[] {
  const lines = netshLines(text)
  // Rule blocks and the `Logging:` sub-block have no dashes; each profile block has one.
  const rules = titledRules(lines)
  if (rules.length === 0) throw new ParseError(PROFILES_FORMAT, 'expected "<profile> Profile Settings:" over a rule of dashes, found none')
  return rules.map((rule, position) => {
    const title = lines[rule - 1] as string
    const name = profileName(title) ?? (rules.length === 3 ? ALLPROFILES_ORDER[position] : undefined)
    if (name === undefined) {
      throw new ParseError(PROFILES_FORMAT, `expected a Domain, Private or Public profile title, found "${title.trim()}"${encodingHint(title)}`, rule)
    }
    return readProfile(name, lines, rule)
  })
}

/** True when the text holds advfirewall profile blocks (for format detection; never throws). */
export function looksLikeNetshAdvfirewallProfiles(text: string): boolean {
  return /^\s*\S.*\s{2,}(?:Block|Allow)Inbound(?:Always)?,(?:Block|Allow)Outbound\s*$/m.test(text) || /^\s*\S.*\s{2,}NotConfigured,NotConfigured\s*$/m.test(text)
}

function profileName(title: string): ProfileName | undefined {
  return PROFILE_KEYWORDS.find(([, pattern]) => pattern.test(title))?.[0]
}

function readProfile(name: ProfileName, lines: readonly string[], rule: number): WinFirewallProfile {
  const fields: Array<{label: string; value: string; line: number}> = []
  for (let index = rule + 1; index < lines.length && (lines[index] as string).trim() !== ''; index++) {
    const pair = splitWide(lines[index] as string)
    if (pair !== undefined) fields.push({...pair, line: index + 1})
  }
  // State is the first field in every capture; its label decides only when present.
  const state = fields.find((field) => lookupLabel(PROFILE_STATE_LABELS, field.label) === 'state') ?? fields[0]
  if (state === undefined) throw new ParseError(PROFILES_FORMAT, `expected a State line under the ${name} profile title`, rule + 2)
  const profile: WinFirewallProfile = {name, enabled: requireValue(ON_OFF_VALUES, state.value, 'State ON or OFF', PROFILES_FORMAT, state.line) === 'on'}
  const action = fields.map((field) => inboundAction(field.value)).find((found) => found !== undefined)
  if (action !== undefined) profile.defaultInboundAction = action
  return profile
}

/** `BlockInbound,AllowOutbound` (never translated) → Block; BlockInboundAlways also blocks exceptions. */
function inboundAction(policy: string): WinFirewallProfile['defaultInboundAction'] {
  const match = /^(Block|Allow)Inbound(?:Always)?,|^(NotConfigured)\b/.exec(policy)
  return match === null ? undefined : ((match[1] ?? match[2]) as WinFirewallProfile['defaultInboundAction'])
}

/**
 * @throws {ParseError} when there is no rule block (and no "No rules match" message), or a rule
 * lacks an Enabled, Direction or Action value in any known language.
 */
export function parseNetshAdvfirewallRules(text: string): WinFirewallRule[] {
  const lines = netshLines(text)
  const rules = titledRules(lines).filter((rule) => splitColon(lines[rule - 1] as string) !== undefined)
  if (rules.length === 0) {
    if (/No rules match the specified criteria/i.test(text)) return []
    throw new ParseError(RULES_FORMAT, 'expected "Rule Name: <name>" over a rule of dashes, found none')
  }
  return rules.map((rule, position) => readRule(lines, rule, rules[position + 1] ?? lines.length + 1))
}

/** True when the text holds advfirewall rule blocks (for format detection; never throws). */
export function looksLikeNetshAdvfirewallRules(text: string): boolean {
  const lines = netshLines(text)
  return titledRules(lines).some((rule) => {
    const title = splitColon(lines[rule - 1] as string)
    return title !== undefined && lookupLabel(RULE_LABELS, title.label) === 'ruleName'
  })
}

interface RuleField {
  key: keyof typeof RULE_LABELS | undefined
  value: string
  line: number
}

function readRule(lines: readonly string[], rule: number, nextRule: number): WinFirewallRule {
  const displayName = (splitColon(lines[rule - 1] as string) as {value: string}).value
  const fields: RuleField[] = []
  // The next rule's title sits right above its dashes; stop before it.
  for (let index = rule + 1; index < nextRule - 1 && !isDashes(lines[index] as string); index++) {
    const pair = splitColon(lines[index] as string)
    if (pair !== undefined) fields.push({key: lookupLabel(RULE_LABELS, pair.label), value: pair.value, line: index + 1})
  }
  const where = `rule "${displayName}"`
  const find = (key: RuleField['key'], table: LabelTable<string>): RuleField | undefined =>
    fields.find((field) => field.key === key) ??
    // Unknown label: the first unlabelled field with such a value (Edge traversal is Yes/No too, but comes after Enabled).
    fields.find((field) => field.key === undefined && lookupLabel(table, field.value) !== undefined)
  const enabled = need(find('enabled', YES_NO_VALUES), `an Enabled line in ${where}`, rule)
  const direction = need(find('direction', DIRECTION_VALUES), `a Direction line in ${where}`, rule)
  const action = need(find('action', ACTION_VALUES), `an Action line in ${where}`, rule)
  const result: WinFirewallRule = {
    displayName,
    enabled: requireValue(YES_NO_VALUES, enabled.value, 'Yes or No', RULES_FORMAT, enabled.line) === 'yes',
    direction: requireValue(DIRECTION_VALUES, direction.value, 'In or Out', RULES_FORMAT, direction.line),
    action: requireValue(ACTION_VALUES, action.value, 'Allow, Block or Bypass', RULES_FORMAT, action.line) === 'Block' ? 'Block' : 'Allow',
    profiles: profiles(fields.find((field) => field.key === 'profiles')),
    localPorts: anyList(fields.find((field) => field.key === 'localPort')),
    localAddresses: anyList(fields.find((field) => field.key === 'localIp')),
  }
  const protocol = fields.find((field) => field.key === 'protocol')
  if (protocol !== undefined) result.protocol = anyWord(protocol.value)
  return result
}

function need(field: RuleField | undefined, what: string, rule: number): RuleField {
  if (field === undefined) throw new ParseError(RULES_FORMAT, `expected ${what}`, rule)
  return field
}

/** `Domain,Private,Public` → names; `Any` → 'Any'; a missing line → 'Any' (netsh omits nothing, but pasted excerpts do). */
function profiles(field: RuleField | undefined): WinFirewallRule['profiles'] {
  if (field === undefined || lookupLabel(ANY_VALUES, field.value) !== undefined) return 'Any'
  return commaList(field.value).map((item) => requireValue(PROFILE_VALUES, item, 'Domain, Private or Public', RULES_FORMAT, field.line))
}

/** Ports or addresses as written, with the localized `Any` made `Any`; no line (ICMP rules have no ports) → []. */
function anyList(field: RuleField | undefined): string[] {
  return field === undefined ? [] : commaList(field.value).map(anyWord)
}

function anyWord(value: string): string {
  return lookupLabel(ANY_VALUES, value) !== undefined ? 'Any' : value
}
