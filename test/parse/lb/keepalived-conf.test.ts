/**
 * keepalived.conf cases the real fixtures do not cover. Every input here is SYNTHETIC, written
 * for the test from keepalived.conf(5); the real configurations are in test/parse/lb/golden.test.ts.
 */
import {describe, expect, it} from 'vitest'

import {parseKeepalivedConf} from '../../../src/parse/lb/keepalived-conf.js'
import {ParseError} from '../../../src/parse/parse-error.js'

const vs = (body: string, head = '10.0.0.1 80'): string => `virtual_server ${head} {\n${body}\n}\n`

describe('parseKeepalivedConf (synthetic)', () => {
  it('accepts lvs_method and lb_kind in any case, and lets a real_server override the method', () => {
    const config = parseKeepalivedConf(vs('  lb_kind dr\n  real_server 192.0.2.1 80 { weight 0 }\n  real_server 192.0.2.2 80 {\n    lvs_method TUN type gue port 6080\n  }'))
    expect(config.services[0]?.realServers.map((r) => [r.address, r.method, r.weight])).toEqual([
      ['192.0.2.1', 'dr', 0],
      ['192.0.2.2', 'tun', 1],
    ])
  })

  it("says when no method is given and applies keepalived's default, NAT", () => {
    const config = parseKeepalivedConf(vs('  real_server 192.0.2.1 80 {\n  }'))
    expect(config.services[0]?.realServers[0]?.method).toBe('nat')
    expect(config.notes).toEqual([{line: 1, message: "virtual_server 10.0.0.1 80 has no lvs_method (lb_kind): keepalived's default, NAT, applies"}])
  })

  it('reports include lines instead of following them, at any depth', () => {
    const config = parseKeepalivedConf(`include /etc/keepalived/conf.d/*.conf\n${vs('  lb_kind DR\n  includer /etc/keepalived/real/*.conf')}`)
    expect(config.notes.map((n) => [n.line, n.message])).toEqual([
      [1, 'include /etc/keepalived/conf.d/*.conf is not followed: read the included files too, or the live table (ipvsadm -Ln)'],
      [4, 'include /etc/keepalived/real/*.conf is not followed: read the included files too, or the live table (ipvsadm -Ln)'],
    ])
  })

  it('reads comments anywhere, quoted # and !, glued braces and a { on the next line', () => {
    const text = [
      'virtual_server 10.0.0.1 443 # the https VIP',
      '{',
      '  lb_kind DR ! old name',
      '  real_server 192.0.2.1 443{',
      '    MISC_CHECK { misc_path "/bin/check #1 !x" }',
      '  }}',
    ].join('\n')
    const [service] = parseKeepalivedConf(text).services
    expect(service).toMatchObject({vip: '10.0.0.1', port: 443, line: 1, realServers: [{address: '192.0.2.1', port: 443, method: 'dr', line: 4}]})
  })

  it('substitutes $PARAMETERS and marks conditional lines', () => {
    const text = ['$VIP=10.0.0.9', '$RS_PREFIX=192.0.2', vs('  lb_kind DR\n@lb1  real_server ${RS_PREFIX}.7 80 {\n  }', '$VIP 80')].join('\n')
    const config = parseKeepalivedConf(text)
    expect(config.services[0]).toMatchObject({vip: '10.0.0.9', realServers: [{address: '192.0.2.7'}]})
    expect(config.notes.map((n) => n.message)).toEqual(['line applies only when keepalived runs with -i lb1; read as if it did'])
  })

  it('expands virtual_server_group ranges, CIDR blocks, IPv6 ranges and fwmarks', () => {
    const text = [
      'virtual_server_group G {',
      '  10.0.0.1-3 80',
      '  10.0.0.254-10.0.1.1 443',
      '  10.0.2.8/30 8080',
      '  2001:db8::e-11 80',
      '  fwmark 7 inet6',
      '}',
      vs('  lvs_method DR\n  persistence_timeout\n  real_server 192.0.2.1 {\n  }', 'group G'),
    ].join('\n')
    const config = parseKeepalivedConf(text)
    expect(config.services.map((s) => `${s.vip ?? `fwmark ${s.fwmark} ${s.family}`} ${s.port} ${s.group} ${s.persistence} ${s.realServers[0]?.port}`)).toEqual([
      '10.0.0.1 80 G 360 80',
      '10.0.0.2 80 G 360 80',
      '10.0.0.3 80 G 360 80',
      '10.0.0.254 443 G 360 443',
      '10.0.0.255 443 G 360 443',
      '10.0.1.0 443 G 360 443',
      '10.0.1.1 443 G 360 443',
      '10.0.2.8 8080 G 360 8080',
      '10.0.2.9 8080 G 360 8080',
      '10.0.2.10 8080 G 360 8080',
      '10.0.2.11 8080 G 360 8080',
      '2001:db8::e 80 G 360 80',
      '2001:db8::f 80 G 360 80',
      '2001:db8::10 80 G 360 80',
      '2001:db8::11 80 G 360 80',
      'fwmark 7 inet6 0 G 360 0',
    ])
  })

  it('notes a range too wide to list and a group that does not exist', () => {
    const text = ['virtual_server_group BIG {', '  10.0.0.0/16 80', '}', vs('  lb_kind DR', 'group BIG'), vs('  lb_kind DR', 'group MISSING')].join('\n')
    const config = parseKeepalivedConf(text)
    expect(config.services).toEqual([])
    expect(config.notes.map((n) => [n.line, n.message])).toEqual([
      [2, 'virtual_server_group BIG: range 10.0.0.0/16 has more than 1024 addresses; not listed'],
      [8, 'virtual_server group MISSING: no virtual_server_group of that name in this file; skipped'],
      [undefined, 'no virtual service in this keepalived.conf'],
    ])
  })

  it.each([
    ['an unmatched }', 'global_defs {\n}\n}\n', 'unmatched "}" on line 3'],
    ['an unterminated quote', vs('  real_server 192.0.2.1 80 {\n    MISC_CHECK { misc_path "/bin/x }\n  }'), 'unterminated " quote on line 3'],
    ['an unknown method', vs('  lb_kind FULLNAT'), 'lb_kind "FULLNAT" is not NAT, DR or TUN on line 2'],
    ['an unknown protocol', vs('  protocol ICMP'), 'unknown protocol "ICMP" (expected TCP, UDP or SCTP) on line 2'],
    ['a host name as virtual server', vs('  lb_kind DR', 'www.example.com 80'), '"www.example.com" is not an IP address on line 1'],
    ['a port above 65535', vs('  real_server 192.0.2.1 70000 {\n  }'), 'port 70000 is above 65535 on line 2'],
    ['a bad fwmark', vs('  lb_kind DR', 'fwmark 0'), 'fwmark "0" is not a number from 1 to 4294967295 on line 1'],
    ['a { with no keyword', '{\n}\n', '"{" does not follow a keyword on line 1'],
  ])('rejects %s with a ParseError naming the line', (_name, text, message) => {
    expect(() => parseKeepalivedConf(text)).toThrow(ParseError)
    expect(() => parseKeepalivedConf(text)).toThrow(message)
  })
})
