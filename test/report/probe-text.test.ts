import {describe, expect, it} from 'vitest'

import {arpVerdict} from '../../src/probe/arp-verdict.js'
import {pingVerdict} from '../../src/probe/ping-verdict.js'
import {vipPathVerdict} from '../../src/probe/vip-path-verdict.js'
import {arpText, pingText, vipPathText} from '../../src/report/probe-text.js'

describe('probe text output', () => {
  it('lists the ARP responders, this host first, then the verdict', () => {
    const result = arpVerdict({
      vip: '192.0.2.100',
      interface: 'eth0',
      macs: ['8e:b8:ca:eb:db:60'],
      realServerMacs: new Map([['8e:b8:ca:eb:db:60', ['192.0.2.11']]]),
      localMac: '3e:2e:09:91:f5:f2',
      expectMac: null,
      announcement: null,
    })
    expect(arpText(result)).toBe(
      'ARP for 192.0.2.100 on eth0:\n  3e:2e:09:91:f5:f2  this host (holds the VIP)\n  8e:b8:ca:eb:db:60  real server 192.0.2.11\n' + `PROBLEM: ${result.message}\n`,
    )
    const silent = arpVerdict({vip: '192.0.2.100', interface: 'eth0', macs: [], realServerMacs: new Map(), localMac: null, expectMac: null, announcement: null})
    expect(arpText(silent)).toContain('  (no answer)\nPROBLEM: No host answered')
    const announced = arpVerdict({
      vip: '192.0.2.100',
      interface: 'eth0',
      macs: ['3e:2e:09:91:f5:f2'],
      realServerMacs: new Map([['8e:b8:ca:eb:db:60', ['192.0.2.11']]]),
      localMac: null,
      expectMac: null,
      announcement: {port: 80, mac: '8e:b8:ca:eb:db:60'},
    })
    expect(arpText(announced)).toContain('After a connection to port 80, the neighbour entry for 192.0.2.100: 8e:b8:ca:eb:db:60  real server 192.0.2.11\nPROBLEM:')
  })

  it('shows the path vip-path tried', () => {
    const base = {vip: '192.0.2.100', port: 80, realServer: '192.0.2.11', interface: 'eth0', source: '192.0.2.254', timeoutMs: 3000}
    expect(vipPathText(vipPathVerdict({...base, realServerMac: '8e:b8:ca:eb:db:60', outcome: {connected: true}}))).toMatch(
      /^TCP 192\.0\.2\.254 -> 192\.0\.2\.100:80 via real server 192\.0\.2\.11 \(8e:b8:ca:eb:db:60\) on eth0\nOK: /,
    )
    expect(vipPathText(vipPathVerdict({...base, realServerMac: null, outcome: {connected: false, code: 'EHOSTUNREACH', detail: 'x'}}))).toContain('(MAC unresolved)')
  })

  it('gives one line per ping target', () => {
    const text = pingText(
      pingVerdict([
        {target: '192.0.2.11', reachable: true, packetLoss: 0, rttMs: {min: 0.047, avg: 0.049, max: 0.051, stddev: 0.002}, error: null},
        {target: '203.0.113.5', reachable: false, packetLoss: null, rttMs: null, error: 'ping: connect: Network is unreachable'},
      ]),
    )
    expect(text).toBe(
      'Ping:\n  192.0.2.11  reachable (0% loss, rtt min/avg/max 0.047/0.049/0.051 ms)\n' +
        '  203.0.113.5  unreachable (loss unknown): ping: connect: Network is unreachable\n' +
        'PROBLEM: 1 of 2 target(s) do not answer ping: 203.0.113.5.\n',
    )
  })
})
