import {address, ethernet, hostFacts, localRoute, loopback} from '../../helpers/host-facts.js'
import {WIN_VIP, windowsFacts, windowsWith} from '../../helpers/windows-facts.js'
import type {RuleCases} from '../../helpers/rule-tester.js'

const VIP = '198.51.100.10'
const tunl0 = (...addresses: ReturnType<typeof address>[]) => ({...ethernet('tunl0', ...addresses), kind: 'ipip', noArp: true, flags: ['NOARP', 'UP', 'LOWER_UP']})

export const cases: RuleCases = {
  valid: [
    {name: 'TUN: /32 on tunl0', facts: hostFacts({interfaces: [loopback(), ethernet(), tunl0(address(`${VIP}/32`))]}), inputs: {vips: [VIP], mode: 'tun'}},
    {name: 'Windows 2019: /32 on the loopback', facts: windowsFacts(), inputs: {vips: [WIN_VIP]}},
    {
      name: 'Windows 2003: the network mask, as the vendor manual says',
      facts: windowsWith((w) => {
        w.windowsOs = {caption: 'Windows Server 2003', version: '5.2.3790'}
        w.adapters[1] = {alias: 'Loopback', description: 'Microsoft Loopback Adapter'}
        w.winAddresses[0] = {alias: 'Local Area Connection', family: 'inet', address: '198.51.100.20', prefixLength: 24}
        w.winAddresses[1] = {alias: 'Loopback', family: 'inet', address: WIN_VIP, prefixLength: 24}
      }),
      inputs: {vips: [WIN_VIP]},
    },
    {
      name: '/32 VIP with only the 127/8 local route',
      facts: hostFacts({interfaces: [loopback(address(`${VIP}/32`)), ethernet()], routes: [localRoute('127.0.0.0/8'), localRoute(`${VIP}/32`)]}),
      inputs: {vips: [VIP]},
    },
    {name: '/128 IPv6 VIP', facts: hostFacts({interfaces: [loopback(address('2001:db8::10/128')), ethernet()]}), inputs: {vips: ['2001:db8::10']}},
  ],
  invalid: [
    {
      name: 'TUN: /24 on tunl0 routes the whole subnet into the tunnel',
      facts: hostFacts({interfaces: [loopback(), ethernet(), tunl0(address(`${VIP}/24`))]}),
      inputs: {vips: [VIP], mode: 'tun'},
      failing: [VIP],
      messageIncludes: 'routed into the tunnel',
      fixIncludes: ['ip addr del 198.51.100.10/24 dev tunl0'],
    },
    {
      name: 'Windows 2019: /24 on the loopback',
      facts: windowsWith((w) => void (w.winAddresses[1] = {...w.winAddresses[1]!, prefixLength: 24})),
      inputs: {vips: [WIN_VIP]},
      failing: [WIN_VIP],
      messageIncludes: 'this Windows version needs /32',
      fixIncludes: ['Set-NetIPAddress -InterfaceIndex 12 -IPAddress 198.51.100.10 -PrefixLength 32', 'netsh interface ipv4 set address name=LB-Loopback source=static address=198.51.100.10 mask=255.255.255.255'],
    },
    {
      name: '/24 on lo makes the whole subnet local',
      facts: hostFacts({interfaces: [loopback(address(`${VIP}/24`)), ethernet()], routes: [localRoute('127.0.0.0/8'), localRoute('198.51.100.0/24')]}),
      inputs: {vips: [VIP]},
      failing: [VIP],
      messageIncludes: '198.51.100.0/24',
      fixIncludes: ['ip addr replace 198.51.100.10/32 dev lo', 'ip addr del 198.51.100.10/24 dev lo'],
    },
    {
      name: 'another address on lo covers a /32 VIP',
      facts: hostFacts({
        interfaces: [loopback(address(`${VIP}/32`), address('198.51.100.1/24')), ethernet()],
        routes: [localRoute('127.0.0.0/8'), localRoute('198.51.100.0/24')],
      }),
      inputs: {vips: [VIP]},
      failing: [VIP],
      fixIncludes: ['ip addr del 198.51.100.1/24 dev lo'],
    },
    {name: 'IPv6 VIP with /64', facts: hostFacts({interfaces: [loopback(address('2001:db8::10/64')), ethernet()]}), inputs: {vips: ['2001:db8::10']}, failing: ['2001:db8::10']},
  ],
}
