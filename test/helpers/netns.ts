/**
 * Live-kernel test harness: builds a throw-away Direct Routing "real server" inside
 * Linux network namespaces so tests can run rsaudit against genuine kernel state.
 *
 * Why namespaces and not the host: the checks read sysctls, addresses, routes and
 * listeners, and the test machine's own values are whatever the CI image happens to
 * ship. Changing them would break the machine (arp_ignore=8 stops all ARP replies)
 * and would leak between tests. Each call to `withRealServer` instead gets two fresh
 * namespaces joined by a veth pair:
 *
 *     rsa-<pid>-<hex>-rs  (the real server)          rsa-<pid>-<hex>-lan  (its LAN)
 *       lo   up, VIPs                                  lo up
 *       eth0 RIP, e.g. 192.0.2.10/24  <--- veth --->   lan0 192.0.2.1/24 (gateway)
 *       default via 192.0.2.1
 *
 * The veth is created inside the server namespace with its peer placed straight into
 * the LAN namespace, so nothing is ever added to the root namespace. The LAN namespace
 * has no other link, so no packet can leave the pair. Only documentation addresses
 * are accepted (RFC 5737 / RFC 3849), checked before anything is created.
 *
 * Cleanup guarantees: everything created is recorded as it is created and released in
 * a `finally`, whether `fn` throws or a setup step fails halfway: listeners are killed,
 * any process still inside a namespace is killed, both namespaces are deleted and
 * /etc/netns/<name> is removed. Namespace names carry the creating process's PID, so
 * `cleanupStaleNamespaces()` can remove what a crashed run left behind without
 * touching namespaces of a test file running in parallel (vitest fileParallelism).
 */
import {execFile, execFileSync, spawn, type ChildProcess} from 'node:child_process'
import {randomBytes} from 'node:crypto'
import {existsSync, statSync} from 'node:fs'
import {chmod, mkdir, readdir, rm, rmdir, writeFile} from 'node:fs/promises'
import {BlockList, isIP, isIPv4} from 'node:net'
import {dirname, join, normalize, sep} from 'node:path'
import {setTimeout as sleep} from 'node:timers/promises'
import {promisify} from 'node:util'

const execFileAsync = promisify(execFile)

export interface RealServerSpec {
  /** Address on the server's veth, CIDR, e.g. '192.0.2.10/24'. Must lie in 192.0.2.0/24; the LAN end gets the subnet's .1. */
  rip: string
  /** Name of the server-side veth inside the namespace. Default 'eth0'. */
  nic?: string
  /**
   * Addresses to add after the sysctls, e.g. {cidr: '198.51.100.10/32', dev: 'lo'}. `dev: 'veth'` means the
   * server NIC (the misconfigured "VIP on eth0" case); any other name must exist (lo, the NIC or an extraLink).
   */
  vips?: Array<{cidr: string; dev: 'lo' | 'veth' | string; scope?: 'host' | 'global'}>
  /**
   * sysctl keys set inside the server namespace, after the reset to kernel defaults and BEFORE the VIPs,
   * e.g. {'net.ipv4.conf.all.arp_ignore': 1}. sysctl(8) syntax: '.' separates, '/' inside a part stands for
   * a '.' in an interface name ('net.ipv4.conf.eth0/100.arp_ignore').
   */
  sysctls?: Record<string, number | string>
  /**
   * Files visible under /etc inside `exec` (ip netns exec bind-mounts /etc/netns/NAME/X over /etc/X):
   * {'sysctl.d/90-lb.conf': '...'}. Directories are created as needed. The top-level entry (here
   * /etc/sysctl.d) must already exist on the host, and inside the namespace it REPLACES the host's one
   * (the host's other sysctl.d files are hidden there).
   */
  etc?: Record<string, string | {content: string; mode: number}>
  /** TCP listeners started inside the server namespace after the VIPs: {address: '0.0.0.0' | '198.51.100.10' | '::', port: 8080}. '::' is dual-stack. */
  listeners?: Array<{address: string; port: number}>
  /**
   * Extra interfaces in the server namespace, created before the sysctls so keys may name them. Up unless up: false.
   * A 'veth' (a second NIC where the kernel has no dummy driver) gets its peer `<name>p` in the same namespace, also up.
   */
  extraLinks?: Array<{name: string; kind: 'dummy' | 'bridge' | 'veth'; up?: boolean; cidr?: string}>
  /**
   * `ip` commands run in the server namespace after the VIPs, before the listeners, as argv after `ip -n NS`:
   * [['-6', 'neigh', 'add', 'proxy', '2001:db8::10', 'dev', 'eth0'], ['route', 'add', 'default', 'via', '192.0.2.254', 'metric', '100']].
   */
  ipCommands?: string[][]
  /**
   * Commands run inside the server namespace after the VIPs and before the listeners, in order, each an
   * argv array (no shell), e.g. ['iptables', '-t', 'nat', '-A', 'PREROUTING', ...] or nft rules. Whatever
   * they create lives in the namespace and goes with it.
   */
  setup?: string[][]
}

