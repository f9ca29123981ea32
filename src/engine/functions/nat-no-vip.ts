/**
 * NAT mode (LNX-NAT-04): the load balancer owns the VIP and rewrites it to the RIP, so the
 * server must not hold the VIP. One left over from Direct Routing makes the server answer
 * for the VIP itself (its own connections to the service stay local), and on an ARP
 * interface it also answers ARP for it, taking the VIP's traffic from the load balancer.
 */
import {locateVip} from '../../facts/vip-location.js'
import {defineCheck, NO_OPTIONS, type NoOptions, unknown} from './define-check.js'
import {addressEvidence} from './evidence.js'

export const natNoVip = defineCheck<NoOptions>({
  name: 'nat-no-vip',
  subjects: ['vips'],
  facts: ['interfaces'],
  optionsSchema: NO_OPTIONS,
  evaluate(subject, _options, {facts}) {
    if (subject.kind !== 'vip' || facts.interfaces.status !== 'ok') return unknown('interfaces could not be read')
    const source = facts.interfaces.source
    const placements = locateVip(facts.interfaces.value, subject.vip.address)
    const first = placements[0]
    return {
      outcome: first === undefined ? 'pass' : 'fail',
      evidence:
        placements.length > 0
          ? placements.map((p) => addressEvidence(p.nic, p.cidr, p.address.scope, source))
          : [{fact: `interfaces holding ${subject.vip.address}`, value: 'none', source}],
      data: {
        vip: subject.vip.address,
        where: placements.map((p) => p.nic.name).join(', '),
        arpNote: placements.some((p) => !p.nic.loopback && !p.nic.noArp) ? ', and it answers ARP for the VIP there' : '',
        vipCidr: first?.cidr,
        device: first?.nic.name,
        deviceIndex: first?.nic.index,
      },
    }
  },
})
