/**
 * Offline audits: bundles and pasted text, one report per host. Bundles go through the same
 * collectors and parsers as a live run; pastes go through the same parsers, section by section.
 */
import {resolveFromPaths} from '../collect/from-paths.js'
import {UserError} from '../errors.js'
import {factsFromPaste} from '../paste/paste-facts.js'
import {type AuditRequest, auditFacts, runAudit} from './audit.js'
import type {PlatformName, Report} from './types.js'

const AUDITED = ['linux', 'windows', 'solaris', 'freebsd', 'darwin']

export async function auditFromPaths(paths: readonly string[], request: AuditRequest, platform?: PlatformName): Promise<Report[]> {
  const reports: Report[] = []
  for (const input of await resolveFromPaths(paths)) {
    if (input.kind === 'bundle') {
      requirePlatform(input.path, platform ?? input.source.manifest.platform, AUDITED)
      reports.push(await runAudit(input.source, request))
      continue
    }

    const pasted = factsFromPaste(input.text, platform)
    if (pasted.sections.length === 0) {
      const what = pasted.platform === 'windows' ? 'ipconfig /all, netsh interface ipv4 show interface N, Get-NetIPInterface | Format-List' : 'ip -d addr, ip route show table all, ss -ltn and sysctl -a'
      throw new UserError(`${input.path}: no command output recognized (paste the output of ${what}, or collect a bundle)`)
    }

    requirePlatform(input.path, platform ?? pasted.platform, AUDITED)

    const found = pasted.sections.map((s) => `${s.kind} (lines ${s.startLine}-${s.endLine})`).join(', ')
    const ignored = pasted.ignored.map((b) => `lines ${b.startLine}-${b.endLine} ("${b.preview}")`).join(', ')
    const notes = [
      `From pasted text ${input.path}: found ${found}.`,
      ...(ignored ? [`Ignored (no parser recognized it): ${ignored}.`] : []),
      // Facts from different servers do not describe one server; the verdicts may mislead.
      ...(pasted.hosts.length > 1 ? [`The paste mixes output from several hosts (${pasted.hosts.join(', ')}); judge each server from its own output.`] : []),
    ]
    reports.push(await auditFacts(pasted.facts, request, 'paste', notes))
  }

  return reports
}

function requirePlatform(path: string, platform: string, supported: readonly string[]): void {
  if (supported.includes(platform)) return
  const which = platform === 'unknown' ? 'an unknown platform' : platform
  const what = supported.length === 1 ? `${supported[0]} input` : supported.join(' and ')
  throw new UserError(`${path}: this rsaudit audits ${what} here; the input is from ${which}${platform === 'unknown' ? ' (give --platform linux if it is Linux)' : ''}`)
}
