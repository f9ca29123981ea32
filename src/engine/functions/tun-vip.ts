/**
 * TUN mode (LNX-TUN-02): after tunl0 unwraps a packet, its destination is still the VIP, which
 * must be a local address: either on tunl0 itself, or on loopback as the kernel's own IPVS
 * selftest does it (tools/testing/selftests/net/netfilter/ipvs.sh), with tunl0 up.
 */
import {locateVip} from '../../facts/vip-location.js'
import {defineCheck, NO_OPTIONS, type NoOptions, unknown} from './define-check.js'
import {addressEvidence} from './evidence.js'
import {tunnelDevice} from './tun-interface.js'
import {vipData} from './vip-data.js'

export const tunVip = defineCheck<NoOptions>({
  name: 'tun-vip',
  subjects: ['vips'],
  facts: ['interfaces'],
  optionsSchema: NO_OPTIONS,
  evaluate(subject, _options, {facts}) {
    if (subject.kind !== 'vip' || facts.interfaces.status !== 'ok') return unknown('interfaces could not be read')
    const source = facts.interfaces.source
    const placements = locateVip(facts.interfaces.value, subject.vip.address)
    const tunl0 = tunnelDevice(facts.interfaces.value)
    const holder = placements.find((p) => p.nic === tunl0) ?? placements.find((p) => p.nic.loopback)
    const tunl0Up = tunl0?.up === true
    const evidence = [
      ...(placements.length > 0 ? placements.map((p) => addressEvidence(p.nic, p.cidr, p.address.scope, source)) : [{fact: `interfaces holding ${subject.vip.address}`, value: 'none', source}]),
      {fact: 'tunl0', value: tunl0 === undefined ? 'absent' : tunl0.up ? 'up' : 'down', source},
    ]
    const where = placements.length === 0 ? 'on no interface' : `only on ${placements.map((p) => p.nic.name).join(', ')}`
    const problem = holder === undefined ? `it is ${where}` : tunl0Up ? undefined : `tunl0 is ${tunl0 === undefined ? 'absent' : 'down'}, so nothing unwraps the packets`
    return {
      outcome: problem === undefined ? 'pass' : 'fail',
      evidence,
      data: {
        ...vipData(subject.vip),
        device: holder?.nic.name,
        problem,
        addToTunl0: holder === undefined ? vipData(subject.vip).vipCidr : undefined,
        bringUp: tunl0 !== undefined && !tunl0.up ? 'tunl0' : undefined,
      },
    }
  },
})