export interface ExecResult {
  stdout: string
  stderr: string
  exitCode: number
}

export interface ExecOptions {
  /** Default 10 s. On timeout the promise rejects (a hang is a test bug, not an exit status). */
  timeoutMs?: number
  /** Merged over process.env. */
  env?: Record<string, string>
}

export type NamespaceExec = (argv: string[], options?: ExecOptions) => Promise<ExecResult>

export interface RealServerNamespace {
  /** The server namespace, e.g. 'rsa-4242-1a2b3c4d-rs'. */
  name: string
  /** Name of the server-side veth inside the namespace (spec.nic, default 'eth0'). */
  nic: string
  /** The RIP without prefix, e.g. '192.0.2.10'. */
  rip: string
  /** Run argv inside the server namespace (no shell, with a timeout); resolves on any exit status. */
  exec: NamespaceExec
  /** The LAN side: gateway/client/LB stand-in, useful for ARP probes against the server. */
  peer: {name: string; nic: string; address: string; exec: NamespaceExec}
}

/** Prefix of every namespace and /etc/netns directory this harness creates. */
const PREFIX = 'rsa-'
const PEER_NIC = 'lan0'
const DEFAULT_NIC = 'eth0'
const ETC_NETNS = '/etc/netns'
const STEP_TIMEOUT_MS = 5_000
const EXEC_TIMEOUT_MS = 10_000
const LISTEN_POLL_INTERVAL_MS = 25
const LISTEN_POLL_ATTEMPTS = 120 // ~3 s plus ss run time; node usually listens within ~100 ms

/**
 * Per-interface IPv4 keys reset to their kernel default (0) in both namespaces. A new namespace copies
 * IPv4 conf/all and conf/default from init_net (net.core.devconf_inherit_init_net=0), and in a CI
 * container init_net is the container HOST, whose values we cannot even see.
 */
const RESET_KEYS = ['arp_ignore', 'arp_announce', 'arp_filter', 'rp_filter', 'arp_accept', 'arp_notify', 'proxy_arp'] as const

/** RFC 5737 / RFC 3849 documentation ranges: the only addresses the harness will configure. */
const DOCUMENTATION_RANGES = new BlockList()
DOCUMENTATION_RANGES.addSubnet('192.0.2.0', 24, 'ipv4')
DOCUMENTATION_RANGES.addSubnet('198.51.100.0', 24, 'ipv4')
DOCUMENTATION_RANGES.addSubnet('203.0.113.0', 24, 'ipv4')
DOCUMENTATION_RANGES.addSubnet('2001:db8::', 32, 'ipv6')

/** Thrown for any setup problem; the message names the step, the command and its stderr. */
export class NetnsHarnessError extends Error {
  override readonly name = 'NetnsHarnessError'
}

// ---------------------------------------------------------------------------------------------
// Availability and stale cleanup
// ---------------------------------------------------------------------------------------------

let availability: {ok: true} | {ok: false; reason: string} | undefined

/**
 * Whether live namespace tests can run here: Linux, root, `ip` present and `ip netns add` permitted
 * (a probe namespace is created and deleted). Synchronous so it can feed `describe.skipIf`; cached.
 */
export function netnsAvailable(): {ok: true} | {ok: false; reason: string} {
  availability ??= probeNetns()
  return availability
}

