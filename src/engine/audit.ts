/**
 * The library entry point: rules and facts, then evaluation, then a Report. Collection only
 * reads, so it starts while the rules load (the programs it runs overlap with rule parsing);
 * a broken rule file still ends the run with its error before any report is made.
 */
import type {LbConfigFile} from '../collect/lb-config-file.js'
import type {RawSource} from '../collect/raw-source.js'
import {collectLinuxFacts} from '../facts/linux/collect-host.js'
import type {HostFacts, OsIdentity} from '../facts/model.js'
import {toolVersion} from '../version.js'
import {type DrMethod, methodNotes} from './dr-method.js'
import {evaluateRules} from './evaluate.js'
import {type AuditRun, planFromLbConfig} from './lb-plan.js'
import {loadRules} from './load-rules.js'
import type {AuditInputs, Mode, Report, Rule, RuleResult, Vip} from './types.js'
import {chooseVips} from './vips.js'

/** Solaris, FreeBSD and macOS: ifconfig-based facts (facts/unix/), loaded only for them. */
const UNIX_PLATFORMS: ReadonlySet<string> = new Set(['solaris', 'freebsd', 'darwin'])

export interface AuditRequest {
  vips: Vip[]
  ports: number[]
  mode: Mode
  /** Direct Routing method (dr-method.ts); default auto. */
  method?: DrMethod
  /** NAT mode: the load balancer's floating IP (--gateway). */
  gateway?: string
  rulesDir: string
  /** Whether --mode was given, rather than defaulted; it then wins over --lb-config. */
  modeGiven?: boolean
  /** The load balancer's configuration: VIPs, ports and methods for this server come from it. */
  lbConfig?: LbConfigFile
}

/** Linux, Windows and the other Unixes read different programs and files; the source says which it is. */
async function collectHostFacts(source: RawSource): Promise<HostFacts> {
  if (UNIX_PLATFORMS.has(source.platform)) return (await import('../facts/unix/unix-host.js')).collectUnixFacts(source)
  if (source.platform !== 'windows') return collectLinuxFacts(source)
  // Loaded on demand: the Windows parsers and bundle reader would slow every Linux start-up.
  const {collectWindowsFacts} = await import('../facts/windows/collect-host.js')
  if (source.kind !== 'live') return collectWindowsFacts(source)
  const {withWindowsLiveBundle} = await import('../collect/windows-live.js')
  return withWindowsLiveBundle((bundle) => collectWindowsFacts(bundle))
}

export async function runAudit(source: RawSource, request: AuditRequest): Promise<Report> {
  const collecting = collectHostFacts(source)
  // If the rules fail to load, nobody awaits the facts; mark their rejection as seen.
  collecting.catch(() => undefined)
  const rules = await loadRules(request.rulesDir)
  const facts = await collecting
  return buildReport(facts, rules, request, source.kind)
}

/** Audits facts gathered some other way (pasted text), with the same rules and report. */
export async function auditFacts(facts: HostFacts, request: AuditRequest, source: Report['target']['source'], notes: string[] = []): Promise<Report> {
  const report = buildReport(facts, await loadRules(request.rulesDir), request, source)
  return {...report, notes: [...notes, ...report.notes]}
}

