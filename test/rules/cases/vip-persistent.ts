import {hostFacts, persisted} from '../../helpers/host-facts.js'
import type {RuleCases} from '../../helpers/rule-tester.js'

const VIP = '198.51.100.10'

export const cases: RuleCases = {
  valid: [
    {name: 'networkd file on lo', facts: hostFacts({persisted: [persisted(VIP)]}), inputs: {vips: [VIP]}},
    {name: 'rc.local executable, alias label lo:0', facts: hostFacts({persisted: [persisted(VIP, {mechanism: 'rc.local', interface: 'lo:0', file: '/etc/rc.local'})]}), inputs: {vips: [VIP]}},
  ],
  invalid: [
    {
      name: 'nothing persisted on a netplan host',
      facts: hostFacts({stack: {netplan: true, systemdNetworkd: true}}),
      inputs: {vips: [VIP]},
      failing: [VIP],
      messageIncludes: 'no boot-time configuration',
      fixIncludes: ['netplan generate'],
    },
    {
      name: 'rc.local not executable',
      facts: hostFacts({persisted: [persisted(VIP, {mechanism: 'rc.local', file: '/etc/rc.local', effective: false, note: '/etc/rc.local is not executable'})], stack: {rcLocal: true}}),
      inputs: {vips: [VIP]},
      failing: [VIP],
      messageIncludes: 'not executable',
      fixIncludes: ['chmod +x /etc/rc.local', "sed -i '/^exit 0$/i ip addr add 198.51.100.10/32 dev lo' /etc/rc.local"],
    },
    {
      name: 'persisted on eth0 is not persisted on loopback',
      facts: hostFacts({persisted: [persisted(VIP, {interface: 'eth0'})], stack: {networkManager: true}}),
      inputs: {vips: [VIP]},
      failing: [VIP],
      fixIncludes: ['nmcli connection modify lo +ipv4.addresses 198.51.100.10/32'],
    },
  ],
}
