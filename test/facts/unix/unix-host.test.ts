/**
 * Solaris, FreeBSD and macOS facts through a RawSource (an in-memory host whose command outputs
 * are real captures from fixtures/, files as described per test): which fact comes from which
 * command or file, and how the boot-time files turn into persisted addresses.
 */
import {readFileSync} from 'node:fs'

import {describe, expect, it} from 'vitest'

import {DARWIN_COMMANDS, FREEBSD_COMMANDS, SOLARIS_COMMANDS} from '../../../src/collect/unix-commands.js'
import {launchdPlist} from '../../../src/engine/functions/unix-vip-fix.js'
import type {Fact, OsIdentity} from '../../../src/facts/model.js'
import {jobAddresses} from '../../../src/facts/unix/darwin.js'
import {collectUnixFacts} from '../../../src/facts/unix/unix-host.js'
import {parseLaunchdPlist} from '../../../src/parse/unix/launchd-plist.js'
import {commandFailure, FakeSource, type FakeHost} from '../../collect/fake-source.js'

const fixture = (path: string) => readFileSync(new URL(`../../../fixtures/${path}`, import.meta.url), 'utf8')
const VIP = '198.51.100.10'

function identity(platform: OsIdentity['platform'], release: string): Fact<OsIdentity> {
  return {status: 'ok', value: {platform, hostname: 'h', distro: platform, release, kernel: release}, source: 'test'}
}

function host(platform: OsIdentity['platform'], release: string, spec: Omit<FakeHost, 'identity'>): FakeSource {
  return new FakeSource({...spec, identity: identity(platform, release)})
}

describe('Solaris facts', () => {
  it('reads interfaces, hostmodel and the persistent ipadm objects on lo0; Linux facts are unsupported', async () => {
    const facts = await collectUnixFacts(
      host('solaris', '5.11', {
        commands: {
          [SOLARIS_COMMANDS.ifconfigA.id]: fixture('solaris/sample-sol10-zones-lo0-logical/ifconfig-a.txt'),
          [SOLARIS_COMMANDS.ipadmShowAddr.id]: `${fixture('solaris/blog-illumos-zone-show-addr-all/ipadm-show-addr.txt')}lo0/vip1          static   ok           U----   U--        ${VIP}/32\nlo0/vip2          static   ok           U----   ---        198.51.100.11/32\n`,
          [SOLARIS_COMMANDS.ipadmHostmodel.id]: 'PROTO PROPERTY              PERM CURRENT      PERSISTENT   DEFAULT      POSSIBLE\nipv4  hostmodel             rw   weak         --           weak         strong,src-priority,weak\n',
        },
        emptyDirs: ['/etc'],
      }),
    )
    expect(facts.interfaces.status === 'ok' && facts.interfaces.value.find((nic) => nic.name === 'lo0:4')?.zone).toBe('frcp00vpd0192')
    expect(facts.hostModel).toMatchObject({status: 'ok', value: [{protocol: 'ipv4', current: 'weak', default: 'weak'}]})
    expect(facts.persistedAddresses).toMatchObject({
      status: 'ok',
      value: [
        {mechanism: 'ipadm', interface: 'lo0', address: VIP, prefixLength: 32, effective: true, key: 'lo0/vip1'},
        {mechanism: 'ipadm', address: '198.51.100.11', effective: false, key: 'lo0/vip2'},
      ],
    })
    expect(facts.ipv4Conf).toMatchObject({status: 'unavailable', reason: 'unsupported', detail: 'a Linux fact; this is a Solaris host'})
    expect(facts.routes).toMatchObject({status: 'unavailable', reason: 'unsupported'})
  })

  it('reads /etc/hostname.lo0:N on Solaris 10, resolving names in /etc/inet/hosts (the real forum files)', async () => {
    const facts = await collectUnixFacts(
      host('solaris', '5.10', {
        commands: {[SOLARIS_COMMANDS.ipadmShowAddr.id]: commandFailure('command-missing', 'ipadm is not installed')},
        files: {
          '/etc/hostname.lo0:1': fixture('solaris/forum-sol10-ipmp-hostname-files/hostname-file.txt'),
          '/etc/hostname.ce6': 'ignored: not a loopback file',
          '/etc/inet/hosts': fixture('solaris/forum-sol10-ipmp-hostname-files/hosts.txt'),
        },
      }),
    )
    expect(facts.persistedAddresses).toMatchObject({
      status: 'ok',
      value: [
        {mechanism: 'hostname-file', interface: 'lo0:1', address: '10.66.22.74', prefixLength: 8, file: '/etc/hostname.lo0:1', line: 1, effective: true},
        {mechanism: 'hostname-file', interface: 'lo0:1', address: '10.66.22.108', effective: true},
      ],
    })
  })

  it('makes persistence unknown when /etc cannot be listed, and when ipadm output is not in the bundle', async () => {
    const denied = await collectUnixFacts(host('solaris', '5.11', {deniedDirs: ['/etc']}))
    expect(denied.persistedAddresses).toMatchObject({status: 'unavailable', reason: 'permission-denied'})
    const missing = await collectUnixFacts(host('solaris', '5.11', {emptyDirs: ['/etc']}))
    expect(missing.persistedAddresses).toMatchObject({status: 'unavailable', reason: 'not-collected'})
  })
})

