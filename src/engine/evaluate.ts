/**
 * Pure evaluation: rules × facts × inputs → results with evidence. No I/O. A fact that could
 * not be collected makes the result `unknown` with the collector's reason, never `pass`.
 */
import type {FactUnavailable, HostFacts} from '../facts/model.js'
import {compareVersions, type TargetPlatform, ruleApplies} from './applicability.js'
import {anyRedirect, methodGate} from './dr-method.js'
import {checkFunctions} from './functions/index.js'
import {fillMessage} from './interpolate.js'
import {renderRemediation} from './remediation.js'
import {expandSubjects} from './subjects.js'
import type {AuditInputs, CheckContext, Rule, RuleResult} from './types.js'

const SUBJECT_NOUN: Record<Rule['subjects'], string> = {
  host: 'host',
  'arp-interfaces': 'ARP interfaces',
  vips: 'VIPs',
  'vip-ports': 'VIP ports',
  ports: 'ports',
}

/**
 * Which Windows tools a fix may use: NT 5 (2000/2003) has `netsh interface ip` only, NT 6.0/6.1
 * (2008/2008 R2) adds `netsh interface ipv4` and advfirewall, 6.2+ (2012+) the NetTCPIP cmdlets.
 */
function windowsEra(facts: HostFacts): 'nt5' | 'nt6' | 'modern' | undefined {
  if (facts.windowsOs?.status !== 'ok') return undefined
  const version = facts.windowsOs.value.version
  return compareVersions(version, '6.0') < 0 ? 'nt5' : compareVersions(version, '6.2') < 0 ? 'nt6' : 'modern'
}

/** A platform-specific fact the source never provides (a Windows fact on Linux, say). */
function notCollected(name: string): FactUnavailable {
  return {status: 'unavailable', reason: 'not-collected', detail: `${name} is not collected on this platform`, source: name}
}

export function evaluateRules(rules: readonly Rule[], facts: HostFacts, inputs: AuditInputs, platform: TargetPlatform): RuleResult[] {
  const context: CheckContext = {facts, inputs}
  return rules.filter((rule) => ruleApplies(rule, inputs.mode, platform)).flatMap((rule) => evaluateRule(rule, context))
}

export function evaluateRule(rule: Rule, context: CheckContext): RuleResult[] {
  const {facts, inputs} = context
  const base = {ruleId: rule.id, title: rule.title, severity: rule.severity}
  // A check of the REDIRECT method says nothing on a server that does not use it (dr-method.ts).
  if (rule.method === 'redirect' && !anyRedirect(context)) return []
  const missingInput = (rule.requires ?? []).find((input) => (input === 'ports' ? inputs.ports.length === 0 : inputs.vips.length === 0))
  if (missingInput !== undefined) {
    const message = rule.messages.notApplicable ?? `needs --${missingInput === 'ports' ? 'port' : 'vip'}`
    return [{...base, outcome: 'not-applicable', subject: '-', message, evidence: [], remediation: []}]
  }

  const unavailable = rule.facts.map((name) => facts[name] ?? notCollected(name)).filter((fact): fact is FactUnavailable => fact.status === 'unavailable')
  if (unavailable.length > 0) {
    const message = `could not be checked: ${[...new Set(unavailable.map((fact) => fact.detail))].join('; ')}`
    const evidence = unavailable.map((fact) => ({fact: fact.source, value: fact.reason, source: fact.source}))
    return [{...base, outcome: 'unknown', subject: 'host', message, evidence, remediation: []}]
  }

  const fn = checkFunctions.get(rule.check.function)
  if (fn === undefined) throw new Error(`rule ${rule.id} names unknown function ${rule.check.function}; loadRules should have refused it`)
  const subjects = expandSubjects(rule.subjects, facts, inputs)
  if (subjects.length === 0) {
    const message = rule.messages.notApplicable ?? `no ${SUBJECT_NOUN[rule.subjects]} to check`
    return [{...base, outcome: 'not-applicable', subject: '-', message, evidence: [], remediation: []}]
  }

  return subjects.flatMap((subject) => {
    const gate = methodGate(rule, subject, context)
    if (gate.kind === 'skip') return []
    if (gate.kind === 'not-applicable') return [{...base, outcome: 'not-applicable' as const, subject: subject.label, message: gate.reason, evidence: gate.evidence, remediation: []}]
    const outcome = fn.evaluate(subject, (rule.check.options ?? {}) as never, context)
    // The platform lets remediation pick commands per OS (`by: platform`).
    const data = {subject: subject.label, platform: facts.os.status === 'ok' ? facts.os.value.platform : undefined, windowsEra: windowsEra(facts), ...outcome.data}
    const decided = outcome.outcome === 'pass' || outcome.outcome === 'fail'
    const message = decided ? fillMessage(rule.messages[outcome.outcome === 'pass' ? 'pass' : 'fail'], data) : (outcome.reason ?? outcome.outcome)
    return {
      ...base,
      outcome: outcome.outcome,
      subject: subject.label,
      message,
      evidence: outcome.evidence,
      remediation: outcome.outcome === 'fail' ? renderRemediation(rule, data) : [],
    }
  })
}
