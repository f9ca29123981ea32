import {describe, expect, it} from 'vitest'

import {arpExitCode, type ArpObservation, arpVerdict} from '../../src/probe/arp-verdict.js'

const LB = '3e:2e:09:91:f5:f2'
const RS1 = '8e:b8:ca:eb:db:60'
const RS2 = '0e:30:06:24:50:0f'

function observe(overrides: Partial<ArpObservation>): ArpObservation {
  return {vip: '192.0.2.100', interface: 'eth0', macs: [], realServerMacs: new Map(), localMac: null, expectMac: null, announcement: null, ...overrides}
}

describe('arpVerdict', () => {
  it('flags a real server that announces itself as the VIP although only the load balancer answers ARP', () => {
    const result = arpVerdict(observe({macs: [LB], realServerMacs: new Map([[RS1, ['192.0.2.11']]]), announcement: {port: 8080, mac: RS1}}))
    expect(result).toMatchObject({problem: true, announcement: {port: 8080, mac: RS1, realServer: '192.0.2.11'}})
    expect(result.message).toContain(`points at ${RS1} (real server 192.0.2.11)`)
    expect(result.message).toContain('arp_announce=2')
    expect(arpExitCode(result)).toBe(1)
  })

  it('passes when the neighbour entry after the connection still holds the ARP responder, and says it checked', () => {
    const result = arpVerdict(observe({macs: [LB], announcement: {port: 8080, mac: LB}}))
    expect(result).toMatchObject({problem: false, announcement: {port: 8080, mac: LB, realServer: null}})
    expect(result.message).toContain('no host announced itself as 192.0.2.100 while serving port 8080')
  })

  it('passes when exactly one MAC answers', () => {
    const result = arpVerdict(observe({macs: [LB]}))
    expect(result).toMatchObject({problem: false, responders: [{mac: LB, realServer: null}], heldLocally: null})
    expect(result.message).toBe(`Only ${LB} answers ARP for 192.0.2.100 on eth0.`)
    expect(arpExitCode(result)).toBe(0)
  })

  it('passes when the one MAC is the expected one', () => {
    const result = arpVerdict(observe({macs: [LB], expectMac: LB}))
    expect(result.problem).toBe(false)
    expect(result.message).toContain('as expected')
  })

  it('flags the wrong single responder and names it as a real server', () => {
    const result = arpVerdict(observe({macs: [RS1], expectMac: LB, realServerMacs: new Map([[RS1, ['192.0.2.11']]])}))
    expect(result).toMatchObject({problem: true, responders: [{mac: RS1, realServer: '192.0.2.11'}]})
    expect(result.message).toBe(`192.0.2.100 is answered on eth0 by ${RS1} (real server 192.0.2.11), not by the expected ${LB}.`)
    expect(arpExitCode(result)).toBe(1)
  })

  it('flags several responders, naming the real servers among them', () => {
    const result = arpVerdict(observe({macs: [RS1, LB, RS2], realServerMacs: new Map([[RS1, ['192.0.2.11']], [RS2, ['192.0.2.12']]])}))
    expect(result.problem).toBe(true)
    expect(result.responders).toEqual([
      {mac: RS1, realServer: '192.0.2.11'},
      {mac: LB, realServer: null},
      {mac: RS2, realServer: '192.0.2.12'},
    ])
    expect(result.message).toMatch(/^3 MACs answer ARP for 192\.0\.2\.100 on eth0: 8e:b8:ca:eb:db:60 \(real server 192\.0\.2\.11\), 3e:2e/)
    expect(result.message).toContain('arp_ignore=1, arp_announce=2')
  })

  it('flags no responder at all', () => {
    const result = arpVerdict(observe({}))
    expect(result).toMatchObject({problem: true, responders: [], heldLocally: null})
    expect(result.message).toMatch(/^No host answered ARP for 192\.0\.2\.100 on eth0/)
  })

  describe('run on the load balancer (the VIP is on the probe interface)', () => {
    it('passes when nobody else answers: this host is the one owner', () => {
      const result = arpVerdict(observe({localMac: LB, expectMac: LB}))
      expect(result).toMatchObject({problem: false, responders: [], heldLocally: {mac: LB}})
      expect(result.message).toBe(`Only this host (${LB}) answers ARP for 192.0.2.100 on eth0, as expected.`)
    })

    it('flags a real server answering besides this host', () => {
      const result = arpVerdict(observe({localMac: LB, macs: [RS1], realServerMacs: new Map([[RS1, ['192.0.2.11']]])}))
      expect(result.problem).toBe(true)
      expect(result.message).toMatch(/^This host \(3e:2e:09:91:f5:f2\) holds 192\.0\.2\.100, yet 1 other host\(s\) answer ARP for it on eth0: 8e:b8/)
    })

    it('flags this host when another MAC was expected', () => {
      expect(arpVerdict(observe({localMac: LB, expectMac: RS2})).problem).toBe(true)
    })
  })
})