function probeNetns(): {ok: true} | {ok: false; reason: string} {
  if (process.platform !== 'linux') return {ok: false, reason: `network namespaces need Linux, not ${process.platform}`}
  if (process.getuid?.() !== 0) return {ok: false, reason: 'network namespace tests must run as root'}
  try {
    execFileSync('ip', ['-V'], {stdio: 'pipe', timeout: STEP_TIMEOUT_MS})
  } catch (error) {
    return {ok: false, reason: `iproute2 "ip" is not usable: ${errorText(error)}`}
  }
  const probe = `${namespaceBase()}-probe`
  try {
    execFileSync('ip', ['netns', 'add', probe], {stdio: 'pipe', timeout: STEP_TIMEOUT_MS})
  } catch (error) {
    return {ok: false, reason: `"ip netns add" is not permitted: ${errorText(error)}`}
  }
  try {
    execFileSync('ip', ['netns', 'del', probe], {stdio: 'pipe', timeout: STEP_TIMEOUT_MS})
  } catch (error) {
    return {ok: false, reason: `"ip netns del ${probe}" failed: ${errorText(error)}`}
  }
  return {ok: true}
}

/**
 * Removes `rsa-*` namespaces and /etc/netns/rsa-* directories left by a crashed earlier run, killing
 * processes still inside them. Only names whose creating PID is gone are touched, so this is safe to
 * call in beforeAll while other test files use the harness concurrently. Returns what was removed.
 */
export async function cleanupStaleNamespaces(): Promise<string[]> {
  const removed: string[] = []
  for (const name of await listNamespaces()) {
    if (!isStale(name)) continue
    await killNamespaceProcesses(name)
    await run(['ip', 'netns', 'del', name])
    removed.push(name)
  }
  for (const entry of await readdir(ETC_NETNS).catch(() => [] as string[])) {
    if (!isStale(entry)) continue
    await rm(join(ETC_NETNS, entry), {recursive: true, force: true})
    removed.push(join(ETC_NETNS, entry))
  }
  await removeEtcNetnsIfEmpty()
  return removed
}

/** Namespace names from `ip netns list` ("name (id: 3)" or just "name"). */
export async function listNamespaces(): Promise<string[]> {
  const {stdout} = await mustRun('list namespaces', ['ip', 'netns', 'list'])
  return stdout
    .split('\n')
    .map((line) => line.trim().split(/\s+/)[0] ?? '')
    .filter((name) => name !== '')
}

/** A harness name whose owner process no longer exists (or one without an owner PID at all). */
function isStale(name: string): boolean {
  if (!name.startsWith(PREFIX)) return false
  const pid = Number(/^rsa-(\d+)-/.exec(name)?.[1])
  if (!Number.isSafeInteger(pid) || pid <= 0) return true
  if (pid === process.pid) return false
  try {
    process.kill(pid, 0)
    return false
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ESRCH'
  }
}

// ---------------------------------------------------------------------------------------------
// withRealServer
// ---------------------------------------------------------------------------------------------

/** Everything decided from the spec before touching the kernel, so bad input creates nothing. */
interface Plan {
  spec: RealServerSpec
  server: string
  lan: string
  nic: string
  rip: string
  ripCidr: string
  gateway: string
  gatewayCidr: string
}

/**
 * Creates the two namespaces described in the header, runs `fn` with a handle on the server
 * namespace and always tears everything down afterwards. Setup order follows the DR advice
 * "sysctls before VIPs": /etc files → namespaces, lo up → veth → sysctl reset → RIP, gateway, default
 * route → extra links → spec.sysctls → VIPs → ipCommands → spec.setup commands → listeners.
 */
export async function withRealServer<T>(spec: RealServerSpec, fn: (ns: RealServerNamespace) => Promise<T>): Promise<T> {
  const plan = makePlan(spec)
  const resources = new Resources()
  let result: T
  try {
    await setUp(plan, resources)
    result = await fn(handleFor(plan))
  } catch (error) {
    // Keep the original error; a cleanup failure on top of it is only reported.
    await resources.release().catch((cleanupError: unknown) => {
      console.warn(`netns harness: cleanup after a failure also failed: ${errorText(cleanupError)}`)
    })
    throw error
  }
  await resources.release()
  return result
}

