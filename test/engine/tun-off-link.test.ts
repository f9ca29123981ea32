/**
 * In TUN mode the ARP rules judge an interface only when a VIP lies in its subnet (LNX-TUN-04):
 * off-link nothing on that link asks the server for the VIP. Not-applicable is neither a valid
 * nor an invalid RuleTester case, so it is checked here for all three ARP rules.
 */
import {describe, expect, it} from 'vitest'

import {address, conf, ethernet, hostFacts, loopback} from '../helpers/host-facts.js'
import {runCase} from '../helpers/rule-tester.js'
import {ruleById} from './real-rules.js'

const ARP_RULES = ['arp-ignore', 'arp-announce', 'sysctl-persistent']
// Kernel defaults: every ARP rule fails wherever it is judged.
const facts = (vip: string) => hostFacts({interfaces: [loopback(address(`${vip}/32`)), ethernet()], ipv4Conf: conf(['lo', 'eth0'])})

describe('ARP rules in TUN mode', () => {
  it.each(ARP_RULES)('%s is not applicable on eth0 when the VIP is off its subnet', (id) => {
    const [result] = runCase(ruleById(id), facts('198.51.100.10'), {vips: ['198.51.100.10'], mode: 'tun'})
    expect(result).toMatchObject({outcome: 'not-applicable', subject: 'eth0'})
    expect(result?.message).toContain('no VIP lies in a subnet of eth0')
  })

  it.each(ARP_RULES)('%s still fails on eth0 when the VIP is in its subnet', (id) => {
    expect(runCase(ruleById(id), facts('192.0.2.100'), {vips: ['192.0.2.100'], mode: 'tun'}).map((r) => r.outcome)).toEqual(['fail'])
  })

  it.each(ARP_RULES)('%s judges every interface in DR mode, and in TUN mode when no VIP is known', (id) => {
    expect(runCase(ruleById(id), facts('198.51.100.10'), {vips: ['198.51.100.10'], mode: 'dr'}).map((r) => r.outcome)).toEqual(['fail'])
    expect(runCase(ruleById(id), facts('198.51.100.10'), {mode: 'tun'}).map((r) => r.outcome)).toEqual(['fail'])
  })
})
