/**
 * Deriving a real server's expectations from its load balancer's configuration. The configs
 * are the real fixtures in fixtures/lb/ (parsed), except where a case says SYNTHETIC.
 */
import {describe, expect, it} from 'vitest'

import {expectationsFor, inputsByMode} from '../../src/facts/lb-expectations.js'
import {parseLbConfig} from '../../src/parse/lb/detect.js'
import {lbFixtureText} from '../helpers/lb-fixtures.js'

const config = (scenario: string, file: string) => parseLbConfig(lbFixtureText(scenario, file))

describe('expectationsFor', () => {
  it('gives a DR real server its VIP and the service port (keepalived, kube-apiserver)', () => {
    expect(expectationsFor(config('keepalived-k8s-dr-ssl-get', 'keepalived.conf'), ['10.4.7.12', 'fe80::1'])).toEqual([
      {vip: '10.4.7.10', port: 6443, protocol: 'tcp', mode: 'dr', fallback: false, service: '10.4.7.10:6443/tcp'},
    ])
  })

  it('matches nothing for a server the configuration does not list', () => {
    expect(expectationsFor(config('keepalived-k8s-dr-ssl-get', 'keepalived.conf'), ['10.4.7.13'])).toEqual([])
  })

  it('under DR, a real server listed on other ports still receives the VIP port: one expectation (unbound, port 53)', () => {
    for (const file of ['keepalived.conf', 'ipvsadm-S-n.txt']) {
      expect(expectationsFor(config('keepalived-rhel7-unbound-dr-port-mismatch', file), ['213.167.104.142'])).toEqual([
        {vip: '213.167.104.144', port: 53, protocol: 'udp', mode: 'dr', fallback: false, service: '213.167.104.144:53/udp'},
      ])
    }
  })

  it('under NAT, the real server receives its own port (443 mapped to 20001), and port-0 services every port', () => {
    expect(expectationsFor(config('ipvsadm-ibm-port-zero-persistent-masq', 'ipvsadm-Ln.txt'), ['169.55.35.104']).map((e) => [e.vip, e.port, e.protocol, e.mode])).toEqual([
      ['169.55.8.94', 0, 'tcp', 'nat'],
      ['169.55.8.94', 20001, 'tcp', 'nat'],
      ['169.55.8.94', 0, 'udp', 'nat'],
    ])
  })

  it('gives a fwmark service no VIP (firewall marks choose them) but still the method', () => {
    expect(expectationsFor(config('ipvsadm-exporter-ipv6-fwm', 'ipvsadm-Ln.txt'), ['203.0.113.22'])).toEqual([{vip: null, fwmark: 52587, port: 0, mode: 'tun', fallback: false, service: 'fwmark 52587'}])
  })

  it('matches IPv6 real servers whatever their spelling', () => {
    const expectations = expectationsFor(config('ipvsadm-exporter-ipv6-fwm', 'ipvsadm-Ln.txt'), ['2001:DB8:AF:15:0:0:64D:32C'])
    expect(expectations.map((e) => [e.vip, e.port, e.mode])).toEqual([['2001:db8:cc::513', 53, 'tun']])
  })

  it('marks a sorry server as fallback, and a host name matches by name', () => {
    expect(expectationsFor(config('keepalived-lsaa-semicolon-comments', 'keepalived.conf'), ['192.168.200.254'])).toEqual([
      {vip: '192.168.200.33', port: 80, protocol: 'tcp', mode: 'dr', fallback: true, service: '192.168.200.33:80/tcp'},
    ])
    const named = parseLbConfig('virtual=10.0.0.1:80\n\treal=Web1.Example.com:80 ipip\n') // SYNTHETIC
    expect(expectationsFor(named, ['web1.example.com']).map((e) => e.mode)).toEqual(['tun'])
  })

  it('gives a server listed under several methods every one of them (SYNTHETIC rules)', () => {
    const rules = ['-A -t 10.0.0.1:80', '-a -t 10.0.0.1:80 -r 192.0.2.5:80 -g', '-A -t 10.0.0.2:8443', '-a -t 10.0.0.2:8443 -r 192.0.2.5:443 -m', '-A -u 10.0.0.1:53', '-a -u 10.0.0.1:53 -r 192.0.2.5 -i'].join('\n')
    const expectations = expectationsFor(parseLbConfig(rules), ['192.0.2.5'])
    expect(expectations.map((e) => `${e.mode} ${e.vip}:${e.port}/${e.protocol}`)).toEqual(['dr 10.0.0.1:80/tcp', 'nat 10.0.0.2:443/tcp', 'tun 10.0.0.1:53/udp'])
    expect(inputsByMode(expectations)).toEqual([
      {mode: 'dr', vips: ['10.0.0.1'], tcpPorts: [80], fwmark: false},
      {mode: 'nat', vips: ['10.0.0.2'], tcpPorts: [443], fwmark: false},
      {mode: 'tun', vips: ['10.0.0.1'], tcpPorts: [], fwmark: false},
    ])
  })

  it('groups a keepalived virtual_server_group by method with every VIP of the group (upstream sample)', () => {
    const [inputs] = inputsByMode(expectationsFor(config('keepalived-upstream-virtual-server-group', 'keepalived.conf'), ['192.168.200.2']))
    expect(inputs?.mode).toBe('nat')
    expect(inputs?.vips).toHaveLength(11)
    expect(inputs?.tcpPorts).toEqual([1358])
    expect(inputs?.fwmark).toBe(true)
  })
})
