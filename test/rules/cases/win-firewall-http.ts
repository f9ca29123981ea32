import {WIN_VIP, windowsFacts, windowsWith} from '../../helpers/windows-facts.js'
import type {RuleCases} from '../../helpers/rule-tester.js'

export const cases: RuleCases = {
  valid: [
    {name: 'IIS rule enabled for Any profile', facts: windowsFacts(), inputs: {vips: [WIN_VIP], ports: [80]}},
    {
      name: 'Public firewall off',
      facts: windowsWith((w) => {
        w.firewallProfiles[2] = {name: 'Public', enabled: false}
        w.firewallRules = []
      }),
      inputs: {ports: [80]},
    },
    {
      name: 'Public firewall off decides even when the rules were not collected',
      facts: windowsWith((w) => void (w.firewallProfiles[2] = {name: 'Public', enabled: false}), ['firewallRules']),
      inputs: {ports: [80]},
    },
    {
      name: 'Windows 2003 with the Web Server (HTTP) exception',
      facts: windowsWith((w) => void (w.legacyFirewall = {enabled: true, openPorts: [{port: 80, protocol: 'TCP', name: 'Web Server (HTTP)', enabled: true}]}), ['firewallProfiles', 'firewallRules']),
      inputs: {ports: [80]},
    },
  ],
  invalid: [
    {
      name: 'rule limited to Domain and Private (a common deployment script)',
      facts: windowsWith((w) => void (w.firewallRules[0] = {...w.firewallRules[0]!, profiles: ['Domain', 'Private']})),
      inputs: {vips: [WIN_VIP], ports: [80]},
      failing: ['port 80'],
      fixIncludes: ['New-NetFirewallRule -DisplayName rsaudit-LB-port-80 -Direction Inbound -Protocol TCP -LocalPort 80 -Profile Any -Action Allow'],
    },
    {
      name: 'a block rule wins over the allow rule',
      facts: windowsWith((w) => void w.firewallRules.push({displayName: 'Block web', enabled: true, direction: 'Inbound', action: 'Block', profiles: 'Any', protocol: 'TCP', localPorts: ['80-90'], localAddresses: []})),
      inputs: {ports: [80]},
      failing: ['port 80'],
      messageIncludes: 'Block web',
    },
    {
      name: 'Windows 2003 firewall on without the exception',
      facts: windowsWith((w) => {
        w.windowsOs = {caption: 'Windows Server 2003', version: '5.2.3790'}
        w.legacyFirewall = {enabled: true, openPorts: []}
      }, ['firewallProfiles', 'firewallRules']),
      inputs: {ports: [80]},
      failing: ['port 80'],
      fixIncludes: ['netsh firewall add portopening protocol=TCP port=80 name=rsaudit-LB-port-80'],
    },
  ],
}
