import {describe, expect, it} from 'vitest'

import {type ConnectOutcome, vipPathExitCode, vipPathVerdict} from '../../src/probe/vip-path-verdict.js'

const base = {vip: '192.0.2.100', port: 8080, realServer: '192.0.2.11', interface: 'eth0', source: '192.0.2.254', realServerMac: '8e:b8:ca:eb:db:60', timeoutMs: 3000}
const verdict = (outcome: ConnectOutcome, realServerMac: string | null = base.realServerMac) => vipPathVerdict({...base, realServerMac, outcome})

describe('vipPathVerdict', () => {
  it('passes a connection that was accepted', () => {
    const result = verdict({connected: true})
    expect(result).toMatchObject({connected: true, error: null, problem: false, source: '192.0.2.254', realServerMac: '8e:b8:ca:eb:db:60'})
    expect(result.message).toMatch(/^Real server 192\.0\.2\.11 \(8e:b8:ca:eb:db:60\) accepted a TCP connection to 192\.0\.2\.100:8080/)
    expect(vipPathExitCode(result)).toBe(0)
  })

  it('explains a refusal: the VIP is there but nothing listens on it or on 0.0.0.0', () => {
    const result = verdict({connected: false, code: 'ECONNREFUSED', detail: 'connect ECONNREFUSED 192.0.2.100:8080'})
    expect(result).toMatchObject({connected: false, error: 'ECONNREFUSED', problem: true})
    expect(result.message).toContain('bound to the RIP only')
    expect(vipPathExitCode(result)).toBe(1)
  })

  it('explains a timeout: the real server drops packets for the VIP', () => {
    const result = verdict({connected: false, code: 'ETIMEDOUT', detail: 'no answer within 3000 ms'})
    expect(result.message).toContain('within 3 s: it drops packets for the VIP (is the VIP on lo?')
  })

  it('says the real server is not on the segment when its address never resolved', () => {
    const result = verdict({connected: false, code: 'EHOSTUNREACH', detail: 'connect EHOSTUNREACH 192.0.2.100:8080'}, null)
    expect(result.message).toBe('Real server 192.0.2.11 did not answer ARP on eth0: it is not on this segment, so Direct Routing cannot deliver to it.')
    expect(result.realServerMac).toBeNull()
  })

  it('passes any other error through', () => {
    expect(verdict({connected: false, code: 'ENETUNREACH', detail: 'connect ENETUNREACH'}).message).toBe(
      'Connecting to 192.0.2.100:8080 through real server 192.0.2.11 (8e:b8:ca:eb:db:60) failed: connect ENETUNREACH.',
    )
  })
})