export function buildReport(facts: HostFacts, rules: readonly Rule[], request: Omit<AuditRequest, 'rulesDir'>, source: Report['target']['source']): Report {
  const plan = request.lbConfig
    ? planFromLbConfig(request.lbConfig, facts, {
        vips: request.vips,
        ports: request.ports,
        mode: request.mode,
        modeGiven: request.modeGiven ?? false,
        ...(request.gateway === undefined ? {} : {gateway: request.gateway}),
      })
    : {runs: [{vips: request.vips, ports: request.ports, mode: request.mode, vipsFromConfig: false}], notes: []}
  const os = facts.os.status === 'ok' ? facts.os.value : undefined
  const platform = {os: os?.platform ?? 'linux', kernel: os?.kernel, release: os?.release}
  const runs = plan.runs.map((run) => {
    const inputs = inputsFor(run, facts, request.method ?? 'auto', request.gateway ?? run.gateway)
    return {inputs, results: evaluateRules(rules, facts, inputs, platform)}
  })
  const results = mergeResults(runs.map((run) => run.results))
  const inputs = combineInputs(runs.map((run) => run.inputs))
  const modes = runs.map((run) => run.inputs.mode)
  return {
    schemaVersion: 1,
    tool: {name: 'rsaudit', version: toolVersion()},
    target: {hostname: os?.hostname ?? 'unknown', platform: os?.platform ?? 'unknown', osVersion: describeOs(os), source},
    inputs: {
      vips: inputs.vips.map((vip) => vip.address),
      vipSource: inputs.vipSource,
      ports: inputs.ports,
      mode: inputs.mode,
      ...(modes.length > 1 ? {modes} : {}),
      ...(inputs.gateway === undefined ? {} : {gateway: inputs.gateway}),
    },
    summary: {
      pass: count(results, 'pass'),
      fail: count(results, 'fail'),
      unknown: count(results, 'unknown'),
      notApplicable: count(results, 'not-applicable'),
    },
    notes: [...plan.notes, ...notesFor(inputs, facts)],
    results,
  }
}

function inputsFor(run: AuditRun, facts: HostFacts, method: DrMethod, gateway: string | undefined): AuditInputs {
  const vips = run.vipsFromConfig ? {vips: run.vips, vipSource: 'lb-config' as const} : chooseVips(run.vips, facts.interfaces, run.mode)
  return {...vips, ports: run.ports, mode: run.mode, method, ...(gateway === undefined ? {} : {gateway})}
}

/** One result per rule and subject: a rule that applies to two methods (arp-ignore in dr and tun) reports once. */
function mergeResults(perRun: RuleResult[][]): RuleResult[] {
  const seen = new Set<string>()
  return perRun.flat().filter((result) => {
    const key = `${result.ruleId}\u0000${result.subject}`
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
}

/** What the report shows as its inputs: every VIP and port of every run, and the first run's method. */
function combineInputs(all: AuditInputs[]): AuditInputs {
  const [first, ...rest] = all
  if (first === undefined) throw new Error('an audit plan has at least one run')
  const vips = [...first.vips]
  const ports = [...first.ports]
  for (const inputs of rest) {
    for (const vip of inputs.vips) if (!vips.some((v) => v.address === vip.address)) vips.push(vip)
    for (const port of inputs.ports) if (!ports.includes(port)) ports.push(port)
  }
  return {...first, vips, ports}
}

function describeOs(os: OsIdentity | undefined): string {
  const known = (value: string | undefined) => (value && value !== 'unknown' ? value : undefined)
  const name = [known(os?.distro), known(os?.release)].filter(Boolean).join(' ')
  const kernel = known(os?.kernel)
  return [name, kernel ? `(kernel ${kernel})` : ''].filter(Boolean).join(' ') || 'unknown'
}

function notesFor(inputs: AuditInputs, facts: HostFacts): string[] {
  const notes: string[] = []
  const where = inputs.mode === 'tun' ? 'loopback and tunl0' : 'loopback'
  if (inputs.vipSource === 'loopback') notes.push(`No --vip given: checking the addresses found on ${where} (${inputs.vips.map((v) => v.address).join(', ')}).`)
  if (inputs.vipSource === 'none') {
    notes.push('No VIP given and none found on a loopback interface, so the VIP checks are skipped. Pass the VIP to check it: rsaudit audit --vip 198.51.100.10 (repeat --vip for more).')
  }

  notes.push(...methodNotes(facts, inputs))
  if (!facts.privileged) notes.push('Not running as root: whatever could not be read is reported as unknown (run as root for a complete audit).')
  return notes
}

function count(results: readonly RuleResult[], outcome: RuleResult['outcome']): number {
  return results.filter((r) => r.outcome === outcome).length
}
