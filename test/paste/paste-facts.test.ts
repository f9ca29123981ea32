/**
 * Facts from pasted text must be what the live parsers make of the same output: the golden
 * results of the fixtures/linux captures each paste fixture was built from. What the paste
 * lacks is unavailable with the command to ask for; a parse error points at pasted lines and
 * never throws; prompts give the hostname and root.
 */
import {describe, expect, it} from 'vitest'

import type {Fact, FactUnavailable} from '../../src/facts/model.js'
import {parseIpRouteJson} from '../../src/parse/ip-route-json.js'
import {parseIpRouteText} from '../../src/parse/ip-route-text.js'
import {parseSysctlOutput} from '../../src/parse/sysctl-output.js'
import {factsFromPaste} from '../../src/paste/paste-facts.js'
import {golden, linuxFixture, pasteFixture} from './paste-fixtures.js'

function value<T>(fact: Fact<T>): T {
  if (fact.status !== 'ok') throw new Error(`expected an ok fact, got ${fact.reason}: ${fact.detail}`)
  return fact.value
}

function unavailable<T>(fact: Fact<T>): FactUnavailable {
  if (fact.status === 'ok') throw new Error(`expected an unavailable fact from ${fact.source}`)
  return fact
}

describe('facts equal what the parsers give for the raw sections', () => {
  it('a ticket with prose: ip addr, ss, sysctl | grep arp', () => {
    const {facts, sections} = factsFromPaste(pasteFixture('ticket-mixed-prose'))
    expect(value(facts.interfaces)).toEqual(golden('sample-lvs-dr-rs-ubuntu2204', 'ip-addr'))
    expect(value(facts.listeners)).toEqual(golden('centos7-ansible-ss-ntl-old-iproute2', 'ss-listen-tcp'))
    const sysctl = sections.find((s) => s.kind === 'sysctl')
    expect(value(facts.ipv4Conf)).toEqual(parseSysctlOutput(sysctl?.text ?? ''))
    expect(value(facts.ipv4Conf).all).toEqual({arp_announce: 0, arp_filter: 0, arp_ignore: 0})
  })

  it('a paste without prompts: /proc/net/tcp and tcp6 add up when there is no ss', () => {
    const {facts, sections} = factsFromPaste(pasteFixture('no-prompts'))
    expect(value(facts.interfaces)).toEqual(golden('centos6-ip-addr-lo-label', 'ip-addr'))
    expect(value(facts.listeners)).toEqual([
      ...(golden('android-device-proc-net', 'proc-net-tcp') as unknown[]),
      ...(golden('android-device-proc-net', 'proc-net-tcp6') as unknown[]),
    ])
    expect(value(facts.ipv4Conf)).toEqual(golden('sample-node28-sysctl-rp-filter', 'sysctl-a'))
    expect(value(facts.routes)).toEqual(parseIpRouteText(sections[0]?.text ?? ''))
    expect(facts.listeners.source).toBe('pasted "cat /proc/net/tcp" (lines 9-11); pasted "cat /proc/net/tcp6" (lines 48-50)')
  })

  it('ip -j addr, ip route show table all plus ip -6 -j route (combined), ss preferred over /proc/net/tcp', () => {
    const {facts} = factsFromPaste(pasteFixture('ip-json-and-route-table-all'))
    const scenario = 'debian12-iproute2-6.1-netns-vip'
    expect(value(facts.interfaces)).toEqual(golden(scenario, 'ip-addr-json'))
    // `table all` already holds the IPv6 routes: combining drops the repeats.
    expect(value(facts.routes)).toEqual(golden(scenario, 'ip-route'))
    expect(facts.routes.source).toBe('pasted "ip route show table all" (lines 4-43); pasted "ip -6 -j route show table all" (lines 45-45)')
    expect(value(facts.listeners)).toEqual(golden(scenario, 'ss-listen-tcp'))
    expect(facts.listeners.source).toBe('pasted "ss -ltnup" (lines 47-58)')
  })

  it('combines IPv4 and IPv6 route sections that do not overlap', () => {
    const v4 = ['default via 10.0.2.2 dev eth0 proto dhcp metric 100', '10.0.2.0/24 dev eth0 proto kernel scope link src 10.0.2.15 metric 100']
    const v6 = linuxFixture('debian12-iproute2-6.1-netns-vip', 'ip6-route-json.txt').trim()
    const {facts} = factsFromPaste(['$ ip route', ...v4, '', '$ ip -6 -j route', v6].join('\n'))
    expect(value(facts.routes)).toEqual([...parseIpRouteText(v4.join('\n')), ...parseIpRouteJson(v6, 'inet6')])
  })

  it('reads stderr-laced sysctl output and ECMP routes', () => {
    const {facts} = factsFromPaste(pasteFixture('router-sysctl-stderr-ecmp'))
    expect(value(facts.ipv4Conf)).toEqual(golden('sample-centos7-router-sysctl-stderr', 'sysctl-a'))
    expect(value(facts.routes).find((r) => r.destination === '10.10.20.0/30')).toMatchObject({gateway: '10.10.10.2', dev: 'eth1', protocol: '188'})
  })

  it('takes later sysctl output over earlier, key by key (sysctl -w after sysctl)', () => {
    const {facts} = factsFromPaste(pasteFixture('crlf-trailing-spaces'))
    expect(value(facts.ipv4Conf)).toEqual({all: {arp_ignore: 1, arp_announce: 2}})
    expect(value(facts.interfaces)).toEqual(golden('sample-lvs-dr-rs-ubuntu2204', 'ip-addr'))
  })

  it('adds up ss sections of one paste', () => {
    const {facts} = factsFromPaste(pasteFixture('ss-echo-and-banner'))
    const listeners = value(facts.listeners)
    expect(listeners).toHaveLength(10)
    expect(listeners.find((l) => l.port === 3000)).toEqual({protocol: 'tcp', address: '0.0.0.0', port: 3000, process: 'next-server (v1'})
    expect(listeners.filter((l) => l.port === 15006)).toHaveLength(1)
  })

  it('uses the table a prompt names for plain ip route output', () => {
    const {facts} = factsFromPaste('$ ip route show table local\nlocal 198.51.100.10 dev lo proto kernel scope host src 198.51.100.10')
    expect(value(facts.routes)).toEqual([{destination: '198.51.100.10/32', family: 'inet', table: 'local', type: 'local', dev: 'lo', protocol: 'kernel', scope: 'host', preferredSource: '198.51.100.10'}])
  })

  it('keeps the last state of an interface shown twice and adds interfaces shown apart', () => {
    const lo = ['$ ip addr show lo', '1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue state UNKNOWN', '    inet 127.0.0.1/8 scope host lo']
    const eth = ['$ ip addr show eth0', '2: eth0: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc mq state UP', '    inet 192.0.2.10/24 scope global eth0']
    const vip = [...lo, '    inet 198.51.100.10/32 scope global lo']
    const {facts} = factsFromPaste([...lo, '', ...eth, '', ...vip].join('\n'))
    const interfaces = value(facts.interfaces)
    expect(interfaces.map((nic) => nic.name)).toEqual(['lo', 'eth0'])
    expect(interfaces[0]?.addresses.map((a) => a.address)).toEqual(['127.0.0.1', '198.51.100.10'])
  })
})

