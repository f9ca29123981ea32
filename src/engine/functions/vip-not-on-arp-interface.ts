/**
 * A VIP configured on an interface that does ARP is the ARP problem itself: the server
 * answers for the VIP and routers learn its MAC instead of the load balancer's. No sysctl
 * fixes that; the address has to move to loopback.
 */
import {locateVip} from '../../facts/vip-location.js'
import {defineCheck, NO_OPTIONS, type NoOptions, unknown} from './define-check.js'
import {addressEvidence} from './evidence.js'
import {vipData} from './vip-data.js'

export const vipNotOnArpInterface = defineCheck<NoOptions>({
  name: 'vip-not-on-arp-interface',
  subjects: ['vips'],
  facts: ['interfaces'],
  optionsSchema: NO_OPTIONS,
  evaluate(subject, _options, {facts}) {
    if (subject.kind !== 'vip' || facts.interfaces.status !== 'ok') return unknown('interfaces could not be read')
    const placements = locateVip(facts.interfaces.value, subject.vip.address)
    // A down interface still holds the address and answers ARP as soon as it comes up.
    const arping = placements.filter((p) => !p.nic.loopback && !p.nic.noArp)
    const first = arping[0]
    return {
      outcome: first === undefined ? 'pass' : 'fail',
      evidence: placements.map((p) => addressEvidence(p.nic, p.cidr, p.address.scope, facts.interfaces.source)),
      data: {
        ...vipData(subject.vip),
        devices: arping.map((p) => p.nic.name).join(', '),
        device: first?.nic.name,
        deviceIndex: first?.nic.index,
        currentCidr: first?.cidr,
        alsoOnLoopback: placements.some((p) => p.nic.loopback) ? 'yes' : undefined,
      },
    }
  },
})