describe('FreeBSD facts', () => {
  const commands = {
    [FREEBSD_COMMANDS.ifconfigA.id]: fixture('freebsd/ohai-freebsd-lo1/ifconfig-a.txt'),
    [FREEBSD_COMMANDS.checkInterface.id]: commandFailure('nonzero-exit', 'sysctl net.inet.ip.check_interface exited with 1: sysctl: unknown oid', "sysctl: unknown oid 'net.inet.ip.check_interface'"),
    [FREEBSD_COMMANDS.strongEs.id]: 'net.inet.ip.rfc1122_strong_es: 0\n',
  }

  it('takes the sysctl the release has, with its sysctl.conf value, and rc.conf aliases in rc order', async () => {
    const facts = await collectUnixFacts(
      host('freebsd', '14.1-RELEASE', {
        commands,
        files: {
          '/etc/rc.conf': `ifconfig_lo0_alias0="inet 192.0.2.99 netmask 0xffffffff"\nifconfig_lo0_alias2="inet 198.51.100.12/32"\ncloned_interfaces="lo1"\nifconfig_lo1_aliases="inet 198.51.100.13/32 inet6 2001:db8::13 prefixlen 128"\nipv4_addrs_lo2="198.51.100.14/32"\n`,
          '/etc/rc.conf.local': `ifconfig_lo0_alias0="inet ${VIP} netmask 0xffffffff"\n`,
          '/etc/sysctl.conf': 'net.inet.ip.rfc1122_strong_es=1 # hardening\n',
        },
      }),
    )
    expect(facts.checkInterface).toMatchObject({status: 'ok', value: [{key: 'net.inet.ip.rfc1122_strong_es', value: 0, boot: {value: 1, file: '/etc/sysctl.conf', line: 1}}]})
    const persisted = facts.persistedAddresses.status === 'ok' ? facts.persistedAddresses.value : []
    expect(persisted.map((p) => [p.interface, p.address, p.prefixLength, p.effective, p.key, p.file])).toEqual([
      // rc.conf.local is read after rc.conf: its alias0 wins.
      ['lo0', VIP, 32, true, 'ifconfig_lo0_alias0', '/etc/rc.conf.local'],
      ['lo0', '198.51.100.12', 32, false, 'ifconfig_lo0_alias2', '/etc/rc.conf'],
      ['lo1', '198.51.100.13', 32, true, 'ifconfig_lo1_aliases', '/etc/rc.conf'],
      ['lo1', '2001:db8::13', 128, true, 'ifconfig_lo1_aliases', '/etc/rc.conf'],
      ['lo2', '198.51.100.14', 32, false, 'ipv4_addrs_lo2', '/etc/rc.conf'],
    ])
    expect(persisted[1]?.note).toBe('ifconfig_lo0_alias1 is not set, and rc stops at the first missing alias number')
    expect(persisted[4]?.note).toBe('lo2 is not in cloned_interfaces, so it does not exist at boot')
  })

  it('reads the real rc.conf of a BGP router: its /64 IPv6 loopback alias', async () => {
    const facts = await collectUnixFacts(host('freebsd', '14.1-RELEASE', {commands, files: {'/etc/rc.conf': fixture('freebsd/blog-bgp-router-rc-conf/rc-conf.txt')}}))
    expect(facts.persistedAddresses).toMatchObject({status: 'ok', value: [{interface: 'lo0', address: '2a06:9801:1c::1', prefixLength: 64, effective: true, line: 14}]})
  })

  it('is unknown, not a pass, when sysctl fails for another reason', async () => {
    const facts = await collectUnixFacts(host('freebsd', '13.2-RELEASE', {commands: {[FREEBSD_COMMANDS.checkInterface.id]: commandFailure('permission-denied', 'permission denied running sysctl')}}))
    expect(facts.checkInterface).toMatchObject({status: 'unavailable', reason: 'permission-denied'})
  })
})