function makePlan(spec: RealServerSpec): Plan {
  const base = namespaceBase()
  const nic = spec.nic ?? DEFAULT_NIC
  assertInterfaceName(nic)
  const {address: rip, prefix} = parseCidr(spec.rip, 'rip')
  if (!isIPv4(rip) || !DOCUMENTATION_RANGES.check(rip, 'ipv4') || !rip.startsWith('192.0.2.')) {
    throw new NetnsHarnessError(`rip ${spec.rip} must be an IPv4 address in 192.0.2.0/24`)
  }
  if (prefix < 24 || prefix > 30) throw new NetnsHarnessError(`rip ${spec.rip}: prefix must be /24../30 so the LAN end can take .1`)
  const gateway = intToIpv4(((ipv4ToInt(rip) & prefixMask(prefix)) >>> 0) + 1)
  if (gateway === rip) throw new NetnsHarnessError(`rip ${spec.rip} collides with the LAN end ${gateway}`)

  for (const vip of spec.vips ?? []) assertDocumentationAddress(vip.cidr, 'vip')
  for (const link of spec.extraLinks ?? []) {
    // The veth peer's name adds one character and must still fit IFNAMSIZ.
    assertInterfaceName(link.kind === 'veth' ? `${link.name}p` : link.name)
    if (link.cidr !== undefined) assertDocumentationAddress(link.cidr, `extraLinks ${link.name}`)
  }
  for (const path of Object.keys(spec.etc ?? {})) assertEtcPath(path)
  if ((spec.setup ?? []).some((argv) => argv.length === 0)) throw new NetnsHarnessError('setup commands need a program')
  for (const key of Object.keys(spec.sysctls ?? {})) sysctlPath(key)

  return {
    spec,
    server: `${base}-rs`,
    lan: `${base}-lan`,
    nic,
    rip,
    ripCidr: `${rip}/${prefix}`,
    gateway,
    gatewayCidr: `${gateway}/${prefix}`,
  }
}

async function setUp(plan: Plan, resources: Resources): Promise<void> {
  const {spec, server, lan, nic} = plan
  const inServer = (args: string[]): string[] => ['ip', '-n', server, ...args]
  const inLan = (args: string[]): string[] => ['ip', '-n', lan, ...args]

  // /etc files first: `ip -n` and `ip netns exec` bind-mount them at every start, so all commands see the same /etc.
  if (spec.etc !== undefined) await writeEtcFiles(plan.server, spec.etc, resources)

  for (const name of [server, lan]) {
    await mustRun(`create namespace ${name}`, ['ip', 'netns', 'add', name])
    resources.namespaces.push(name)
    await mustRun(`bring lo up in ${name}`, ['ip', '-n', name, 'link', 'set', 'lo', 'up'])
  }

  // Created inside the server namespace with the peer placed directly in the LAN one: the root namespace never sees it.
  await mustRun('create veth pair', inServer(['link', 'add', nic, 'type', 'veth', 'peer', 'name', PEER_NIC, 'netns', lan]))
  // Reset every level explicitly. Writing conf/default alone is not enough: it only propagates to interfaces
  // whose "explicitly written" bit is clear, and that bitmap is copied from the host into the new namespace
  // (and from conf/default into each new device), so a host that ran sysctl on conf/default would leak through.
  await writeSysctls(server, resetSysctls(['all', 'default', 'lo', nic]))
  await writeSysctls(lan, resetSysctls(['all', 'default', 'lo', PEER_NIC]))

  await mustRun(`add RIP ${plan.ripCidr}`, inServer(['addr', 'add', plan.ripCidr, 'dev', nic]))
  await mustRun(`add gateway ${plan.gatewayCidr}`, inLan(['addr', 'add', plan.gatewayCidr, 'dev', PEER_NIC]))
  await mustRun(`bring ${nic} up`, inServer(['link', 'set', nic, 'up']))
  await mustRun(`bring ${PEER_NIC} up`, inLan(['link', 'set', PEER_NIC, 'up']))
  // A real server has a default route; egress-interface checks (arp_announce, rp_filter) look for it.
  await mustRun('add default route', inServer(['route', 'add', 'default', 'via', plan.gateway, 'dev', nic]))

  for (const link of spec.extraLinks ?? []) {
    const peer = link.kind === 'veth' ? ['peer', 'name', `${link.name}p`] : []
    await mustRun(`create ${link.kind} ${link.name}`, inServer(['link', 'add', link.name, 'type', link.kind, ...peer]))
    if (link.cidr !== undefined) await mustRun(`add ${link.cidr} on ${link.name}`, inServer(addrAddArgs(link.cidr, link.name)))
    if (link.up ?? true) await mustRun(`bring ${link.name} up`, inServer(['link', 'set', link.name, 'up']))
    if (link.kind === 'veth') await mustRun(`bring ${link.name}p up`, inServer(['link', 'set', `${link.name}p`, 'up']))
  }

  if (spec.sysctls !== undefined) {
    await writeSysctls(server, Object.entries(spec.sysctls).map(([key, value]) => [sysctlPath(key), String(value)]))
  }

  for (const vip of spec.vips ?? []) {
    const dev = vip.dev === 'veth' ? nic : vip.dev
    const args = addrAddArgs(vip.cidr, dev)
    if (vip.scope !== undefined) args.push('scope', vip.scope)
    await mustRun(`add VIP ${vip.cidr} on ${dev}`, inServer(args))
  }

  for (const args of spec.ipCommands ?? []) await mustRun(`ip ${args.join(' ')}`, inServer(args))
  for (const argv of spec.setup ?? []) await mustRun(`setup: ${argv.join(' ')}`, ['ip', 'netns', 'exec', server, ...argv])

  // Started together (each node process takes ~100 ms to come up), but all settled before any cleanup runs.
  const started = await Promise.allSettled((spec.listeners ?? []).map((listener) => startListener(server, listener, resources)))
  const failed = started.find((outcome): outcome is PromiseRejectedResult => outcome.status === 'rejected')
  if (failed !== undefined) throw failed.reason
}

