/**
 * HostFacts for Solaris, FreeBSD and macOS: each platform's module gives interfaces, the VIPs
 * configured for boot and its own switches (unix-model.ts); the facts only Linux or Windows have
 * are `unsupported` here, so a rule that needs one says why it could not be checked.
 */
import type {RawSource} from '../../collect/raw-source.js'
import type {FactUnavailable, HostFacts} from '../model.js'

export type UnixSpecificFacts = Pick<HostFacts, 'interfaces' | 'persistedAddresses' | 'hostModel' | 'checkInterface'>

const NAMES = {solaris: 'Solaris', freebsd: 'FreeBSD', darwin: 'macOS'} as const

export async function collectUnixFacts(source: RawSource): Promise<HostFacts> {
  const platform = source.platform
  if (platform !== 'solaris' && platform !== 'freebsd' && platform !== 'darwin') throw new Error(`collectUnixFacts called for ${platform}`)
  const name = NAMES[platform]
  const specific = await (platform === 'solaris'
    ? import('./solaris.js').then((m) => m.solarisFacts(source))
    : platform === 'freebsd'
      ? import('./freebsd.js').then((m) => m.freebsdFacts(source))
      : import('./darwin.js').then((m) => m.darwinFacts(source)))
  const linuxOnly: FactUnavailable = {status: 'unavailable', reason: 'unsupported', detail: `a Linux fact; this is a ${name} host`, source: 'platform'}
  const notRead = (what: string): FactUnavailable => ({status: 'unavailable', reason: 'unsupported', detail: `${what} are not read on ${name} yet`, source: 'platform'})
  return {
    os: await source.identity(),
    ...specific,
    routes: notRead('routes'),
    listeners: notRead('listening sockets'),
    ipv4Conf: linuxOnly,
    bootSysctl: linuxOnly,
    networkStack: linuxOnly,
    privileged: source.privileged,
  }
}
