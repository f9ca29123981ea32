/**
 * The public shapes of the engine: rules as loaded from YAML, results, and the report.
 * The JSON report (schemas/report.schema.json) is a projection of `Report`.
 */
import type {FactName, HostFacts} from '../facts/model.js'

export const SEVERITIES = ['critical', 'high', 'medium', 'low', 'info'] as const
export type Severity = (typeof SEVERITIES)[number]

export const MODES = ['dr', 'tun', 'nat'] as const
export type Mode = (typeof MODES)[number]

export const SHELLS = ['bash', 'powershell', 'cmd'] as const
export type Shell = (typeof SHELLS)[number]

export const PLATFORMS = ['linux', 'windows', 'solaris', 'freebsd', 'darwin'] as const
export type PlatformName = (typeof PLATFORMS)[number]

export type Outcome = 'pass' | 'fail' | 'unknown' | 'not-applicable'

export type SubjectKind = 'host' | 'arp-interfaces' | 'vips' | 'vip-ports' | 'ports'

export type CommandTemplates = string[] | {by: string; cases: Record<string, string[]>}
export type PerShell = Partial<Record<Shell, CommandTemplates>>

export interface PlatformSelector {
  os: 'linux' | 'windows' | 'solaris' | 'freebsd' | 'darwin'
  version?: {of: 'kernel' | 'release'; min?: string; max?: string}
}

export interface Rule {
  id: string
  title: string
  severity: Severity
  modes: Mode[]
  platforms: PlatformSelector[]
  rationale: string
  references: string[]
  facts: FactName[]
  requires?: Array<'ports' | 'vips'>
  subjects: SubjectKind
  /** The Direct Routing method the rule belongs to (dr-method.ts); absent: both. */
  method?: 'loopback' | 'redirect'
  check: {function: string; options?: Record<string, unknown>}
  messages: {pass: string; fail: string; notApplicable?: string}
  remediation?: {runtime?: PerShell; persistent?: PerShell}
  /** Where the rule was loaded from, for error messages. */
  file: string
}

export interface Evidence {
  fact: string
  value: string
  /** The file and line, or the command, the value came from. */
  source: string
}

export interface Remediation {
  shell: Shell
  commands: string[]
  persistent: boolean
}

export interface RuleResult {
  ruleId: string
  title: string
  severity: Severity
  outcome: Outcome
  subject: string
  message: string
  evidence: Evidence[]
  remediation: Remediation[]
}

/** A VIP given by the user or found on a loopback interface. */
export interface Vip {
  address: string
  family: 'inet' | 'inet6'
}

export interface AuditInputs {
  vips: Vip[]
  /** Where the VIP list came from: the --vip flag, the loopback addresses, the load balancer's configuration (--lb-config), or nowhere. */
  vipSource: 'flag' | 'loopback' | 'lb-config' | 'none'
  ports: number[]
  mode: Mode
  /** How VIP traffic is accepted in DR mode (dr-method.ts); absent means auto. */
  method?: 'auto' | 'loopback' | 'redirect'
  /** NAT mode: the load balancer's floating IP, the server's one default gateway (--gateway). */
  gateway?: string
}

/** Everything a check function sees. Facts are frozen: checks must not change them. */
export interface CheckContext {
  facts: HostFacts
  inputs: AuditInputs
}

export interface Report {
  schemaVersion: 1
  tool: {name: string; version: string}
  target: {hostname: string; platform: string; osVersion: string; source: 'live' | 'bundle' | 'paste'}
  /** `mode` is the first method; `modes` lists them all when --lb-config lists this server under several. */
  inputs: {vips: string[]; vipSource: AuditInputs['vipSource']; ports: number[]; mode: Mode; modes?: Mode[]; gateway?: string}
  summary: {pass: number; fail: number; unknown: number; notApplicable: number}
  /** Plain sentences the user should read before the table (e.g. how the VIPs were chosen). */
  notes: string[]
  results: RuleResult[]
}
