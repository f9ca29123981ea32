/**
 * The BSD strong end-system switch, live and at boot. FreeBSD up to 13 and macOS call it
 * net.inet.ip.check_interface, FreeBSD 14 net.inet.ip.rfc1122_strong_es; a release answers
 * "unknown oid" for the name it does not have. /etc/sysctl.conf says what it will be after a
 * reboot (a hardening guide that sets it to 1 breaks Direct Routing only then).
 */
import type {CommandSpec, RawSource} from '../../collect/raw-source.js'
import {UNIX_PATHS} from '../../collect/unix-commands.js'
import {parseSysctlConf} from '../../parse/sysctl-conf.js'
import {parseSysctlBsd} from '../../parse/unix/sysctl-bsd.js'
import {commandLine, factFromCommand} from '../from-capture.js'
import type {Fact} from '../model.js'
import type {StrongEsSysctl} from '../unix-model.js'
import {readIfPresent, Unreadable} from './boot-files.js'

export async function collectStrongEs(source: RawSource, specs: readonly CommandSpec[]): Promise<Fact<StrongEsSysctl[]>> {
  const found: StrongEsSysctl[] = []
  const sources: string[] = []
  for (const spec of specs) {
    const capture = await source.run(spec)
    // The other release's name: sysctl exits non-zero with "unknown oid". Not an error here.
    if (capture.failure?.reason === 'nonzero-exit' && /unknown oid/i.test(capture.stderr + capture.failure.detail)) continue
    const fact = factFromCommand(capture, parseSysctlBsd)
    if (fact.status !== 'ok') return fact
    const key = spec.argv[1] ?? ''
    const value = Number(fact.value[key])
    if (!Number.isInteger(value)) return {status: 'unavailable', reason: 'parse-error', detail: `${commandLine(capture)} printed no integer for ${key}`, source: fact.source}
    found.push({key, value})
    sources.push(fact.source)
  }

  try {
    await addBootValues(source, found)
  } catch (error) {
    if (error instanceof Unreadable) return error.fact
    throw error
  }

  return {status: 'ok', value: found, source: sources.join('; ') || specs.map((s) => s.argv.join(' ')).join('; ')}
}

/** rc.d/sysctl applies /etc/sysctl.conf, then sysctl.conf.local; the last line for a key wins. */
async function addBootValues(source: RawSource, found: StrongEsSysctl[]): Promise<void> {
  for (const path of UNIX_PATHS.sysctlConf) {
    const text = await readIfPresent(source, path)
    if (text === undefined) continue
    for (const assignment of parseSysctlConf(text, path).assignments) {
      const entry = found.find((e) => e.key === assignment.key)
      // rc.d/sysctl reads the first word of the value; the rest is a comment.
      const value = Number(assignment.value.split(/\s+/)[0])
      if (entry && Number.isInteger(value)) entry.boot = {value, file: path, line: assignment.line}
    }
  }
}