describe('what the paste lacks', () => {
  it('names the command to ask for, and says boot-time facts need a bundle', () => {
    const {facts, sections, ignored, platform} = factsFromPaste(pasteFixture('prose-only'))
    expect(sections).toEqual([])
    expect(ignored).toHaveLength(5)
    expect(platform).toBe('unknown')
    expect(unavailable(facts.interfaces)).toEqual({status: 'unavailable', reason: 'not-collected', detail: 'not in the pasted text (paste the output of `ip -d addr` or `ip -d -j addr`)', source: 'pasted text'})
    expect(unavailable(facts.routes).detail).toContain('`ip route show table all`')
    expect(unavailable(facts.listeners).detail).toContain('`ss -ltn`')
    expect(unavailable(facts.ipv4Conf).detail).toContain('`sysctl net.ipv4.conf`')
    const bootTime: Array<Fact<unknown>> = [facts.bootSysctl, facts.persistedAddresses, facts.networkStack, facts.modulesLoad as Fact<unknown>]
    for (const fact of bootTime) {
      expect(unavailable(fact)).toMatchObject({reason: 'not-collected', detail: expect.stringContaining('boot-time files are not in a paste; collect a bundle')})
    }
    for (const fact of [facts.ipipModule, facts.ipv6Conf, facts.proxyNeighbours] as Array<Fact<unknown>>) {
      expect(unavailable(fact).detail).toContain('not read from a paste; collect a bundle')
    }
  })

  it('gives an empty string and binary garbage the same answer, without throwing', () => {
    for (const text of ['', '\u0000\u0001\u0002\u00ff\ufffd\n\u001f\u008b']) {
      const pasted = factsFromPaste(text)
      expect(pasted.sections).toEqual([])
      expect(unavailable(pasted.facts.interfaces).reason).toBe('not-collected')
      expect(pasted.facts.privileged).toBe(false)
    }
  })
})

