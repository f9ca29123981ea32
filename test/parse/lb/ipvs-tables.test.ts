/**
 * `ipvsadm -L` and /proc/net/ip_vs cases the real fixtures do not cover. Every table here is
 * SYNTHETIC, laid out as ipvsadm's print_service_entry() and the kernel's ip_vs_info_seq_show()
 * print; real captures are in test/parse/lb/golden.test.ts.
 */
import {describe, expect, it} from 'vitest'

import {parseIpvsadmList} from '../../../src/parse/lb/ipvsadm.js'
import {parseProcNetIpVs} from '../../../src/parse/lb/proc-net-ip-vs.js'
import {ParseError} from '../../../src/parse/parse-error.js'

const TITLE = ['IP Virtual Server version 1.2.1 (size=4096)', 'Prot LocalAddress:Port Scheduler Flags', '  -> RemoteAddress:Port           Forward Weight ActiveConn InActConn']
const PROC_TITLE = ['IP Virtual Server version 1.2.1 (size=4096)', 'Prot LocalAddress:Port Scheduler Flags', '  -> RemoteAddress:Port Forward Weight ActiveConn InActConn']

describe('parseIpvsadmList (synthetic)', () => {
  it('skips Local (the director itself) and unknown forwarding with a note, keeps Route, Tunnel, Masq', () => {
    const text = [
      ...TITLE,
      'TCP  10.0.0.1:80 wlc persistent 300 mask 255.255.255.0',
      '  -> 127.0.0.1:80                 Local   1      0          0',
      '  -> 192.0.2.1:80                 Route   1      0          0',
      '  -> 192.0.2.2:80                 FullNat 1      0          0',
      'SCTP  [2001:db8::1]:5060 rr',
      '  -> [2001:db8::10]:5060          Masq    2      0          0',
    ].join('\n')
    const config = parseIpvsadmList(text)
    expect(config.services.map((s) => [s.vip, s.port, s.protocol, s.persistence, s.realServers.map((r) => `${r.address} ${r.method} ${r.weight}`)])).toEqual([
      ['10.0.0.1', 80, 'tcp', 300, ['192.0.2.1 dr 1']],
      ['2001:db8::1', 5060, 'sctp', undefined, ['2001:db8::10 nat 2']],
    ])
    expect(config.notes).toEqual([
      {line: 5, message: 'real server 127.0.0.1:80 of service line 4 is the director itself (Local): it serves the request, no real-server setup applies; skipped'},
      {line: 7, message: 'real server 192.0.2.2:80 of service line 4 uses forwarding "FullNat", which rsaudit does not audit; skipped'},
    ])
  })

  it('keeps host names from ipvsadm -L without -n, and says they are not resolved', () => {
    const text = [...TITLE, 'TCP  www.example.com:https wlc', '  -> rs1.example.com:https       Route   1      0          0'].join('\n')
    const config = parseIpvsadmList(text)
    expect(config.services[0]).toMatchObject({vip: 'www.example.com', port: 443, realServers: [{address: 'rs1.example.com', port: 443}]})
    expect(config.notes.map((n) => n.line)).toEqual([4, 5])
  })

  it('reads a title-only table as no services', () => {
    expect(parseIpvsadmList(TITLE.join('\n'))).toEqual({format: 'ipvsadm-list', services: [], notes: [{message: 'no virtual service in this ipvsadm -L output'}]})
  })

  it.each([
    ['empty text', '', 'the output is empty'],
    ['a real server before any service', [...TITLE, '  -> 192.0.2.1:80  Route 1 0 0'].join('\n'), 'a real server comes before any service on line 4'],
    ['a prompt or other line', [...TITLE, '[root@lb ~]# ipvsadm -Ln'].join('\n'), 'expected a service (TCP, UDP, SCTP, FWM) or a "->" real server, found "[root@lb ~]# ipvsadm -Ln" on line 4'],
    ['an unknown service name', [...TITLE, 'TCP  10.0.0.1:gopher-ng wlc'].join('\n'), 'unknown service name "gopher-ng" (give numeric ports, e.g. ipvsadm -n) on line 4'],
    ['--rate output', ['Prot LocalAddress:Port                 CPS    InPPS   OutPPS    InBPS   OutBPS'].join('\n'), 'this is ipvsadm -L --rate output, which has no Forward column: use ipvsadm -Ln on line 1'],
  ])('rejects %s', (_name, text, message) => {
    expect(() => parseIpvsadmList(text)).toThrow(ParseError)
    expect(() => parseIpvsadmList(text)).toThrow(message)
  })
})

describe('parseProcNetIpVs (synthetic)', () => {
  it('decodes full IPv6 addresses, hex ports and the kernel persistence suffix', () => {
    const text = [
      ...PROC_TITLE,
      'TCP  [2001:0db8:0000:0000:0000:0000:0000:0001]:01BB rr persistent 360 00000080',
      '  -> [2001:0db8:0000:0000:0000:0000:0000:0010]:01BB      Route   1      0          0',
      'UDP  C0000201:0035 wrr ops ',
      '  -> C6336407:0035      Tunnel  2      0          0',
    ].join('\n')
    expect(parseProcNetIpVs(text).services).toEqual([
      {vip: '2001:db8::1', port: 443, protocol: 'tcp', scheduler: 'rr', persistence: 360, line: 4, realServers: [{address: '2001:db8::10', port: 443, method: 'dr', weight: 1, fallback: false, line: 5}]},
      {vip: '192.0.2.1', port: 53, protocol: 'udp', scheduler: 'wrr', line: 6, realServers: [{address: '198.51.100.7', port: 53, method: 'tun', weight: 2, fallback: false, line: 7}]},
    ])
  })

  it.each([
    ['dotted addresses', [...PROC_TITLE, 'TCP  10.0.0.1:80 wrr'].join('\n'), '"10.0.0.1:80" is not a hex address:port on line 4'],
    ['a decimal fwmark', [...PROC_TITLE, 'FWM  100 wrr'].join('\n'), 'FWM mark "100" is not 8 hex digits on line 4'],
  ])('rejects %s', (_name, text, message) => {
    expect(() => parseProcNetIpVs(text)).toThrow(message)
  })
})
