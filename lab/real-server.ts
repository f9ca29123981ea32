/**
 * A correctly configured Direct Routing real server, live and persisted, so that the correct
 * scenario passes every rule, persistence ones included.
 *
 * Persistence lives in /etc/netns/<ns>/, which `ip netns exec` bind-mounts over /etc: the audit run
 * inside the namespace then reads these files as the server's /etc/sysctl.d and /etc/systemd.
 */
import {mkdir, rm, writeFile} from 'node:fs/promises'
import {dirname, join} from 'node:path'

import {must} from './exec.js'
import {startHttpService} from './http-service.js'
import {ADDRESSES, NIC, type RealServer, VIP} from './topology.js'

const ETC_NETNS = '/etc/netns'

export const GOOD_SYSCTLS: Record<string, number> = {'net.ipv4.conf.all.arp_ignore': 1, 'net.ipv4.conf.all.arp_announce': 2}

const PERSISTED_FILES: Record<string, string> = {
  'sysctl.d/90-lvs-dr.conf': 'net.ipv4.conf.all.arp_ignore = 1\nnet.ipv4.conf.all.arp_announce = 2\n',
  'systemd/network/10-lo-vip.network': `[Match]\nName=lo\n\n[Network]\nAddress=${VIP}/32\n`,
  // An enabled systemd-networkd, so the .network file counts as applied at boot.
  'systemd/system/multi-user.target.wants/systemd-networkd.service': '',
}

export async function setSysctl(ns: string, key: string, value: number): Promise<void> {
  await must(`sysctl ${key} in ${ns}`, ['ip', 'netns', 'exec', ns, 'sysctl', '-qw', `${key}=${value}`])
}

export async function configureRealServer(ns: string, server: RealServer): Promise<void> {
  for (const [key, value] of Object.entries(GOOD_SYSCTLS)) await setSysctl(ns, key, value)
  await must(`VIP on lo in ${ns}`, ['ip', '-n', ns, 'addr', 'add', `${VIP}/32`, 'dev', 'lo'])
  await writeEtcFiles(ns, PERSISTED_FILES)
  await startHttpService(ns, '0.0.0.0', server)
}

async function writeEtcFiles(ns: string, files: Record<string, string>): Promise<void> {
  for (const [relative, content] of Object.entries(files)) {
    const path = join(ETC_NETNS, ns, relative)
    await mkdir(dirname(path), {recursive: true})
    await writeFile(path, content)
  }
}

export async function removeEtcFiles(ns: string): Promise<void> {
  await rm(join(ETC_NETNS, ns), {recursive: true, force: true})
}

/** The server's own address and LAN interface, for scenarios that move things around. */
export function serverAddress(server: RealServer): {rip: string; nic: string} {
  return {rip: ADDRESSES[server], nic: NIC}
}