describe('parse errors become unavailable facts with pasted line numbers', () => {
  it('malformed JSON under an ip -j prompt', () => {
    const text = ['Our addresses:', '$ ip -j addr', '[{"ifindex":1,"ifname":"lo","flags":["LOOPBACK","UP"],"addr_info":[{"family":"inet",'].join('\n')
    const {facts, sections} = factsFromPaste(text)
    expect(sections).toMatchObject([{kind: 'ip-addr-json', startLine: 3, endLine: 3}])
    expect(unavailable(facts.interfaces)).toEqual({
      status: 'unavailable',
      reason: 'parse-error',
      detail: expect.stringMatching(/^Cannot parse "ip -j addr" output: invalid JSON .*\(pasted lines 3-3\)$/),
      source: 'pasted "ip -j addr" (lines 3-3)',
    })
  })

  it('balanced but invalid JSON without a prompt', () => {
    const {facts} = factsFromPaste('[{"ifindex":1,"ifname":"lo","addr_info":[]},,]')
    expect(unavailable(facts.interfaces).reason).toBe('parse-error')
  })

  it('a bad line in text output names its line in the paste', () => {
    const text = ['Hi,', '', '$ ip a', '1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue state UNKNOWN', '    inet 127.0.0.1/8 scope host lo', '    inet 300.1.1.1/32 scope global lo'].join('\n')
    const detail = unavailable(factsFromPaste(text).facts.interfaces).detail
    expect(detail).toMatch(/^Cannot parse "ip addr" output: bad inet line .* \(pasted line 6\)$/)
  })

  it('falls back to /proc/net/tcp when the ss section does not parse', () => {
    const tcp = linuxFixture('android-device-proc-net', 'proc-net-tcp.txt')
    const {facts} = factsFromPaste(`$ ss -lt\nState  Recv-Q Send-Q Local Address:Port  Peer Address:Port\nLISTEN 0      128          *:ssh      *:*\n\n$ cat /proc/net/tcp\n${tcp}`)
    expect(value(facts.listeners)).toEqual(golden('android-device-proc-net', 'proc-net-tcp'))
  })

  it('reports the ss error when nothing else gives listeners', () => {
    const {facts} = factsFromPaste('$ ss -lt\nState  Recv-Q Send-Q Local Address:Port  Peer Address:Port\nLISTEN 0      128          *:ssh      *:*')
    expect(unavailable(facts.listeners)).toMatchObject({reason: 'parse-error', detail: expect.stringContaining('service names need ss -n'), source: 'pasted "ss -lt" (lines 2-3)'})
  })

  it('fails the whole fact when one of several sections fails (a partial list would hide a VIP)', () => {
    const good = '$ ip addr show lo\n1: lo: <LOOPBACK,UP> mtu 65536 qdisc noqueue state UNKNOWN\n    inet 127.0.0.1/8 scope host lo'
    const bad = '$ ip addr show eth0\n2: eth0: <UP> mtu 1500 qdisc mq state UP\n    inet nonsense'
    expect(unavailable(factsFromPaste(`${good}\n\n${bad}`).facts.interfaces).reason).toBe('parse-error')
  })
})

describe('os, hosts and privilege from prompts', () => {
  it('takes hostname and root from the prompt in front of the output', () => {
    const {facts, hosts, platform} = factsFromPaste(pasteFixture('crlf-trailing-spaces'))
    expect(platform).toBe('linux')
    expect(hosts).toEqual(['rs1'])
    expect(facts.os).toEqual({
      status: 'ok',
      value: {platform: 'linux', hostname: 'rs1', distro: 'unknown', release: 'unknown', kernel: 'unknown'},
      source: 'pasted prompt "[root@rs1 html]$" (line 2)',
    })
    expect(facts.privileged).toBe(true)
  })

  it('does not take the director of the same ticket for the host', () => {
    const {facts, hosts} = factsFromPaste(pasteFixture('ticket-mixed-prose'))
    expect(hosts).toEqual([])
    expect(value(facts.os).hostname).toBe('unknown')
    // `# sysctl -a | grep arp` ran as root.
    expect(facts.privileged).toBe(true)
  })

  it('is unprivileged when the only prompts are a user`s', () => {
    const {facts, hosts} = factsFromPaste(pasteFixture('ss-echo-and-banner'))
    expect(hosts).toEqual(['reactor'])
    expect(facts.privileged).toBe(false)
  })

  it('is unprivileged without prompts', () => {
    expect(factsFromPaste(pasteFixture('no-prompts')).facts.privileged).toBe(false)
  })

  it('lists every host when a paste mixes them', () => {
    const addr = (host: string, vip: string) => [`[root@${host} ~]# ip a`, '1: lo: <LOOPBACK,UP> mtu 65536 qdisc noqueue state UNKNOWN', `    inet ${vip}/32 scope global lo`]
    expect(factsFromPaste([...addr('rs1', '198.51.100.10'), ...addr('rs2', '198.51.100.11')].join('\n')).hosts).toEqual(['rs1', 'rs2'])
  })

  it('says windows for a Windows paste (its facts: windows-facts.test.ts)', () => {
    const {platform, sections, facts} = factsFromPaste(pasteFixture('windows-ipconfig-netsh'))
    expect(platform).toBe('windows')
    expect(sections.map((s) => s.kind)).toEqual(['ipconfig-all', 'netsh-ipv4-interfaces', 'ps-netipinterface'])
    expect(value(facts.os).platform).toBe('windows')
  })
})