describe('macOS facts', () => {
  const commands = {[DARWIN_COMMANDS.ifconfigA.id]: fixture('darwin/ohai-darwin-network/ifconfig-a.txt'), [DARWIN_COMMANDS.checkInterface.id]: 'net.inet.ip.check_interface: 0\n'}

  it('finds the VIPs that real launchd jobs add to lo0, with their masks, and skips other plists', async () => {
    const facts = await collectUnixFacts(
      host('darwin', '14.4', {
        commands,
        files: {
          '/Library/LaunchDaemons/org.gitlab1.ifconfig.plist': fixture('darwin/docs-gitlab-gdk-launchd/launchd-plist.txt'),
          '/Library/LaunchDaemons/docker4drupal.loopback.plist': fixture('darwin/docs-docker4drupal-launchd-24/launchd-plist.txt'),
          '/Library/LaunchDaemons/README.txt': 'not a plist',
        },
      }),
    )
    expect(facts.checkInterface).toMatchObject({status: 'ok', value: [{key: 'net.inet.ip.check_interface', value: 0}]})
    const persisted = facts.persistedAddresses.status === 'ok' ? facts.persistedAddresses.value : []
    expect(persisted.map((p) => [p.address, p.prefixLength, p.effective, p.key, p.line])).toEqual([
      ['10.254.254.254', 24, true, 'Default Loopback alias', 10],
      ['172.16.123.1', 16, true, 'org.gitlab1.ifconfig', 16],
    ])
  })

  it('keeps a job without RunAtLoad, or Disabled, as not applied at boot', () => {
    const text = fixture('darwin/notes-lo0-alias-launchd-32/launchd-plist.txt')
    const job = parseLaunchdPlist(text)
    expect(jobAddresses({...job, runAtLoad: false}, text, 'x.plist')[0]).toMatchObject({effective: false, note: 'the job has no RunAtLoad, so it does not run at boot'})
    expect(jobAddresses({...job, disabled: true}, text, 'x.plist')[0]).toMatchObject({effective: false, note: 'the job is Disabled'})
    expect(jobAddresses({...job, programArguments: ['/bin/sh', '-c', `/sbin/ifconfig lo0 alias ${VIP} netmask 0xffffffff && ifconfig lo0 -alias 10.0.0.1`]}, text, 'x.plist').map((p) => p.address)).toEqual([VIP])
  })

  it('reads back, as effective, the launchd job the vip-persistent fix prints (IPv4 and IPv6)', () => {
    for (const vip of [{address: VIP, family: 'inet' as const}, {address: '2001:db8::10', family: 'inet6' as const}]) {
      const text = launchdPlist('org.rsaudit.test', vip)
      expect(jobAddresses(parseLaunchdPlist(text), text, 'f.plist')).toEqual([
        expect.objectContaining({mechanism: 'launchd', interface: 'lo0', address: vip.address, prefixLength: vip.family === 'inet' ? 32 : 128, effective: true, key: 'org.rsaudit.test'}),
      ])
    }
  })

  it('makes persistence unknown for a binary plist it cannot read', async () => {
    const facts = await collectUnixFacts(host('darwin', '14.4', {commands, files: {'/Library/LaunchDaemons/x.plist': 'bplist00\u0001'}}))
    expect(facts.persistedAddresses).toMatchObject({status: 'unavailable', reason: 'parse-error', detail: expect.stringContaining('plutil -convert xml1')})
  })
})
