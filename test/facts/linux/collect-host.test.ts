/**
 * collectLinuxFacts over an in-memory host built from a real capture
 * (fixtures/linux/debian12-iproute2-6.1-netns-vip: ip -j, ss, /proc/net/tcp{,6}) plus
 * /proc/sys values and boot-time files written here. It covers the fallbacks a real fleet
 * needs (old iproute2 without -j, no ss), the "unreadable means unknown, with a run-as-root
 * hint" contract, and the two reboot traps: a non-executable rc.local and a networkd file on
 * a host where systemd-networkd is not enabled.
 */
import {readdirSync, readFileSync} from 'node:fs'
import {basename, join} from 'node:path'

import {describe, expect, it} from 'vitest'

import {LINUX_COMMANDS, LINUX_PATHS} from '../../../src/collect/linux-commands.js'
import {collectLinuxFacts} from '../../../src/facts/linux/collect-host.js'
import type {HostFacts, Ipv4ConfKey, Listener, NetInterface, Route} from '../../../src/facts/model.js'
import {commandFailure, deniedDetail, type FakeFile, type FakeHost, FakeSource} from '../../collect/fake-source.js'
import {FIXTURES_ROOT} from '../../helpers/fixtures.js'

const SCENARIO = join(FIXTURES_ROOT, 'debian12-iproute2-6.1-netns-vip')
const COMMAND_IDS = new Set<string>(Object.values(LINUX_COMMANDS).map((spec) => spec.id))
const CONF = LINUX_PATHS.ipv4Conf
const VIP = '198.51.100.10'
const RC_LOCAL = `#!/bin/sh -e\nip addr add ${VIP}/32 dev lo\nexit 0\n`
const LO_NETWORK = `[Match]\nName=lo\n\n[Network]\nAddress=${VIP}/32\n`
const NETWORKD_WANTS = '/etc/systemd/system/multi-user.target.wants/systemd-networkd.service'

function fixture(name: string): string {
  return readFileSync(join(SCENARIO, name), 'utf8')
}

function expected<T>(name: string): T {
  return JSON.parse(fixture(`${name}.expected.json`)) as T
}

/** Every `<command-id>.txt` of the scenario, keyed by command id. */
function capturedCommands(): Record<string, string> {
  const names = readdirSync(SCENARIO).filter((name) => name.endsWith('.txt') && COMMAND_IDS.has(basename(name, '.txt')))
  return Object.fromEntries(names.map((name) => [basename(name, '.txt'), fixture(name)]))
}

/** /proc/sys/net/ipv4/conf/<scope>/<key> files; a FakeFile value stands for an odd or unreadable file. */
function ipv4ConfFiles(values: Record<string, Partial<Record<Ipv4ConfKey, number | FakeFile>>>): Record<string, string | FakeFile> {
  return Object.fromEntries(
    Object.entries(values).flatMap(([scope, keys]) =>
      Object.entries(keys).map(([key, value]) => [`${CONF}/${scope}/${key}`, typeof value === 'number' ? `${value}\n` : value]),
    ),
  )
}

const ALL_KEYS = (value: number) => ({arp_ignore: value, arp_announce: value, arp_filter: 0, rp_filter: 0})

/** The captured host: real command output, /proc files, live sysctls and two sysctl.d files. */
const BASE: Required<Pick<FakeHost, 'commands' | 'files'>> = {
  commands: capturedCommands(),
  files: {
    [LINUX_PATHS.procNetTcp]: fixture('proc-net-tcp.txt'),
    [LINUX_PATHS.procNetTcp6]: fixture('proc-net-tcp6.txt'),
    ...ipv4ConfFiles({all: ALL_KEYS(1), default: ALL_KEYS(0), lo: ALL_KEYS(0), veth1: ALL_KEYS(0)}),
    '/usr/lib/sysctl.d/50-default.conf': 'net.ipv4.conf.*.rp_filter = 2\n',
    '/etc/sysctl.d/90-lb.conf': 'net.ipv4.conf.all.arp_ignore = 1\nnet.ipv4.conf.all.arp_announce = 2\n',
  },
}

/** Collects from the base host changed by `change`; commands and files merge over the base. */
function collect(change: FakeHost = {}): Promise<HostFacts> {
  return collectLinuxFacts(
    new FakeSource({...change, commands: {...BASE.commands, ...change.commands}, files: {...BASE.files, ...change.files}}),
  )
}

async function persistedOn(change: FakeHost) {
  const facts = await collect(change)
  if (facts.persistedAddresses.status !== 'ok' || facts.networkStack.status !== 'ok') throw new Error(`persistence unavailable: ${JSON.stringify(facts.persistedAddresses)}`)
  return {entries: facts.persistedAddresses.value, stack: facts.networkStack.value}
}

