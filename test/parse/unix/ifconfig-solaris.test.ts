import {readFileSync} from 'node:fs'

import {describe, expect, it} from 'vitest'

import {ParseError} from '../../../src/parse/parse-error.js'
import {looksLikeIfconfigSolaris, parseIfconfigSolaris} from '../../../src/parse/unix/ifconfig-solaris.js'

const fixture = (path: string) => readFileSync(new URL(`../../../fixtures/${path}`, import.meta.url), 'utf8')

describe('parseIfconfigSolaris', () => {
  it('keeps each logical interface with its zone, and reads bare hex masks (real Solaris 10 output)', () => {
    const nics = parseIfconfigSolaris(fixture('solaris/sample-sol10-zones-lo0-logical/ifconfig-a.txt'))
    expect(nics.find((nic) => nic.name === 'lo0:4')).toMatchObject({
      index: 1,
      loopback: true,
      up: true,
      zone: 'frcp00vpd0192',
      addresses: [{family: 'inet', address: '128.1.1.192', prefixLength: 16, scope: 'global'}],
    })
    expect(nics.find((nic) => nic.name === 'bnx3')?.addresses[0]).toMatchObject({address: '55.16.201.195', prefixLength: 22})
  })

  it('skips tunnel lines, takes the local side of a peer, and reads inet6 ADDR/LEN (Ohai composite)', () => {
    const nics = parseIfconfigSolaris(fixture('solaris/ohai-solaris2-composite/ifconfig-a.txt'))
    expect(nics.find((nic) => nic.name === 'ip6.tun0')).toMatchObject({noArp: true, addresses: [{address: '10.0.0.208', prefixLength: 8}]})
    expect(nics.find((nic) => nic.name === 'ip.tun0:1')?.addresses).toEqual([{family: 'inet6', address: '2::45', prefixLength: 128, scope: 'global'}])
    expect(nics.find((nic) => nic.name === 'ipmp0')?.index).toBeUndefined()
  })

  // Synthetic: the layout Solaris prints for the IPv6 instance of lo0, a VIP logical interface that is
  // plumbed but not up, and one not yet configured (0.0.0.0).
  it('merges the IPv6 instance into the interface, keeps DOWN logical interfaces, drops 0.0.0.0', () => {
    const nics = parseIfconfigSolaris(
      [
        'lo0: flags=2001000849<UP,LOOPBACK,RUNNING,MULTICAST,IPv4,VIRTUAL> mtu 8232 index 1',
        '\tinet 127.0.0.1 netmask ff000000',
        'lo0:1: flags=2001000848<LOOPBACK,RUNNING,MULTICAST,IPv4,VIRTUAL> mtu 8232 index 1',
        '\tinet 198.51.100.10 netmask ffffffff',
        'lo0:2: flags=2001000848<LOOPBACK,RUNNING,MULTICAST,IPv4,VIRTUAL> mtu 8232 index 1',
        '\tinet 0.0.0.0 netmask 0',
        'lo0: flags=2002000849<UP,LOOPBACK,RUNNING,MULTICAST,IPv6,VIRTUAL> mtu 8252 index 1',
        '\tinet6 ::1/128',
      ].join('\r\n'),
    )
    expect(nics.map((nic) => nic.name)).toEqual(['lo0', 'lo0:1', 'lo0:2'])
    expect(nics[0]?.addresses.map((a) => `${a.address}/${a.prefixLength}`)).toEqual(['127.0.0.1/8', '::1/128'])
    expect(nics[0]?.flags).toContain('IPv6')
    expect(nics[1]).toMatchObject({up: false, addresses: [{address: '198.51.100.10', prefixLength: 32}]})
    expect(nics[2]?.addresses).toEqual([])
  })

  it.each([
    ['empty output', '', /no interface found/],
    ['text before any header', 'ifconfig: command not found', /unexpected line/],
    ['a mask that is no mask', 'lo0: flags=849<UP,LOOPBACK> mtu 8232 index 1\n\tinet 127.0.0.1 netmask ff00ff00', /not a contiguous IPv4 mask on line 2/],
    ['inet6 without /prefix', 'lo0: flags=849<UP,LOOPBACK,IPv6> mtu 8232 index 1\n\tinet6 ::1', /without a \/prefix/],
  ])('throws ParseError on %s (synthetic)', (_name, text, message) => {
    expect(() => parseIfconfigSolaris(text)).toThrow(ParseError)
    expect(() => parseIfconfigSolaris(text)).toThrow(message)
  })
})

describe('looksLikeIfconfigSolaris', () => {
  it('accepts Solaris output and refuses BSD output', () => {
    expect(looksLikeIfconfigSolaris(fixture('solaris/sample-sol10-zones-lo0-logical/ifconfig-a.txt'))).toBe(true)
    expect(looksLikeIfconfigSolaris(fixture('freebsd/sample-13.2-openstack/ifconfig-a.txt'))).toBe(false)
    expect(looksLikeIfconfigSolaris(fixture('darwin/sample-macos-tabs-lo0-alias/ifconfig-lo0.txt'))).toBe(false)
  })
})
