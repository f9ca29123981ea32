import type {PingResponse} from 'ping'
import {describe, expect, it} from 'vitest'

import {isPingPrivilegeError, pingExitCode, pingTargetResult, pingVerdict} from '../../src/probe/ping-verdict.js'

// Real responses of ping@0.4.4 (iputils-ping 20221126), captured on 2026-11-26 inside a test network
// namespace on 192.0.2.0/24: a reachable neighbour, an unused address and an unrouted network.
const reachable = JSON.parse(
  '{"inputHost":"192.0.2.11","host":"192.0.2.11","alive":true,"output":"PING 192.0.2.11 (192.0.2.11) 56(84) bytes of data.\\n64 bytes from 192.0.2.11: icmp_seq=1 ttl=64 time=0.051 ms\\n64 bytes from 192.0.2.11: icmp_seq=2 ttl=64 time=0.047 ms\\n\\n--- 192.0.2.11 ping statistics ---\\n2 packets transmitted, 2 received, 0% packet loss, time 1004ms\\nrtt min/avg/max/mdev = 0.047/0.049/0.051/0.002 ms\\n","time":0.051,"times":[0.051,0.047],"min":"0.047","max":"0.051","avg":"0.049","stddev":"0.002","packetLoss":"0.000","numeric_host":"192.0.2.11"}',
) as PingResponse
const silent = JSON.parse(
  '{"inputHost":"192.0.2.77","host":"192.0.2.77","alive":false,"output":"PING 192.0.2.77 (192.0.2.77) 56(84) bytes of data.\\nFrom 192.0.2.2 icmp_seq=1 Destination Host Unreachable\\nFrom 192.0.2.2 icmp_seq=2 Destination Host Unreachable\\nFrom 192.0.2.2 icmp_seq=3 Destination Host Unreachable\\n\\n--- 192.0.2.77 ping statistics ---\\n3 packets transmitted, 0 received, +3 errors, 100% packet loss, time 2029ms\\npipe 3\\n","time":"unknown","times":[],"min":"unknown","max":"unknown","avg":"unknown","stddev":"unknown","packetLoss":"100.000","numeric_host":"192.0.2.77"}',
) as PingResponse
const unrouted = JSON.parse(
  '{"inputHost":"203.0.113.5","host":"connect:","alive":false,"output":"ping: connect: Network is unreachable\\n","time":"unknown","times":[],"min":"unknown","max":"unknown","avg":"unknown","stddev":"unknown","packetLoss":"unknown","numeric_host":"etwor"}',
) as PingResponse
// Same, as an unprivileged user with a copy of ping that lacks cap_net_raw (ping_group_range "1 0").
const denied = JSON.parse(
  '{"inputHost":"192.0.2.11","host":"socktype:","alive":false,"output":"ping: socktype: SOCK_RAW\\nping: socket: Operation not permitted\\nping: => missing cap_net_raw+p capability or setuid?\\n","time":"unknown","times":[],"min":"unknown","max":"unknown","avg":"unknown","stddev":"unknown","packetLoss":"unknown","numeric_host":"OCK_RA"}',
) as PingResponse

describe('pingTargetResult', () => {
  it('turns the text numbers of a reachable target into numbers', () => {
    expect(pingTargetResult('192.0.2.11', reachable)).toEqual({
      target: '192.0.2.11',
      reachable: true,
      packetLoss: 0,
      rttMs: {min: 0.047, avg: 0.049, max: 0.051, stddev: 0.002},
      error: null,
    })
  })

  it('keeps 100% loss and no round-trip times for a silent target', () => {
    expect(pingTargetResult('192.0.2.77', silent)).toEqual({target: '192.0.2.77', reachable: false, packetLoss: 100, rttMs: null, error: null})
  })

  it("gives unknown loss as null and keeps ping's complaint (the package's own host field is garbage here)", () => {
    expect(pingTargetResult('203.0.113.5', unrouted)).toEqual({
      target: '203.0.113.5',
      reachable: false,
      packetLoss: null,
      rttMs: null,
      error: 'ping: connect: Network is unreachable',
    })
  })

  it('recognises a privilege failure from all of ping\'s complaint lines', () => {
    const result = pingTargetResult('192.0.2.11', denied)
    expect(result.error).toBe('ping: socktype: SOCK_RAW; ping: socket: Operation not permitted; ping: => missing cap_net_raw+p capability or setuid?')
    expect(isPingPrivilegeError(result)).toBe(true)
    expect(isPingPrivilegeError(pingTargetResult('203.0.113.5', unrouted))).toBe(false)
  })
})

describe('pingVerdict', () => {
  it('passes when every target answers', () => {
    const result = pingVerdict([pingTargetResult('192.0.2.11', reachable)])
    expect(result).toMatchObject({problem: false, message: 'The target answers ping.'})
    expect(pingExitCode(result)).toBe(0)
  })

  it('names the targets that do not answer', () => {
    const result = pingVerdict([pingTargetResult('192.0.2.11', reachable), pingTargetResult('192.0.2.77', silent), pingTargetResult('203.0.113.5', unrouted)])
    expect(result).toMatchObject({problem: true, message: '2 of 3 target(s) do not answer ping: 192.0.2.77, 203.0.113.5.'})
    expect(pingExitCode(result)).toBe(1)
  })
})