describe('collectLinuxFacts: network state from the JSON commands', () => {
  it('reads interfaces from ip -d -j addr show', async () => {
    const {interfaces} = await collect()
    expect(interfaces).toEqual({status: 'ok', value: expected<NetInterface[]>('ip-addr-json'), source: 'ip -d -j addr show'})
  })

  it('reads IPv4 and IPv6 routes from one ip -j route command (table all lists both families)', async () => {
    const {routes} = await collect()
    expect(routes.status === 'ok' && routes.source).toBe('ip -j route show table all')
    const value = routes.status === 'ok' ? routes.value : []
    expect(value).toEqual(expect.arrayContaining(expected<Route[]>('ip6-route-json')))
  })

  // iproute2 prints IPv6 routes in `ip -j route show table all` too; a second `ip -6` run doubled them.
  it('lists each route once', async () => {
    const {routes} = await collect()
    const value = routes.status === 'ok' ? routes.value : []
    const distinct = new Set(value.map((route) => JSON.stringify(route)))
    expect(value).toHaveLength(distinct.size)
  })

  it('reads TCP listeners from ss', async () => {
    const {listeners} = await collect()
    expect(listeners).toEqual({status: 'ok', value: expected<Listener[]>('ss-listen-tcp'), source: 'ss -Hltn'})
  })

  it('passes the identity and the privilege flag through', async () => {
    const facts = await collect({privileged: false})
    expect(facts.os).toMatchObject({status: 'ok', value: {platform: 'linux', release: '12'}})
    expect(facts.privileged).toBe(false)
  })
})

describe('collectLinuxFacts: fallbacks', () => {
  const noJson = commandFailure('nonzero-exit', 'ip -d -j addr show exited with 255: Option "-j" is unknown, try "ip -help".', 'Option "-j" is unknown, try "ip -help".\n')

  it('falls back to plain ip -d addr when -j is unknown (old iproute2)', async () => {
    const {interfaces} = await collect({commands: {'ip-addr-json': noJson}})
    expect(interfaces).toEqual({status: 'ok', value: expected<NetInterface[]>('ip-addr'), source: 'ip -d addr show'})
  })

  it('reports the text command’s failure when both ip forms fail', async () => {
    const {interfaces} = await collect({commands: {'ip-addr-json': noJson, 'ip-addr': commandFailure('command-missing', 'ip is not installed')}})
    expect(interfaces).toEqual({status: 'unavailable', reason: 'command-missing', detail: 'ip is not installed', source: 'ip -d addr show'})
  })

  it('reads /proc/net/tcp and /proc/net/tcp6 when ss is missing', async () => {
    const {listeners} = await collect({commands: {'ss-listen-tcp': commandFailure('command-missing', 'ss is not installed')}})
    expect(listeners).toEqual({
      status: 'ok',
      value: [...expected<Listener[]>('proc-net-tcp'), ...expected<Listener[]>('proc-net-tcp6')],
      source: '/proc/net/tcp; /proc/net/tcp6',
    })
  })

  it('keeps the IPv4 listeners of a host without /proc/net/tcp6 (IPv6 disabled)', async () => {
    const {listeners} = await collect({commands: {'ss-listen-tcp': commandFailure('command-missing', 'ss is not installed')}, files: {[LINUX_PATHS.procNetTcp6]: {}}})
    expect(listeners).toEqual({status: 'ok', value: expected<Listener[]>('proc-net-tcp'), source: '/proc/net/tcp'})
  })
})

describe('collectLinuxFacts: live IPv4 sysctls', () => {
  it('reads every key of every scope under /proc/sys/net/ipv4/conf', async () => {
    const {ipv4Conf} = await collect()
    expect(ipv4Conf).toEqual({status: 'ok', value: {all: ALL_KEYS(1), default: ALL_KEYS(0), lo: ALL_KEYS(0), veth1: ALL_KEYS(0)}, source: CONF})
  })

  it('keeps readable values and omits unreadable or non-numeric ones', async () => {
    const {ipv4Conf} = await collect({files: ipv4ConfFiles({veth1: {arp_filter: {denied: true}, rp_filter: {content: 'garbage\n'}}})})
    expect(ipv4Conf.status === 'ok' && ipv4Conf.value.veth1).toEqual({arp_ignore: 0, arp_announce: 0})
    expect(ipv4Conf.status === 'ok' && ipv4Conf.value.all).toEqual(ALL_KEYS(1))
  })

  it('is unavailable with the first failure when nothing at all is readable', async () => {
    const {ipv4Conf} = await collect({deniedDirs: [`${CONF}/all`, `${CONF}/default`, `${CONF}/lo`, `${CONF}/veth1`]})
    expect(ipv4Conf).toEqual({status: 'unavailable', reason: 'permission-denied', detail: deniedDetail(`${CONF}/all/arp_ignore`), source: CONF})
  })
})

