import {readFileSync} from 'node:fs'

import {describe, expect, it} from 'vitest'

import {looksLikeIpAddrText, parseIpAddrText} from '../../src/parse/ip-addr-text.js'
import {ParseError} from '../../src/parse/parse-error.js'
import {describeGolden} from '../helpers/fixtures.js'

describeGolden('ip-addr', parseIpAddrText)

const fixture = (scenario: string): string =>
  readFileSync(new URL(`../../fixtures/linux/${scenario}/ip-addr.txt`, import.meta.url), 'utf8')

describe('parseIpAddrText', () => {
  it('gives the same result for CRLF and for padded lines', () => {
    const text = fixture('centos6-ip-addr-lo-label')
    const expected = parseIpAddrText(text)
    expect(parseIpAddrText(text.replace(/\n/g, '\r\n'))).toEqual(expected)
    expect(parseIpAddrText(text.replace(/\n/g, '   \n'))).toEqual(expected)
    expect(parseIpAddrText(`\n${text}\n\n`)).toEqual(expected)
  })

  it('reads the 2002-era point-to-point form with the length on the peer', () => {
    // linux-ip.net "Guide to IP Layer Network Administration with Linux", Example C.6.
    const text = [
      '8: wan0: <POINTOPOINT,NOARP,UP> mtu 1500 qdisc pfifo_fast qlen 100',
      '    link/ppp 01:f4 peer 00:00',
      '    inet 205.254.209.73 peer 205.254.209.74/32 scope global wan0',
      '5: ppp0: <POINTOPOINT,MULTICAST,NOARP,UP> mtu 1492 qdisc htb qlen 3',
      '    link/ppp ',
      '    inet 67.38.163.197 peer 67.38.163.254/32 scope global ppp0',
    ].join('\n')
    const [wan0, ppp0] = parseIpAddrText(text)
    expect(wan0).toMatchObject({name: 'wan0', index: 8, noArp: true, up: true})
    expect(wan0?.addresses).toEqual([{family: 'inet', address: '205.254.209.73', prefixLength: 32, scope: 'global'}])
    expect(ppp0?.addresses[0]?.address).toBe('67.38.163.197')
  })

  it('strips @peer suffixes and reads master and state from the header', () => {
    const text = [
      '3: eth1: <BROADCAST,MULTICAST,SLAVE,UP,LOWER_UP> mtu 1500 qdisc mq master bond0 state UP qlen 1000',
      '    link/ether 84:2b:2b:fe:68:30 brd ff:ff:ff:ff:ff:ff',
      '4: tunl0@NONE: <NOARP,UP,LOWER_UP> mtu 1480 qdisc noqueue state UNKNOWN group default qlen 1000',
      '    link/ipip 0.0.0.0 brd 0.0.0.0',
      '    inet 198.51.100.10/32 scope global tunl0',
      '       valid_lft forever preferred_lft forever',
      '9: veth0@if5: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc noqueue master br0 state UP group default qlen 1000',
      '    link/ether 22:55:98:dc:e9:1a brd ff:ff:ff:ff:ff:ff link-netnsid 0',
    ].join('\n')
    const parsed = parseIpAddrText(text)
    expect(parsed.map((x) => [x.name, x.master, x.operState, x.noArp])).toEqual([
      ['eth1', 'bond0', 'UP', false],
      ['tunl0', undefined, 'UNKNOWN', true],
      ['veth0', 'br0', 'UP', false],
    ])
  })

  it('takes the kind from the first -d detail line, never from a *_slave line', () => {
    const text = [
      '5: dummy0: <BROADCAST,NOARP,UP,LOWER_UP> mtu 1500 qdisc noqueue state UNKNOWN group default qlen 1000',
      '    link/ether 9a:1c:2b:3d:4e:5f brd ff:ff:ff:ff:ff:ff promiscuity 0 minmtu 0 maxmtu 0 ',
      '    dummy addrgenmode eui64 numtxqueues 1 numrxqueues 1 gso_max_size 65536 gso_max_segs 65535 ',
      '    inet 198.51.100.10/32 scope global dummy0',
      '6: eth0.100@eth0: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc noqueue state UP group default qlen 1000',
      '    link/ether 52:54:00:12:34:56 brd ff:ff:ff:ff:ff:ff promiscuity 0 minmtu 0 maxmtu 65535 ',
      '    vlan protocol 802.1Q id 100 <REORDER_HDR> addrgenmode eui64 numtxqueues 1 numrxqueues 1 ',
      '7: tunl0@NONE: <NOARP,UP,LOWER_UP> mtu 1480 qdisc noqueue state UNKNOWN group default qlen 1000',
      '    link/ipip 0.0.0.0 brd 0.0.0.0 promiscuity 0 minmtu 0 maxmtu 0 ',
      '    ipip ipip remote any local any ttl inherit nopmtudisc addrgenmode eui64 numtxqueues 1 ',
      '8: eth1: <BROADCAST,MULTICAST,SLAVE,UP,LOWER_UP> mtu 1500 qdisc mq master bond0 state UP group default qlen 1000',
      '    link/ether 84:2b:2b:fe:68:30 brd ff:ff:ff:ff:ff:ff promiscuity 0 minmtu 68 maxmtu 9000 ',
      '    bond_slave state ACTIVE mii_status UP link_failure_count 0 perm_hwaddr 84:2b:2b:fe:68:30 queue_id 0 ',
      '    altname enp3s0f1',
    ].join('\n')
    expect(parseIpAddrText(text).map((x) => [x.name, x.kind])).toEqual([
      ['dummy0', 'dummy'],
      ['eth0.100', 'vlan'],
      ['tunl0', 'ipip'],
      ['eth1', undefined],
    ])
  })

  it('reads one-line -o link and address lines', () => {
    const text = [
      '2: eth0: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc pfifo_fast state UP qlen 1000\\    link/ether 52:54:00:12:34:56 brd ff:ff:ff:ff:ff:ff',
      '2: eth0    inet 192.0.2.10/24 brd 192.0.2.255 scope global eth0\\       valid_lft forever preferred_lft forever',
      '2: eth0    inet 192.0.2.20/24 scope global secondary eth0:vip\\       valid_lft forever preferred_lft forever',
      '2: eth0    inet6 2001:db8::a/64 scope global \\       valid_lft forever preferred_lft forever',
    ].join('\r\n')
    expect(parseIpAddrText(text)).toEqual([{
      name: 'eth0', index: 2, flags: ['BROADCAST', 'MULTICAST', 'UP', 'LOWER_UP'], up: true, loopback: false, noArp: false,
      operState: 'UP', addresses: [
        {family: 'inet', address: '192.0.2.10', prefixLength: 24, scope: 'global'},
        {family: 'inet', address: '192.0.2.20', prefixLength: 24, scope: 'global', label: 'eth0:vip', secondary: true},
        {family: 'inet6', address: '2001:db8::a', prefixLength: 64, scope: 'global'},
      ],
    }])
  })

  it('reads the newest inet line order (metric before brd, proto kernel_ll)', () => {
    const [ens5] = parseIpAddrText(fixture('sample-debian12-aws-two-vips-on-lo')).slice(1)
    expect(ens5?.addresses.map((a) => `${a.address}/${a.prefixLength} ${a.scope}`)).toEqual([
      '10.1.11.56/24 global',
      'fe80::94:b1ff:feaa:8497/64 link',
    ])
  })

  it('detects ip addr text', () => {
    expect(looksLikeIpAddrText(fixture('centos6-ip-addr-lo-label'))).toBe(true)
    expect(looksLikeIpAddrText(fixture('sample-rhel7-lo-alias-label-oneline'))).toBe(true)
    expect(looksLikeIpAddrText('\r\n1: lo    inet 127.0.0.1/8 scope host lo\\       valid_lft forever')).toBe(true)
    expect(looksLikeIpAddrText('LISTEN 0 128 0.0.0.0:22 0.0.0.0:*')).toBe(false)
    expect(looksLikeIpAddrText('default via 192.0.2.1 dev eth0')).toBe(false)
    expect(looksLikeIpAddrText('[{"ifname":"lo"}]')).toBe(false)
    expect(looksLikeIpAddrText('')).toBe(false)
  })

  it.each([
    ['prose', 'Device "eth9" does not exist.'],
    ['a prompt line before the output', `$ ip a\n${'1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue state UNKNOWN'}`],
    ['a half header', '1: lo: <LOOPBACK,UP,LOW'],
    ['a truncated address', '1: lo: <LOOPBACK,UP> mtu 65536\n    inet 127.0.0'],
    ['an address without a prefix length', '1: lo: <LOOPBACK,UP> mtu 65536\n    inet 127.0.0.1 scope host lo'],
    ['an inet line holding an IPv6 address', '1: lo: <LOOPBACK,UP> mtu 65536\n    inet ::1/128 scope host'],
    ['an indented line before any header', '    inet 127.0.0.1/8 scope host lo'],
    ['a foreign indented line without -d', '1: lo: <LOOPBACK,UP> mtu 65536\n    link/loopback 00:00:00:00:00:00\n    hello world'],
    ["an author's ellipsis", `${fixture('sample-lvs-dr-rs-ubuntu2204')}...\n`],
    ['JSON', '[{"ifname":"lo"}]'],
  ])('throws ParseError on %s', (_name, text) => {
    expect(() => parseIpAddrText(text)).toThrow(ParseError)
  })

  it('names the offending line', () => {
    expect(() => parseIpAddrText('1: lo: <UP> mtu 1\nthis is not ip output')).toThrow(/"this is not ip output" on line 2/)
  })

  it('reads empty text as no interfaces', () => {
    expect(parseIpAddrText('')).toEqual([])
  })
})