function handleFor(plan: Plan): RealServerNamespace {
  return {
    name: plan.server,
    nic: plan.nic,
    rip: plan.rip,
    exec: (argv, options) => execIn(plan.server, argv, options),
    peer: {name: plan.lan, nic: PEER_NIC, address: plan.gateway, exec: (argv, options) => execIn(plan.lan, argv, options)},
  }
}

/** `ip addr add`; IPv6 gets `nodad` so the address is usable at once instead of tentative for ~1 s. */
export function addrAddArgs(cidr: string, dev: string): string[] {
  const args = ['addr', 'add', cidr, 'dev', dev]
  if (isIP(cidr.split('/')[0] ?? '') === 6) args.push('nodad')
  return args
}

// ---------------------------------------------------------------------------------------------
// Resources and cleanup
// ---------------------------------------------------------------------------------------------

/** What one withRealServer call created, recorded as soon as it exists so a halfway setup is undone too. */
export class Resources {
  readonly namespaces: string[] = []
  readonly children: ChildProcess[] = []
  etcDir: string | undefined
  /** /etc/netns did not exist before we created it, so we remove it again once empty. */
  createdEtcNetns = false

  /** Attempts every step even when one fails, then reports all failures together. */
  async release(): Promise<void> {
    const failures: string[] = []
    const attempt = async (what: string, step: () => Promise<unknown>): Promise<void> => {
      try {
        await step()
      } catch (error) {
        failures.push(`${what}: ${errorText(error)}`)
      }
    }

    for (const child of this.children) await attempt(`kill listener ${child.pid}`, () => killChild(child))
    // Kill whatever else a test left running inside (a namespace with live processes outlives `ip netns del`).
    for (const name of this.namespaces) await attempt(`kill processes in ${name}`, () => killNamespaceProcesses(name))
    for (const name of this.namespaces) await attempt(`delete ${name}`, () => mustRun(`delete ${name}`, ['ip', 'netns', 'del', name]))
    if (this.etcDir !== undefined) {
      const dir = this.etcDir
      await attempt(`remove ${dir}`, () => rm(dir, {recursive: true, force: true}))
      if (this.createdEtcNetns) await attempt(`remove ${ETC_NETNS}`, removeEtcNetnsIfEmpty)
    }
    if (failures.length > 0) throw new NetnsHarnessError(`cleanup failed:\n  ${failures.join('\n  ')}`)
  }
}

async function killChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  child.kill('SIGKILL')
  await Promise.race([exited, sleep(STEP_TIMEOUT_MS).then(() => Promise.reject(new Error('did not exit after SIGKILL')))])
}