describe('collectLinuxFacts: boot-time sysctls', () => {
  it('applies sysctl.d files and expands globs against the interfaces found by ip', async () => {
    const {bootSysctl} = await collect()
    const values = bootSysctl.status === 'ok' ? bootSysctl.value.values : []
    expect(values).toContainEqual({key: 'net.ipv4.conf.all.arp_ignore', value: '1', file: '/etc/sysctl.d/90-lb.conf', line: 1})
    const rpFilterKeys = values.filter((v) => v.pattern === 'net.ipv4.conf.*.rp_filter').map((v) => v.key)
    for (const name of expected<NetInterface[]>('ip-addr-json').map((nic) => nic.name)) expect(rpFilterKeys).toContain(`net.ipv4.conf.${name}.rp_filter`)
  })

  it('is unavailable when /etc/sysctl.d cannot be listed', async () => {
    const {bootSysctl} = await collect({deniedDirs: ['/etc/sysctl.d']})
    expect(bootSysctl).toMatchObject({status: 'unavailable', reason: 'permission-denied', detail: deniedDetail('/etc/sysctl.d')})
  })
})

describe('collectLinuxFacts: boot-time addresses', () => {
  it('makes persistedAddresses and networkStack unavailable, with a run-as-root hint, when a NetworkManager directory is unreadable', async () => {
    const facts = await collect({deniedDirs: ['/etc/NetworkManager/system-connections']})
    for (const fact of [facts.persistedAddresses, facts.networkStack]) {
      expect(fact).toMatchObject({status: 'unavailable', reason: 'permission-denied'})
      expect(fact.status === 'unavailable' && fact.detail).toContain('run as root')
      expect(fact.status === 'unavailable' && fact.detail).toContain('/etc/NetworkManager/system-connections')
    }
  })

  it('finds nothing, and no stack, on a host without boot-time network files', async () => {
    await expect(persistedOn({})).resolves.toEqual({entries: [], stack: {netplan: false, networkManager: false, systemdNetworkd: false, ifupdown: false, ifcfg: false, rcLocal: false}})
  })

  it('marks an rc.local without the executable bit as not effective, with a note', async () => {
    const {entries, stack} = await persistedOn({files: {'/etc/rc.local': {content: RC_LOCAL, mode: 0o644}}})
    expect(entries).toHaveLength(1)
    expect(entries[0]).toMatchObject({mechanism: 'rc.local', interface: 'lo', address: VIP, file: '/etc/rc.local', line: 2, effective: false})
    expect(entries[0]?.note).toMatch(/not executable/)
    expect(stack.rcLocal).toBe(false)
  })

  it('counts an executable rc.local (0755) as effective', async () => {
    const {entries, stack} = await persistedOn({files: {'/etc/rc.local': {content: RC_LOCAL, mode: 0o755}}})
    expect(entries).toEqual([{mechanism: 'rc.local', interface: 'lo', address: VIP, prefixLength: 32, file: '/etc/rc.local', line: 2, effective: true}])
    expect(stack.rcLocal).toBe(true)
  })

  it('reads RHEL’s /etc/rc.local -> rc.d/rc.local link once', async () => {
    const {entries} = await persistedOn({
      files: {'/etc/rc.local': {content: RC_LOCAL, mode: 0o755, linkTarget: 'rc.d/rc.local'}, '/etc/rc.d/rc.local': {content: RC_LOCAL, mode: 0o755}},
    })
    expect(entries.map((entry) => entry.file)).toEqual(['/etc/rc.local'])
  })

  it('does not count a networkd .network file when systemd-networkd is not enabled', async () => {
    const {entries, stack} = await persistedOn({files: {'/etc/systemd/network/10-lo.network': LO_NETWORK}})
    expect(entries).toEqual([
      {
        mechanism: 'systemd-networkd',
        interface: 'lo',
        address: VIP,
        prefixLength: 32,
        file: '/etc/systemd/network/10-lo.network',
        line: 5,
        effective: false,
        note: 'systemd-networkd.service is not enabled',
      },
    ])
    expect(stack.systemdNetworkd).toBe(false)
  })

  it('counts the networkd file once systemd-networkd.service is in multi-user.target.wants', async () => {
    const {entries, stack} = await persistedOn({
      files: {'/etc/systemd/network/10-lo.network': LO_NETWORK, [NETWORKD_WANTS]: {content: '', linkTarget: '/lib/systemd/system/systemd-networkd.service'}},
    })
    expect(entries).toEqual([expect.objectContaining({mechanism: 'systemd-networkd', address: VIP, effective: true})])
    expect(entries[0]?.note).toBeUndefined()
    expect(stack.systemdNetworkd).toBe(true)
  })

  it('does not count an unrelated enabled service as networkd', async () => {
    const {entries} = await persistedOn({
      files: {'/etc/systemd/network/10-lo.network': LO_NETWORK, '/etc/systemd/system/multi-user.target.wants/networking.service': ''},
    })
    expect(entries.map((entry) => entry.effective)).toEqual([false])
  })
})
