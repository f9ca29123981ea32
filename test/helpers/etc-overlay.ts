/**
 * A private mount namespace whose /etc is an overlay, for collector tests that need awkward
 * configuration files without touching the host's /etc (test/collectors/collect-sh*.test.ts).
 */
import {mkdirSync, mkdtempSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {spawnSync, type SpawnSyncReturns} from 'node:child_process'

/**
 * Runs argv in a private mount namespace where /etc is an overlay: the host's /etc below,
 * `fixture`/etc copied on top, then the `prepare` shell lines. The host's /etc never changes.
 */
export function inEtcOverlay(fixture: string, prepare: readonly string[], argv: readonly string[], cwd: string): SpawnSyncReturns<string> {
  const upper = join(fixture, 'mnt')
  mkdirSync(upper, {recursive: true})
  const script = [
    'set -e',
    // overlayfs wants its upper and work directories on a file system that is not overlayfs.
    'mount -t tmpfs rsaudit-test "$1"',
    'mkdir "$1/upper" "$1/work"',
    'mount -t overlay overlay -o "lowerdir=/etc,upperdir=$1/upper,workdir=$1/work" /etc',
    'if [ -d "$2/etc" ]; then cp -a "$2/etc/." /etc/; fi',
    ...prepare,
    'shift 2',
    'exec "$@"',
  ].join('\n')
  return spawnSync('unshare', ['--mount', '--propagation', 'private', 'sh', '-c', script, 'overlay', upper, fixture, ...argv], {encoding: 'utf8', timeout: 120_000, cwd})
}

let overlay: {ok: boolean; reason: string} | undefined

/** Root, unshare and overlayfs: what the /etc overlay tests need. Probed once. */
export function overlayAvailable(): {ok: boolean; reason: string} {
  if (overlay !== undefined) return overlay
  if (process.getuid?.() !== 0) overlay = {ok: false, reason: 'needs root'}
  else {
    const probe = mkdtempSync(join(tmpdir(), 'rsaudit-overlay-probe-'))
    const result = inEtcOverlay(probe, [], ['true'], probe)
    rmSync(probe, {recursive: true, force: true})
    overlay = result.status === 0 ? {ok: true, reason: ''} : {ok: false, reason: `unshare/overlayfs unusable: ${result.stderr || String(result.error)}`}
  }
  if (!overlay.ok && process.env.CI) throw new Error(`the /etc overlay tests must run in CI: ${overlay.reason}`)
  return overlay
}