async function killNamespaceProcesses(name: string): Promise<void> {
  const {stdout} = await run(['ip', 'netns', 'pids', name])
  for (const pid of stdout.split('\n').map(Number).filter((n) => Number.isSafeInteger(n) && n > 0)) {
    try {
      process.kill(pid, 'SIGKILL')
    } catch {
      // Already gone.
    }
  }
}

async function removeEtcNetnsIfEmpty(): Promise<void> {
  // rmdir, not rm -r: only an empty directory goes, so another run's files (or the admin's) stay.
  await rmdir(ETC_NETNS).catch(() => undefined)
}

// ---------------------------------------------------------------------------------------------
// /etc/netns files
// ---------------------------------------------------------------------------------------------

async function writeEtcFiles(name: string, files: NonNullable<RealServerSpec['etc']>, resources: Resources): Promise<void> {
  const root = join(ETC_NETNS, name)
  if (!existsSync(ETC_NETNS)) resources.createdEtcNetns = true
  resources.etcDir = root
  for (const [path, file] of Object.entries(files)) {
    const target = join(root, path)
    await mkdirRetrying(dirname(target))
    const {content, mode} = typeof file === 'string' ? {content: file, mode: 0o644} : file
    await writeFile(target, content)
    await chmod(target, mode) // writeFile's mode is filtered by the umask; chmod is exact.
  }
}

/** A parallel run may rmdir an empty /etc/netns between our mkdir steps; retry a few times. */
async function mkdirRetrying(dir: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await mkdir(dir, {recursive: true})
      return
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT' || attempt >= 3) throw error
    }
  }
}

/**
 * ip netns exec bind-mounts each TOP-LEVEL entry of /etc/netns/NAME onto /etc/<entry>. The mount point must
 * exist on the host, otherwise iproute2 only prints "Bind ... failed" and the file is silently invisible.
 */
function assertEtcPath(path: string): void {
  const clean = normalize(path)
  if (path === '' || path.startsWith('/') || clean.startsWith('..') || clean.split(sep).includes('..')) {
    throw new NetnsHarnessError(`etc path "${path}" must be relative to /etc and stay inside it`)
  }
  const [top = '', ...rest] = clean.split(sep)
  const hostPath = join('/etc', top)
  let isDirectory: boolean
  try {
    isDirectory = statSync(hostPath).isDirectory()
  } catch {
    throw new NetnsHarnessError(`etc path "${path}": ${hostPath} does not exist on the host, so ip netns exec cannot bind-mount over it`)
  }
  if (rest.length > 0 && !isDirectory) throw new NetnsHarnessError(`etc path "${path}": ${hostPath} is not a directory on the host`)
  if (rest.length === 0 && isDirectory) throw new NetnsHarnessError(`etc path "${path}": ${hostPath} is a directory on the host`)
}

// ---------------------------------------------------------------------------------------------
// sysctls
// ---------------------------------------------------------------------------------------------

export function resetSysctls(scopes: string[]): Array<[string, string]> {
  return scopes.flatMap((scope) => RESET_KEYS.map((key): [string, string] => [`net/ipv4/conf/${scope}/${key}`, '0']))
}

/** 'net.ipv4.conf.eth0/100.arp_ignore' → 'net/ipv4/conf/eth0.100/arp_ignore' (sysctl(8) convention). */
export function sysctlPath(key: string): string {
  const parts = key.split('.').map((part) => part.replaceAll('/', '.'))
  if (parts.some((part) => part === '' || part === '..' || part === '.')) throw new NetnsHarnessError(`invalid sysctl key "${key}"`)
  return parts.join('/')
}

/**
 * Writes /proc/sys entries from a process inside the namespace (/proc/sys/net resolves to the writer's
 * namespace). One short node process for all keys: no dependency on procps `sysctl` in slim CI images,
 * and the kernel's own error (EINVAL, ENOENT) comes back per key.
 */
export async function writeSysctls(namespace: string, entries: Array<[string, string]>): Promise<void> {
  if (entries.length === 0) return
  const script = `
    const fs = require('node:fs')
    let failed = false
    for (const arg of process.argv.slice(1)) {
      const at = arg.indexOf('=')
      const path = arg.slice(0, at), value = arg.slice(at + 1)
      try { fs.writeFileSync('/proc/sys/' + path, value + '\\n') }
      catch (e) { failed = true; console.error(path.replaceAll('/', '.') + ' = ' + value + ': ' + e.message) }
    }
    process.exit(failed ? 1 : 0)`
  const argv = ['ip', 'netns', 'exec', namespace, process.execPath, '-e', script, ...entries.map(([path, value]) => `${path}=${value}`)]
  await mustRun(`set sysctls in ${namespace}`, argv, {env: nodeChildEnv()})
}

