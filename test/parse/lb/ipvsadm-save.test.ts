/**
 * ipvsadm-save / `ipvsadm -R` rule cases the real fixtures do not cover. Every rule here is
 * SYNTHETIC, written from ipvsadm(8); real saved rules are in test/parse/lb/golden.test.ts.
 */
import {describe, expect, it} from 'vitest'

import {parseIpvsadmSave} from '../../../src/parse/lb/ipvsadm-save.js'
import {ParseError} from '../../../src/parse/parse-error.js'

const summary = (text: string): string[] =>
  parseIpvsadmSave(text).services.flatMap((s) => [
    `${s.vip ?? `fwmark ${s.fwmark}${s.family ? ` ${s.family}` : ''}`} ${s.port} ${s.protocol ?? '-'} ${s.scheduler ?? '-'} ${s.persistence ?? '-'}`,
    ...s.realServers.map((r) => `  ${r.address}:${r.port} ${r.method} ${r.weight}`),
  ])

describe('parseIpvsadmSave (synthetic)', () => {
  it("applies ipvsadm's defaults: wlc, gatewaying, weight 1, the service's port, 300 s for a bare -p", () => {
    expect(summary('-A -t 10.0.0.1:80\n-a -t 10.0.0.1:80 -r 192.0.2.1\n-A -u 10.0.0.1 -p\n')).toEqual(['10.0.0.1 80 tcp wlc -', '  192.0.2.1:80 dr 1', '10.0.0.1 0 udp wlc 300'])
  })

  it('replays edits and deletions in order, as ipvsadm -R does', () => {
    const text = [
      'ipvsadm -A -t 10.0.0.1:80 -s rr',
      '/sbin/ipvsadm -a -t 10.0.0.1:80 -r 192.0.2.1:80 -m',
      '-a -t 10.0.0.1:http -r 192.0.2.2:80 -m',
      '-e -t 10.0.0.1:80 -r 192.0.2.1:80 -g -w 5',
      '-d -t 10.0.0.1:80 -r 192.0.2.2:80',
      '-E -t 10.0.0.1:80 -s wrr',
      '-A -t 10.0.0.2:443 -s rr',
      '-D -t 10.0.0.2:443',
    ].join('\n')
    expect(summary(text)).toEqual(['10.0.0.1 80 tcp wrr -', '  192.0.2.1:80 dr 5'])
  })

  it('reads long options, IPv6, SCTP and IPv6 fwmarks, and forgets everything before -C', () => {
    const text = [
      '-A -t 10.9.9.9:80',
      '-C',
      '--add-service --sctp-service [2001:db8::1]:5060 --scheduler sh -b sh-port --persistent 60 -M 64',
      '--add-server --sctp-service [2001:db8::1]:5060 --real-server [2001:db8::10] --ipip --weight 2 --tun-type gue --tun-port 6080',
      '-A -f 7 -6 -s wrr',
      '-a -f 7 -6 -r [2001:db8::20]:0 -i -w 1 -x 100 -y 10',
    ].join('\n')
    expect(summary(text)).toEqual(['2001:db8::1 5060 sctp sh 60', '  2001:db8::10:5060 tun 2', 'fwmark 7 inet6 0 - wrr -', '  2001:db8::20:0 tun 1'])
  })

  it.each([
    ['an unknown option', '-A -t 10.0.0.1:80 --bogus\n', 'unknown ipvsadm option "--bogus" on line 1'],
    ['a real server before its service', '-a -t 10.0.0.1:80 -r 192.0.2.1\n', 'real server for 10.0.0.1:80, a service no earlier line added (-A) on line 1'],
    ['a rule without a command', '-t 10.0.0.1:80 -s rr\n', 'expected a rule such as "-A -t ADDRESS:PORT"'],
    ['an option without its value', '-A -t 10.0.0.1:80 -s\n', '-s needs a value on line 1'],
    ['-a without -r', '-A -t 10.0.0.1:80\n-a -t 10.0.0.1:80 -g\n', '-a/-e needs -r ADDRESS on line 2'],
    ['a bad weight', '-A -t 10.0.0.1:80\n-a -t 10.0.0.1:80 -r 192.0.2.1 -w heavy\n', 'weight "heavy" is not a whole number on line 2'],
  ])('rejects %s with a ParseError naming the line', (_name, text, message) => {
    expect(() => parseIpvsadmSave(text)).toThrow(ParseError)
    expect(() => parseIpvsadmSave(text)).toThrow(message)
  })
})
