/**
 * OS identity of the live host from systeminformation. It is used for this and nothing else:
 * its empty-string-on-failure style would hide missing facts that rules decide on.
 */
import type {Fact, OsIdentity} from '../facts/model.js'

export const PLATFORMS: Record<string, OsIdentity['platform']> = {linux: 'linux', win32: 'windows', sunos: 'solaris', freebsd: 'freebsd', darwin: 'darwin'}

export async function liveIdentity(): Promise<Fact<OsIdentity>> {
  const source = 'systeminformation osInfo()'
  try {
    // Only the OS module: the package index loads every module (CPU, Docker, Wi-Fi...), a fifth of start-up.
    const {osInfo} = await import('systeminformation/lib/osinfo.js')
    const info = await osInfo()
    return {
      status: 'ok',
      value: {platform: PLATFORMS[info.platform] ?? 'unknown', hostname: info.hostname, distro: info.distro, release: info.release, kernel: info.kernel},
      source,
    }
  } catch (error) {
    return {status: 'unavailable', reason: 'nonzero-exit', detail: `OS identity unavailable: ${(error as Error).message}`, source}
  }
}
