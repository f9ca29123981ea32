import {CAPTURED, withRules} from '../../helpers/netfilter-facts.js'
import type {RuleCases} from '../../helpers/rule-tester.js'

// Each VIP below is on no interface and has a REDIRECT rule naming it, so it is checked as the REDIRECT method.
const {iptablesNft: IPT, nft: NFT, legacy: LEGACY} = CAPTURED

export const cases: RuleCases = {
  valid: [
    {name: 'iptables: the raw table untracks other traffic only', facts: withRules(IPT), inputs: {vips: ['198.51.100.10'], ports: [443, 8080]}},
    {name: 'nft: a notrack at priority filter runs after conntrack and changes nothing', facts: withRules(NFT), inputs: {vips: ['198.51.100.11'], ports: [443]}},
    {name: 'legacy rules: the CT --notrack is for port 80 only', facts: withRules(LEGACY), inputs: {vips: ['198.51.100.10'], ports: [8085]}},
  ],
  invalid: [
    {
      name: 'iptables: -j NOTRACK for the VIP in the raw table',
      facts: withRules(IPT),
      inputs: {vips: ['198.51.100.10'], ports: [80, 443]},
      failing: ['198.51.100.10:80'],
      messageIncludes: '`-A PREROUTING -d 198.51.100.10/32 -p tcp -m tcp --dport 80 -j NOTRACK` (iptables -t raw, chain PREROUTING)',
      fixIncludes: ['iptables -t raw -I PREROUTING 1 -d 198.51.100.10 -p tcp --dport 80 -j ACCEPT'],
    },
    {
      name: 'iptables: CT --notrack on SYN packets only (SYNPROXY style) is enough to break it',
      facts: withRules(IPT),
      inputs: {vips: ['198.51.100.20'], ports: [443]},
      failing: ['198.51.100.20:443'],
    },
    {
      name: 'ip6tables: NOTRACK for the IPv6 VIP',
      facts: withRules(IPT),
      inputs: {vips: ['2001:db8::10'], ports: [443]},
      failing: ['[2001:db8::10]:443'],
      fixIncludes: ['ip6tables -t raw -I PREROUTING 1 -d 2001:db8::10 -p tcp --dport 443 -j ACCEPT'],
    },
    {
      name: 'nft: notrack at priority raw; the fix accepts the traffic ahead of it in that chain',
      facts: withRules(NFT),
      inputs: {vips: ['198.51.100.10'], ports: [80]},
      failing: ['198.51.100.10:80'],
      fixIncludes: ['nft insert rule inet lb raw ip daddr 198.51.100.10 tcp dport 80 accept'],
    },
    {
      name: 'legacy rules: CT --notrack only iptables-legacy-save shows',
      facts: withRules(LEGACY),
      inputs: {vips: ['198.51.100.10'], ports: [80]},
      failing: ['198.51.100.10:80'],
    },
  ],
}
