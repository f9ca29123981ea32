import {bootValue, conf, hostFacts} from '../../helpers/host-facts.js'
import type {RuleCases} from '../../helpers/rule-tester.js'

const good = [bootValue('net.ipv4.conf.all.arp_ignore', 1), bootValue('net.ipv4.conf.all.arp_announce', 2, '/etc/sysctl.d/90-lb.conf', 2)]

export const cases: RuleCases = {
  valid: [
    {name: 'all keys persisted', facts: hostFacts({boot: good})},
    {
      name: 'default applies to interfaces never set explicitly',
      facts: hostFacts({boot: [bootValue('net.ipv4.conf.default.arp_ignore', 1), bootValue('net.ipv4.conf.default.arp_announce', 2)]}),
    },
    {
      name: 'a key for a missing interface is harmless',
      facts: hostFacts({boot: good, deadKeys: [bootValue('net.ipv4.conf.eth9.arp_ignore', 1, '/etc/sysctl.conf', 3)]}),
    },
  ],
  invalid: [
    {
      name: 'set live only (sysctl -w), nothing persisted',
      facts: hostFacts({ipv4Conf: conf(['lo', 'eth0'], {all: {arp_ignore: 1, arp_announce: 2}})}),
      failing: ['eth0'],
      messageIncludes: 'after a reboot',
      fixIncludes: [
        "printf '%s\\n' 'net.ipv4.conf.all.arp_ignore = 1' >> /etc/sysctl.d/90-rsaudit-realserver.conf",
        'sysctl --system',
      ],
    },
    {
      name: 'a later hardening file resets the value; the fix sorts after it',
      facts: hostFacts({boot: [...good, bootValue('net.ipv4.conf.all.arp_ignore', 0, '/etc/sysctl.d/99-zz-hardening.conf', 7)].slice(1)}),
      failing: ['eth0'],
      fixIncludes: ["printf '%s\\n' 'net.ipv4.conf.all.arp_ignore = 1' >> /etc/sysctl.d/99-zz-rsaudit-realserver.conf"],
    },
    {
      name: 'reserved per-interface value at boot',
      facts: hostFacts({boot: [...good, bootValue('net.ipv4.conf.eth0.arp_ignore', 4)]}),
      failing: ['eth0'],
      fixIncludes: ["printf '%s\\n' 'net.ipv4.conf.eth0.arp_ignore = 1' >> /etc/sysctl.d/90-rsaudit-realserver.conf"],
    },
  ],
}