// ---------------------------------------------------------------------------------------------
// Listeners
// ---------------------------------------------------------------------------------------------

/** Accepts and closes connections; exits when its stdin closes, so a crashed test run does not leave it behind. */
const LISTENER_SCRIPT = `
  const net = require('node:net')
  const [host, port] = process.argv.slice(1)
  net.createServer((socket) => socket.on('error', () => {}).end('rsaudit-test\\n')) // a client's reset must not kill the server
    .on('error', (e) => { console.error(e.message); process.exit(1) })
    .listen({host, port: Number(port)})
  process.stdin.on('end', () => process.exit(0)).resume()`

export async function startListener(namespace: string, listener: {address: string; port: number}, resources: Resources): Promise<void> {
  const what = `listener ${listener.address}:${listener.port}`
  const child = spawn('ip', ['netns', 'exec', namespace, process.execPath, '-e', LISTENER_SCRIPT, listener.address, String(listener.port)], {
    stdio: ['pipe', 'ignore', 'pipe'],
    env: nodeChildEnv(),
  })
  resources.children.push(child)
  let stderr = ''
  let spawnFailure: Error | undefined
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  child.once('error', (error) => (spawnFailure = error))

  for (let attempt = 0; attempt < LISTEN_POLL_ATTEMPTS; attempt++) {
    if (spawnFailure !== undefined) throw new NetnsHarnessError(`${what}: could not start: ${spawnFailure.message}`)
    // Fail fast with the server's own message (EADDRNOTAVAIL, EADDRINUSE) instead of polling to the end.
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new NetnsHarnessError(`${what}: exited with ${child.exitCode ?? child.signalCode}: ${stderr.trim()}`)
    }
    const {stdout} = await mustRun(`${what}: ss`, ['ip', 'netns', 'exec', namespace, 'ss', '-Hltn', 'sport', '=', `:${listener.port}`])
    if (parseSsListeners(stdout).some((local) => sameListenAddress(local, listener.address))) return
    await sleep(LISTEN_POLL_INTERVAL_MS)
  }
  throw new NetnsHarnessError(`${what}: not listening after ${LISTEN_POLL_ATTEMPTS} checks: ${stderr.trim()}`)
}

/** Local addresses from `ss -Hltn`: 'LISTEN 0 511 [2001:db8::10]:8083 [::]:*' → '2001:db8::10'. */
function parseSsListeners(stdout: string): string[] {
  return stdout
    .split('\n')
    .map((line) => line.trim().split(/\s+/)[3])
    .filter((local): local is string => local !== undefined)
    .map((local) => local.slice(0, local.lastIndexOf(':')).replace(/^\[(.*)\]$/, '$1').replace(/%.*$/, ''))
}

/** ss shows a dual-stack '::' socket as '*' and a v6only one as '::'. */
function sameListenAddress(shown: string, requested: string): boolean {
  if (shown === requested) return true
  return shown === '*' && (requested === '::' || requested === '0.0.0.0')
}

// ---------------------------------------------------------------------------------------------
// Process helpers (argv arrays only, never a shell)
// ---------------------------------------------------------------------------------------------

export function execIn(namespace: string, argv: string[], options: ExecOptions = {}): Promise<ExecResult> {
  if (argv.length === 0) return Promise.reject(new NetnsHarnessError('exec needs a program'))
  return run(['ip', 'netns', 'exec', namespace, ...argv], {
    timeoutMs: options.timeoutMs ?? EXEC_TIMEOUT_MS,
    env: options.env === undefined ? undefined : {...process.env, ...options.env},
  })
}

