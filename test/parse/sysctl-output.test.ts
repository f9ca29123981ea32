import {describe, expect, it} from 'vitest'

import {ParseError} from '../../src/parse/parse-error.js'
import {looksLikeSysctlOutput, parseSysctlOutput} from '../../src/parse/sysctl-output.js'
import {describeGolden} from '../helpers/fixtures.js'

describeGolden('sysctl-a', parseSysctlOutput)

describe('parseSysctlOutput', () => {
  it('keeps only the four ARP/rp_filter keys under net.ipv4.conf', () => {
    const text = [
      'net.ipv4.conf.all.arp_ignore = 1',
      'net.ipv4.conf.all.arp_notify = 0',
      'net.ipv4.ip_forward = 1',
      'net.ipv6.conf.all.forwarding = 0',
      'net.ipv4.conf.eth0.arp_announce = 2',
    ].join('\n')
    expect(parseSysctlOutput(text)).toEqual({all: {arp_ignore: 1}, eth0: {arp_announce: 2}})
  })

  it('maps the procps VLAN spelling eth0/100 to the kernel name eth0.100', () => {
    expect(parseSysctlOutput('net.ipv4.conf.eth0/100.rp_filter = 0\n')).toEqual({'eth0.100': {rp_filter: 0}})
  })

  it('reads `grep . /proc/sys/...` output, VLAN dots included', () => {
    const text = '/proc/sys/net/ipv4/conf/all/arp_ignore:1\n/proc/sys/net/ipv4/conf/eth0.100/arp_ignore:0\n'
    expect(parseSysctlOutput(text)).toEqual({all: {arp_ignore: 1}, 'eth0.100': {arp_ignore: 0}})
  })

  it('ignores stderr lines, prompts and unrelated text', () => {
    const text = [
      "sysctl: permission denied on key 'net.ipv4.conf.all.stable_secret'",
      '$ sysctl -a | grep arp',
      'sysctl: net.ipv4.conf.lo.arp_ignore = 0',
      'reading key "net.ipv6.conf.all.stable_secret"',
      '10.0.2.0/24 dev eth0 proto kernel scope link src 10.0.2.15 metric 100',
    ].join('\n')
    expect(parseSysctlOutput(text)).toEqual({lo: {arp_ignore: 0}})
  })

  it('tolerates CRLF, tabs and trailing blanks', () => {
    expect(parseSysctlOutput('net.ipv4.conf.all.rp_filter\t=\t2 \r\nnet.ipv4.conf.lo.rp_filter=0\r\n')).toEqual({
      all: {rp_filter: 2},
      lo: {rp_filter: 0},
    })
  })

  it('lets a later line win, as with repeated captures', () => {
    expect(parseSysctlOutput('net.ipv4.conf.all.arp_ignore = 0\nnet.ipv4.conf.all.arp_ignore = 1\n')).toEqual({all: {arp_ignore: 1}})
  })

  it('throws ParseError for a non-integer value of a kept key, with its line', () => {
    expect(() => parseSysctlOutput('net.ipv4.conf.all.arp_ignore = 0\nnet.ipv4.conf.all.arp_ignore = yes\n')).toThrow(ParseError)
    expect(() => parseSysctlOutput('net.ipv4.conf.all.arp_ignore =\n')).toThrow(/on line 1/)
  })

  it('accepts odd values of keys it does not keep', () => {
    expect(parseSysctlOutput('net.ipv4.ip_local_reserved_ports =\nnet.ipv4.ip_local_port_range = 32768\t60999\n')).toEqual({})
  })

  it('throws ParseError when nothing looks like sysctl output', () => {
    expect(() => parseSysctlOutput('')).toThrow(ParseError)
    expect(() => parseSysctlOutput("sysctl: permission denied on key 'kernel.x'\nhello world\n")).toThrow(ParseError)
  })
})

describe('looksLikeSysctlOutput', () => {
  it('detects sysctl lines and rejects other command output', () => {
    expect(looksLikeSysctlOutput('kernel.sysrq = 16\n')).toBe(true)
    expect(looksLikeSysctlOutput('/proc/sys/net/ipv4/conf/all/rp_filter:1\n')).toBe(true)
    expect(looksLikeSysctlOutput('1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536\n')).toBe(false)
    expect(looksLikeSysctlOutput('')).toBe(false)
  })
})
