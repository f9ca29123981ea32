/**
 * macOS facts: interfaces from `ifconfig -a`, net.inet.ip.check_interface, and the VIPs that come
 * back at boot. macOS keeps no lo0 alias across a reboot and has no file for one: only a launchd
 * job in /Library/LaunchDaemons that runs `ifconfig lo0 alias VIP` at load (RunAtLoad) puts it back.
 * Such a job runs ifconfig directly (ProgramArguments `/sbin/ifconfig lo0 alias ...`) or through
 * `/bin/sh -c '...'`; a script file it calls is not read.
 */
import {posix} from 'node:path'

import type {RawSource} from '../../collect/raw-source.js'
import {DARWIN_COMMANDS as C, UNIX_PATHS} from '../../collect/unix-commands.js'
import {ParseError} from '../../parse/parse-error.js'
import {parseIfconfigArgs} from '../../parse/unix/ifconfig-args.js'
import {parseIfconfigBsd} from '../../parse/unix/ifconfig-bsd.js'
import {type LaunchdJob, parseLaunchdPlist} from '../../parse/unix/launchd-plist.js'
import {factFromCommand} from '../from-capture.js'
import type {Fact, PersistedAddress} from '../model.js'
import {lineOf, listIfPresent, readIfPresent, Unreadable} from './boot-files.js'
import {collectStrongEs} from './strong-es.js'
import type {UnixSpecificFacts} from './unix-host.js'

const SHELLS = new Set(['sh', 'bash', 'zsh', 'dash', 'ksh'])

export async function darwinFacts(source: RawSource): Promise<UnixSpecificFacts> {
  const [interfaces, checkInterface, persistedAddresses] = await Promise.all([
    source.run(C.ifconfigA).then((capture) => factFromCommand(capture, parseIfconfigBsd)),
    collectStrongEs(source, [C.checkInterface]),
    launchdPersistence(source),
  ])
  return {interfaces, persistedAddresses, checkInterface}
}

async function launchdPersistence(source: RawSource): Promise<Fact<PersistedAddress[]>> {
  const directory = UNIX_PATHS.launchDaemons
  const found: PersistedAddress[] = []
  try {
    for (const name of (await listIfPresent(source, directory)).filter((n) => n.endsWith('.plist'))) {
      const file = `${directory}/${name}`
      const text = await readIfPresent(source, file)
      if (text !== undefined) found.push(...jobAddresses(parseLaunchdPlist(text), text, file))
    }
  } catch (error) {
    if (error instanceof Unreadable) return error.fact
    // One unreadable job could be the one that adds the VIP: say so rather than guess.
    if (error instanceof ParseError) return {status: 'unavailable', reason: 'parse-error', detail: error.message, source: directory}
    throw error
  }

  return {status: 'ok', value: found, source: `${directory}/*.plist`}
}

/** Addresses a job adds to a loopback with `ifconfig loN alias ADDR ...` when it is loaded. */
export function jobAddresses(job: LaunchdJob, text: string, file: string): PersistedAddress[] {
  const note = job.disabled ? 'the job is Disabled' : job.runAtLoad ? undefined : 'the job has no RunAtLoad, so it does not run at boot'
  return ifconfigCalls(job).flatMap(([iface = '', ...args]) => {
    const parsed = parseIfconfigArgs(args)
    if (!/^lo\d+$/.test(iface) || parsed.address === undefined || args.includes('-alias') || args.includes('delete')) return []
    return [
      {
        mechanism: 'launchd' as const,
        interface: iface,
        address: parsed.address,
        ...(parsed.prefixLength === undefined ? {} : {prefixLength: parsed.prefixLength}),
        file,
        line: lineOf(text, parsed.host ?? parsed.address),
        effective: note === undefined,
        ...(note === undefined ? {} : {note}),
        ...(job.label === undefined ? {} : {key: job.label}),
      },
    ]
  })
}

/** The argument lists (interface first) of the ifconfig commands a job runs. */
function ifconfigCalls(job: LaunchdJob): string[][] {
  const argv = job.programArguments.length > 0 ? job.programArguments : job.program === undefined ? [] : [job.program]
  const program = posix.basename(argv[0] ?? '')
  if (program === 'ifconfig') return [argv.slice(1)]
  const script = SHELLS.has(program) ? argv[argv.indexOf('-c') + 1] : undefined
  if (argv.indexOf('-c') < 0 || script === undefined) return []
  return script
    .split(/;|&&|\|\||\n/)
    .map((command) => command.trim().replace(/["']/g, '').split(/\s+/))
    .filter((words) => posix.basename(words[0] ?? '') === 'ifconfig')
    .map((words) => words.slice(1))
}
