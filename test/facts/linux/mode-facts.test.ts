/**
 * collectLinuxModeFacts over in-memory hosts: the ipip module state from /sys/module, the
 * modules-load.d precedence (shadowing, /dev/null masks, Debian's modules.conf link to
 * /etc/modules), the IPv6 sysctls (a kernel without IPv6 is a fact, not a failure) and the
 * proxy entries, with the text fallback fed the real capture.
 */
import {readFileSync} from 'node:fs'
import {join} from 'node:path'

import {describe, expect, it} from 'vitest'

import {collectLinuxModeFacts} from '../../../src/facts/linux/mode-facts.js'
import {resolveModulesLoad} from '../../../src/facts/modules-load.js'
import {commandFailure, type FakeHost, FakeSource} from '../../collect/fake-source.js'
import {FIXTURES_ROOT} from '../../helpers/fixtures.js'

const PROXY = join(FIXTURES_ROOT, 'debian12-iproute2-6.1-netns-proxy-ndp')
const ETC_MODULES = readFileSync(join(FIXTURES_ROOT, 'ubuntu1110-forum-etc-modules-bonding', 'modules-load.txt'), 'utf8')

function collect(host: FakeHost) {
  return collectLinuxModeFacts(new FakeSource(host))
}

describe('ipipModule', () => {
  it('is absent when /sys/module has no ipip, loaded with an initstate, built in without one', async () => {
    expect((await collect({files: {'/sys/module/ipv6/parameters/disable': '0\n'}})).ipipModule).toMatchObject({status: 'ok', value: {state: 'absent'}})
    expect((await collect({files: {'/sys/module/ipip/initstate': 'live\n'}})).ipipModule).toMatchObject({status: 'ok', value: {state: 'loaded'}})
    expect((await collect({files: {'/sys/module/ipip/parameters/log_ecn_error': 'Y\n'}})).ipipModule).toMatchObject({status: 'ok', value: {state: 'builtin'}})
  })

  it('is unavailable when /sys/module was not collected', async () => {
    expect((await collect({})).ipipModule).toMatchObject({status: 'unavailable'})
  })
})

describe('modulesLoad', () => {
  it("reads Debian's modules.conf link to /etc/modules once, with the module's real file and line", async () => {
    const {modulesLoad} = await collect({
      files: {
        '/etc/modules': ETC_MODULES,
        '/etc/modules-load.d/modules.conf': {content: ETC_MODULES, linkTarget: '../modules'},
        '/etc/modules-load.d/ipip.conf': 'ipip\n',
      },
    })
    expect(modulesLoad?.status).toBe('ok')
    if (modulesLoad?.status !== 'ok') return
    expect(modulesLoad.value.entries.map((e) => `${e.module}@${e.file}:${e.line}`)).toEqual([
      'ipip@/etc/modules-load.d/ipip.conf:1',
      'bonding@/etc/modules:7',
      'loop@/etc/modules:8',
      'lp@/etc/modules:9',
      'rtc@/etc/modules:10',
    ])
    expect(modulesLoad.value.filesApplied).toEqual(['/etc/modules-load.d/ipip.conf', '/etc/modules-load.d/modules.conf'])
  })

  it('lets /etc shadow a vendor file of the same name, and a /dev/null link mask it', () => {
    const report = resolveModulesLoad([
      {path: '/usr/lib/modules-load.d/lvs.conf', content: 'ipip\n'},
      {path: '/etc/modules-load.d/lvs.conf', content: '', linkTarget: '/dev/null'},
      {path: '/run/modules-load.d/tun.conf', content: '# tunnel\nipip\n'},
      {path: '/usr/local/lib/modules-load.d/tun.conf', content: 'dummy\n'},
      {path: '/etc/modules-load.d/notes.txt', content: 'ipip\n'},
    ])
    expect(report.entries).toEqual([{module: 'ipip', file: '/run/modules-load.d/tun.conf', line: 2}])
    expect(report.filesShadowed).toEqual([
      {file: '/usr/local/lib/modules-load.d/tun.conf', shadowedBy: '/run/modules-load.d/tun.conf'},
      {file: '/usr/lib/modules-load.d/lvs.conf', shadowedBy: '/etc/modules-load.d/lvs.conf'},
    ])
  })

  it('is empty, not unavailable, on a host without any of the directories', async () => {
    expect((await collect({})).modulesLoad).toMatchObject({status: 'ok', value: {entries: [], filesApplied: []}})
  })

  it('is unavailable when a directory cannot be read', async () => {
    const facts = await collect({files: {'/etc/modules-load.d/ipip.conf': 'ipip\n'}, deniedDirs: ['/etc/modules-load.d']})
    expect(facts.modulesLoad).toMatchObject({status: 'unavailable', reason: 'permission-denied'})
  })
})

describe('ipv6Conf', () => {
  it('reads proxy_ndp and forwarding per scope', async () => {
    const files = {
      '/proc/sys/net/ipv6/conf/all/proxy_ndp': '0\n',
      '/proc/sys/net/ipv6/conf/all/forwarding': '1\n',
      '/proc/sys/net/ipv6/conf/eth0/proxy_ndp': '1\n',
      '/proc/sys/net/ipv6/conf/eth0/forwarding': '1\n',
    }
    expect((await collect({files})).ipv6Conf).toMatchObject({status: 'ok', value: {all: {proxy_ndp: 0, forwarding: 1}, eth0: {proxy_ndp: 1, forwarding: 1}}})
  })

  it('is an empty record on a kernel without IPv6 (the directory is missing), with no proxy entries and no ip run', async () => {
    const source = new FakeSource({commands: {'ip6-neigh-proxy-json': commandFailure('nonzero-exit', 'must not be run')}})
    const facts = await collectLinuxModeFacts(source)
    expect(facts.ipv6Conf).toEqual({status: 'ok', value: {}, source: '/proc/sys/net/ipv6/conf'})
    expect(facts.proxyNeighbours).toEqual({status: 'ok', value: [], source: '/proc/sys/net/ipv6/conf'})
  })

  it('is unavailable, not empty, when the directory exists but nothing in it is readable', async () => {
    const facts = await collect({files: {'/proc/sys/net/ipv6/conf/all/proxy_ndp': {denied: true}, '/proc/sys/net/ipv6/conf/all/forwarding': {denied: true}}})
    expect(facts.ipv6Conf).toMatchObject({status: 'unavailable', reason: 'permission-denied'})
  })
})

describe('proxyNeighbours', () => {
  it('falls back to the text form when ip has no -j', async () => {
    const text = readFileSync(join(PROXY, 'ip6-neigh-proxy.txt'), 'utf8')
    const facts = await collect({
      commands: {'ip6-neigh-proxy-json': commandFailure('nonzero-exit', 'ip -j -6 neigh show proxy exited with 255: Option "-j" is unknown'), 'ip6-neigh-proxy': text},
      files: {'/proc/sys/net/ipv6/conf/all/proxy_ndp': '0\n', '/proc/sys/net/ipv6/conf/all/forwarding': '0\n'},
    })
    expect(facts.proxyNeighbours).toMatchObject({status: 'ok', source: 'ip -6 neigh show proxy', value: [{address: '2001:db8::10', dev: 'eth0'}, {address: '2001:db8::20', dev: 'eth1'}]})
  })
})
