import type {RuleCases} from '../../helpers/rule-tester.js'
import {UNIX_VIP, unixFacts} from '../../helpers/unix-facts.js'

export const cases: RuleCases = {
  valid: [
    {name: 'Solaris 11: weak, the default', facts: unixFacts('solaris'), inputs: {vips: [UNIX_VIP]}},
    {
      name: 'Solaris 11: src-priority accepts incoming packets on any interface',
      facts: unixFacts('solaris', {hostModel: [{protocol: 'ipv4', current: 'src-priority', persistent: 'src-priority', default: 'weak'}]}),
      inputs: {vips: [UNIX_VIP]},
    },
    {
      name: 'Solaris 11: a strong ipv6 host model does not matter for an IPv4 VIP',
      facts: unixFacts('solaris', {hostModel: [{protocol: 'ipv4', current: 'weak'}, {protocol: 'ipv6', current: 'strong'}]}),
      inputs: {vips: [UNIX_VIP]},
    },
  ],
  invalid: [
    {
      name: 'Solaris 11: strong now',
      facts: unixFacts('solaris', {hostModel: [{protocol: 'ipv4', current: 'strong', persistent: 'strong', default: 'weak'}]}),
      inputs: {vips: [UNIX_VIP]},
      failing: ['host'],
      messageIncludes: 'hostmodel is ipv4 strong',
      fixIncludes: ['ipadm set-prop -p hostmodel=weak ipv4'],
    },
    {
      name: 'illumos: weak now but strong persisted for the next boot, IPv6 VIP',
      facts: unixFacts('solaris', {hostModel: [{protocol: 'ipv4', current: 'weak'}, {protocol: 'ipv6', current: 'weak', persistent: 'strong'}]}),
      inputs: {vips: ['2001:db8::10']},
      failing: ['host'],
      messageIncludes: 'weak now, strong after a reboot',
      fixIncludes: ['ipadm set-prop -p hostmodel=weak ipv6'],
    },
  ],
}
