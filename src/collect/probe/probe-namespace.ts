/**
 * A throw-away network namespace holding a macvlan on a host interface: a second "host" on the
 * same segment with its own MAC, address and routes, so a probe can route the VIP to a real
 * server without touching this host's routes, addresses or ARP cache.
 *
 * Why macvlan, mode bridge: a macvlan sends through the lower device, so it reaches whatever
 * that interface reaches (a switch port, a veth, a Linux bridge). "bridge" also reaches other
 * macvlans on the same lower device (real servers running as macvlan containers on this host);
 * "private" would not. No mode lets a macvlan talk to its lower device's own addresses, which
 * is fine: the probe never targets this host.
 *
 * The namespace is always deleted: in `finally`, and on SIGINT/SIGTERM/SIGHUP, synchronously,
 * before the process exits (deleting it destroys the macvlan with it).
 */
import {execFileSync} from 'node:child_process'
import {randomBytes} from 'node:crypto'

import {ProbeError, runOrFail, runProgram} from './run.js'

const STEP_TIMEOUT_MS = 5000
const SIGNALS = {SIGINT: 2, SIGTERM: 15, SIGHUP: 1} as const
/** The macvlan's name inside the namespace; short, as IFNAMSIZ allows 15 characters. */
export const PROBE_LINK = 'rsaudit0'

export interface ProbeNamespace {
  name: string
  link: string
  /** `ip -n NAME ...` as argv. */
  ip(args: string[]): [string, ...string[]]
  /** `ip netns exec NAME` as an argv prefix. */
  exec: readonly string[]
}

/**
 * Creates the namespace with a macvlan on `lowerDevice` (up, no address yet), runs `fn`, and
 * deletes the namespace whatever happens.
 * @throws {ProbeError} when not root or a setup step fails.
 */
export async function withProbeNamespace<T>(lowerDevice: string, fn: (ns: ProbeNamespace) => Promise<T>, what?: string): Promise<T> {
  assertRoot(what)
  const name = `rsaudit-probe-${process.pid}-${randomBytes(3).toString('hex')}`
  const ns: ProbeNamespace = {name, link: PROBE_LINK, ip: (args) => ['ip', '-n', name, ...args], exec: ['ip', 'netns', 'exec', name]}
  const onSignal = (signal: keyof typeof SIGNALS): void => {
    deleteNow(name)
    process.exit(128 + SIGNALS[signal])
  }
  for (const signal of Object.keys(SIGNALS) as Array<keyof typeof SIGNALS>) process.once(signal, onSignal)
  try {
    await runOrFail('create a network namespace', ['ip', 'netns', 'add', name], STEP_TIMEOUT_MS)
    // Created straight inside the namespace: the macvlan never exists in this host's namespace.
    await runOrFail(
      `create a macvlan on ${lowerDevice}`,
      ['ip', 'link', 'add', 'link', lowerDevice, 'name', PROBE_LINK, 'netns', name, 'type', 'macvlan', 'mode', 'bridge'],
      STEP_TIMEOUT_MS,
    )
    await runOrFail('bring lo up in the probe namespace', ns.ip(['link', 'set', 'lo', 'up']), STEP_TIMEOUT_MS)
    await runOrFail('bring the macvlan up', ns.ip(['link', 'set', PROBE_LINK, 'up']), STEP_TIMEOUT_MS)
    return await fn(ns)
  } finally {
    for (const signal of Object.keys(SIGNALS) as Array<keyof typeof SIGNALS>) process.removeListener(signal, onSignal)
    // Ignores "does not exist" (creation failed); a real failure to delete is worth a warning.
    const deleted = await runProgram('delete the probe namespace', ['ip', 'netns', 'del', name], STEP_TIMEOUT_MS)
    if (deleted.failure !== undefined && !/No such file/.test(deleted.stderr)) process.stderr.write(`rsaudit: warning: could not delete network namespace ${name}: ${deleted.failure.detail}\n`)
  }
}

/** @throws {ProbeError} unless running as root (creating namespaces and links needs CAP_SYS_ADMIN and CAP_NET_ADMIN). */
export function assertRoot(what = 'probe vip-path'): void {
  if (process.getuid?.() !== 0) throw new ProbeError(`${what} must run as root: it creates a network namespace and a macvlan`)
}

/** Synchronous, for signal handlers: the process exits right after. */
function deleteNow(name: string): void {
  try {
    execFileSync('ip', ['netns', 'del', name], {stdio: 'ignore', timeout: STEP_TIMEOUT_MS})
  } catch {
    // Not created yet, or already gone.
  }
}
