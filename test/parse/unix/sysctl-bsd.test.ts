import {readFileSync} from 'node:fs'

import {describe, expect, it} from 'vitest'

import {looksLikeSysctlBsd, parseSysctlBsd} from '../../../src/parse/unix/sysctl-bsd.js'

describe('parseSysctlBsd', () => {
  it('reads check_interface from real macOS sysctl output', () => {
    const text = readFileSync(new URL('../../../fixtures/darwin/ohai-darwin-network/sysctl-net-inet-ip.txt', import.meta.url), 'utf8')
    expect(parseSysctlBsd(text)['net.inet.ip.check_interface']).toBe('0')
  })

  // Synthetic: the one-line answer FreeBSD 14 prints for `sysctl net.inet.ip.rfc1122_strong_es`, CRLF,
  // and a multi-line value as kern.geom.confxml has.
  it('reads one line, CRLF, and values that continue on the next lines', () => {
    expect(parseSysctlBsd('net.inet.ip.rfc1122_strong_es: 1\r\n')).toEqual({'net.inet.ip.rfc1122_strong_es': '1'})
    expect(parseSysctlBsd('kern.geom.confxml: <mesh>\n  <class/>\n</mesh>\nnet.inet.ip.forwarding: 0\n')).toEqual({
      'kern.geom.confxml': '<mesh>\n  <class/>\n</mesh>',
      'net.inet.ip.forwarding': '0',
    })
  })

  it.each([
    ['empty output', '', /the output is empty/],
    ["Linux's `key = value`", 'net.ipv4.conf.all.arp_ignore = 1', /expected "name: value"/],
  ])('throws ParseError on %s', (_name, text, message) => {
    expect(() => parseSysctlBsd(text)).toThrow(message)
  })

  it('recognizes BSD lines and not Linux ones', () => {
    expect(looksLikeSysctlBsd('net.inet.ip.check_interface: 0')).toBe(true)
    expect(looksLikeSysctlBsd('net.ipv4.conf.all.arp_ignore = 1')).toBe(false)
  })
})
