import {hostFacts} from '../../helpers/host-facts.js'
import {CAPTURED, netfilterFacts, scenario, withRules} from '../../helpers/netfilter-facts.js'
import type {RuleCases} from '../../helpers/rule-tester.js'

// withRules: a server holding no VIP, with one of the captured rule sets.
const {iptablesNft: IPT, nft: NFT, legacy: LEGACY} = CAPTURED

export const cases: RuleCases = {
  valid: [
    {name: 'iptables (nf_tables): -d VIP --dport 80, and 443 redirected to 8443', facts: withRules(IPT), inputs: {vips: ['198.51.100.10'], ports: [80, 443]}},
    {name: 'iptables: the VIP reached through a jump on its /24', facts: withRules(IPT), inputs: {vips: ['198.51.100.13'], ports: [80, 8080]}},
    {name: 'ip6tables: an IPv6 VIP', facts: withRules(IPT), inputs: {vips: ['2001:db8::10'], ports: [80]}},
    {name: 'nft: a named set of VIPs with a port set', facts: withRules(NFT), inputs: {vips: ['198.51.100.11'], ports: [80, 443]}},
    {name: 'nft: a verdict map into a chain that redirects to a port range', facts: withRules(NFT), inputs: {vips: ['198.51.100.60'], ports: [80, 1024]}},
    {name: 'iptables-legacy rules the nf_tables iptables-save hides', facts: withRules(LEGACY), inputs: {vips: ['198.51.100.10'], ports: [80, 8085]}},
    {
      name: '--method redirect: the published CentOS 6 rules name no destination, and still redirect',
      facts: {...hostFacts(), ...netfilterFacts(scenario('centos6-iptables-1.4.7-published-redirect'))},
      inputs: {vips: ['198.51.100.10'], ports: [80, 443], method: 'redirect'},
    },
  ],
  invalid: [
    {
      name: 'iptables: the VIP\'s only REDIRECT is for UDP; TCP port 80 has none, and the fix adds it with iptables',
      facts: withRules(IPT),
      inputs: {vips: ['203.0.113.7'], ports: [25, 80]},
      failing: ['203.0.113.7:80'],
      messageIncludes: 'no REDIRECT rule in the nat prerouting chains matches it',
      fixIncludes: ['iptables -t nat -I PREROUTING 1 -d 203.0.113.7 -p tcp --dport 80 -j REDIRECT'],
    },
    {
      name: 'iptables: a RETURN ahead of the REDIRECT in the VIPs chain',
      facts: withRules(IPT),
      inputs: {vips: ['198.51.100.13'], ports: [22, 80]},
      failing: ['198.51.100.13:22'],
      messageIncludes: '`-A LB_VIPS -p tcp -m tcp --dport 22 -j RETURN` (iptables -t nat, chain LB_VIPS) takes it first',
    },
    {
      name: 'ip6tables: the fix uses ip6tables',
      facts: withRules(IPT),
      inputs: {vips: ['2001:db8::10'], ports: [443]},
      failing: ['[2001:db8::10]:443'],
      fixIncludes: ['ip6tables -t nat -I PREROUTING 1 -d 2001:db8::10 -p tcp --dport 443 -j REDIRECT'],
    },
    {
      name: 'nft: a port outside the redirected range; the fix goes into the chain that holds the VIP\'s rules',
      facts: withRules(NFT),
      inputs: {vips: ['198.51.100.12'], ports: [80, 8005]},
      failing: ['198.51.100.12:80'],
      fixIncludes: ['nft insert rule inet lb prerouting ip daddr 198.51.100.12 tcp dport 80 redirect'],
    },
    {
      name: 'legacy rules: a RETURN for 443',
      facts: withRules(LEGACY),
      inputs: {vips: ['198.51.100.10'], ports: [443]},
      failing: ['198.51.100.10:443'],
      fixIncludes: ['iptables -t nat -I PREROUTING 1 -d 198.51.100.10 -p tcp --dport 443 -j REDIRECT'],
    },
    {
      name: '--method redirect on an nft-only host with no rules: the fix creates the nat chain',
      facts: {...hostFacts(), ...netfilterFacts({nft: '{"nftables": [{"metainfo": {"version": "1.0.6", "release_name": "Lester Gooch #5", "json_schema_version": 1}}]}\n'})},
      inputs: {vips: ['198.51.100.10'], ports: [80], method: 'redirect'},
      failing: ['198.51.100.10:80'],
      fixIncludes: ['nft add table ip nat', "nft add chain ip nat prerouting '{ type nat hook prerouting priority -100 ; }'", 'nft add rule ip nat prerouting ip daddr 198.51.100.10 tcp dport 80 redirect'],
    },
  ],
}
