import {readFileSync} from 'node:fs'

import {describe, expect, it} from 'vitest'

import {ParseError} from '../../src/parse/parse-error.js'
import {looksLikeSsOutput, parseSsListeners} from '../../src/parse/ss-listeners.js'
import {describeGolden} from '../helpers/fixtures.js'

describeGolden('ss-listen-tcp', parseSsListeners)

const fixture = (scenario: string): string =>
  readFileSync(new URL(`../../fixtures/linux/${scenario}/ss-listen-tcp.txt`, import.meta.url), 'utf8')

const row = (local: string, rest = ''): string => `LISTEN 0      128    ${local}    0.0.0.0:*${rest}`

describe('parseSsListeners', () => {
  it('gives the same result for CRLF, padding and a missing header', () => {
    const text = fixture('debian12-iproute2-6.1-netns-vip')
    const expected = parseSsListeners(text)
    expect(parseSsListeners(text.replace(/\n/g, '\r\n'))).toEqual(expected)
    expect(parseSsListeners(text.replace(/\n/g, '      \n'))).toEqual(expected)
    expect(parseSsListeners(text.split('\n').slice(1).join('\n'))).toEqual(expected) // as with -H
  })

  it.each([
    ['0.0.0.0:80', '0.0.0.0', 80],
    ['*:80', '0.0.0.0', 80],
    ['[::]:80', '::', 80],
    [':::80', '::', 80],
    ['::1:25', '::1', 25],
    ['[::1]:25', '::1', 25],
    ['::ffff:127.0.0.1:4369', '::ffff:127.0.0.1', 4369],
    ['[::ffff:192.0.2.1]:80', '::ffff:192.0.2.1', 80],
    ['[::FFFF:C000:201]:80', '::ffff:192.0.2.1', 80],
    ['127.0.0.53%lo:53', '127.0.0.53', 53],
    ['[fe80::1%eth0]:22', 'fe80::1', 22],
    ['[fe80::1]%eth0:22', 'fe80::1', 22],
    ['[2001:DB8:0::10]:443', '2001:db8::10', 443],
  ])('reads the local address %s', (local, address, port) => {
    expect(parseSsListeners(row(local))).toEqual([{protocol: 'tcp', address, port}])
  })

  it('reads process names, old and new, with spaces and several owners', () => {
    const text = [
      row('0.0.0.0:22', '      users:(("sshd",4244,3))'),
      row('0.0.0.0:80', '    users:(("nginx",pid=3521,fd=6),("nginx",pid=3520,fd=6),("nginx",pid=3517,fd=6))'),
      row('*:3000', '    users:(("next-server (v1",pid=1418,fd=18))'),
      row('0.0.0.0:8080', '    users:(("nginx",pid=1501),("nginx",pid=1500))'),
    ].join('\n')
    expect(parseSsListeners(text).map((l) => l.process)).toEqual(['sshd', 'nginx', 'next-server (v1', 'nginx'])
  })

  it('keeps only tcp LISTEN rows from -Htuln output without a header', () => {
    const text = [
      'udp   UNCONN 0      0            0.0.0.0:68        0.0.0.0:*',
      'tcp   LISTEN 0      4096   127.0.0.53%lo:53        0.0.0.0:*',
      'tcp   ESTAB  0      0         192.0.2.10:22      192.0.2.99:50000',
      'mptcp LISTEN 0      128          0.0.0.0:8443      0.0.0.0:*',
    ].join('\n')
    expect(parseSsListeners(text)).toEqual([{protocol: 'tcp', address: '127.0.0.53', port: 53}])
  })

  it('detects ss output', () => {
    expect(looksLikeSsOutput(fixture('sample-istio-netshoot-pod'))).toBe(true)
    expect(looksLikeSsOutput(fixture('debian12-iproute2-6.1-netns-vip-oneline'))).toBe(true)
    expect(looksLikeSsOutput(fixture('openstack-neutron-ss-old-iproute2'))).toBe(true)
    expect(looksLikeSsOutput('\r\ntcp   LISTEN 0      128    0.0.0.0:22   0.0.0.0:*\r\n')).toBe(true)
    expect(looksLikeSsOutput('Active Internet connections (only servers)\nProto Recv-Q Send-Q Local Address')).toBe(false)
    expect(looksLikeSsOutput('tcp        0      0 0.0.0.0:22              0.0.0.0:*               LISTEN      7148/sshd')).toBe(false)
    expect(looksLikeSsOutput('1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536')).toBe(false)
  })

  it('reads header-only and empty output as no listeners', () => {
    expect(parseSsListeners('State  Recv-Q Send-Q Local Address:Port Peer Address:PortProcess\n')).toEqual([])
    expect(parseSsListeners('')).toEqual([])
  })

  it.each([
    ['netstat output', 'Proto Recv-Q Send-Q Local Address           Foreign Address         State       PID/Program name\ntcp        0      0 0.0.0.0:8080            0.0.0.0:*               LISTEN      1/nginx: master pro'],
    ['prose', 'Cannot open netlink socket: Protocol not supported'],
    ['a prompt line', '$ ss -ltn'],
    ['a half row', 'LISTEN 0      128'],
    ['a service name (no -n)', row('*:ssh')],
    ['a port out of range', row('0.0.0.0:70000')],
    ['a bad address', row('300.1.2.3:80')],
    ['a missing port', row('0.0.0.0')],
  ])('throws ParseError on %s', (_name, text) => {
    expect(() => parseSsListeners(text)).toThrow(ParseError)
  })
})