/** Runs argv; resolves with the exit code on nonzero exit, rejects only on spawn failure or timeout. */
async function run(argv: string[], options: {timeoutMs?: number; env?: NodeJS.ProcessEnv | undefined} = {}): Promise<ExecResult> {
  const [file, ...args] = argv
  if (file === undefined) throw new NetnsHarnessError('empty argv')
  const timeout = options.timeoutMs ?? STEP_TIMEOUT_MS
  try {
    const {stdout, stderr} = await execFileAsync(file, args, {timeout, env: options.env, maxBuffer: 16 * 1024 * 1024, encoding: 'utf8'})
    return {stdout, stderr, exitCode: 0}
  } catch (error) {
    const failure = error as NodeJS.ErrnoException & {stdout?: string; stderr?: string; killed?: boolean; signal?: string | null}
    if (typeof failure.code === 'number') return {stdout: failure.stdout ?? '', stderr: failure.stderr ?? '', exitCode: failure.code}
    if (failure.killed === true || failure.signal) {
      throw new NetnsHarnessError(`${argv.join(' ')}: killed by ${failure.signal ?? 'signal'} (timeout ${timeout} ms?)`)
    }
    throw new NetnsHarnessError(`${argv.join(' ')}: ${failure.message}`)
  }
}

/** `run`, but a nonzero exit becomes an error naming the step, the command and its stderr. */
export async function mustRun(step: string, argv: string[], options: {env?: NodeJS.ProcessEnv} = {}): Promise<ExecResult> {
  const result = await run(argv, options)
  if (result.exitCode !== 0) {
    const detail = (result.stderr.trim() || result.stdout.trim() || '(no output)').replaceAll('\n', ' | ')
    throw new NetnsHarnessError(`netns setup step "${step}" failed: \`${argv.join(' ')}\` exited ${result.exitCode}: ${detail}`)
  }
  return result
}

/** vitest may put loader flags into NODE_OPTIONS; the helper node processes must start plain. */
function nodeChildEnv(): NodeJS.ProcessEnv {
  const env = {...process.env}
  delete env.NODE_OPTIONS
  return env
}

// ---------------------------------------------------------------------------------------------
// Small pure helpers
// ---------------------------------------------------------------------------------------------

/** 'rsa-<pid>-<8 hex>': the PID lets stale cleanup tell a crashed run from a parallel one. */
export function namespaceBase(): string {
  return `${PREFIX}${process.pid}-${randomBytes(4).toString('hex')}`
}

function parseCidr(cidr: string, what: string): {address: string; prefix: number} {
  const match = /^([^/]+)\/(\d{1,3})$/.exec(cidr)
  if (match === null) throw new NetnsHarnessError(`${what} "${cidr}" is not in CIDR form address/prefix`)
  return {address: match[1] ?? '', prefix: Number(match[2])}
}

/**
 * Refuses well-formed addresses outside the documentation ranges. The prefix is left to `ip`, so an
 * invalid one (e.g. /33) still fails at `ip addr add` time, which the self-tests rely on.
 */
export function assertDocumentationAddress(cidr: string, what: string): void {
  const {address} = parseCidr(cidr, what)
  const family = isIP(address)
  if (family === 0) throw new NetnsHarnessError(`${what} "${cidr}" is not an IP address`)
  if (!DOCUMENTATION_RANGES.check(address, family === 4 ? 'ipv4' : 'ipv6')) {
    throw new NetnsHarnessError(`${what} ${cidr} is outside the documentation ranges (192.0.2.0/24, 198.51.100.0/24, 203.0.113.0/24, 2001:db8::/32)`)
  }
}

export function assertInterfaceName(name: string): void {
  // IFNAMSIZ is 16 including the NUL; '/' and whitespace are rejected by the kernel anyway.
  if (!/^[A-Za-z0-9_.-]{1,15}$/.test(name)) throw new NetnsHarnessError(`invalid interface name "${name}"`)
}

function ipv4ToInt(address: string): number {
  return address.split('.').reduce((acc, octet) => acc * 256 + Number(octet), 0)
}

function intToIpv4(value: number): string {
  return [24, 16, 8, 0].map((shift) => Math.floor(value / 2 ** shift) % 256).join('.')
}

function prefixMask(prefix: number): number {
  return prefix === 0 ? 0 : (0xffffffff << (32 - prefix)) >>> 0
}

function errorText(error: unknown): string {
  if (error instanceof Error) {
    const stderr = (error as {stderr?: unknown}).stderr
    const detail = typeof stderr === 'string' || Buffer.isBuffer(stderr) ? stderr.toString().trim() : ''
    return detail === '' ? error.message : `${error.message.split('\n')[0]}: ${detail}`
  }
  return String(error)
}
