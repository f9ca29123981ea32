/**
 * Gathers every Linux fact from a RawSource. Live runs and bundles both come through here,
 * so they parse the same text the same way. Independent facts are collected concurrently.
 */
import type {RawSource} from '../../collect/raw-source.js'
import type {HostFacts} from '../model.js'
import {collectLinuxModeFacts} from './mode-facts.js'
import {collectInterfaces, collectListeners, collectRoutes} from './network-state.js'
import {collectNetfilter} from './netfilter.js'
import {collectPersistence} from './persistence.js'
import {collectBootSysctl, collectIpv4Conf} from './sysctls.js'

export async function collectLinuxFacts(source: RawSource): Promise<HostFacts> {
  const [os, interfaces, routes, listeners, ipv4Conf, persistence, netfilter, modeFacts] = await Promise.all([
    source.identity(),
    collectInterfaces(source),
    collectRoutes(source),
    collectListeners(source),
    collectIpv4Conf(source),
    collectPersistence(source),
    collectNetfilter(source),
    collectLinuxModeFacts(source),
  ])
  // Boot-time globs expand against the interfaces that exist, so this waits for them.
  const names = interfaces.status === 'ok' ? interfaces.value.map((nic) => nic.name) : []
  const bootSysctl = await collectBootSysctl(source, names)
  return {os, interfaces, routes, listeners, ipv4Conf, bootSysctl, ...persistence, ...netfilter, ...modeFacts, privileged: source.privileged}
}
