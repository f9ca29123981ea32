import {address, ethernet, hostFacts, localRoute, loopback} from '../../helpers/host-facts.js'
import {WIN_VIP, windowsFacts, windowsWith} from '../../helpers/windows-facts.js'
import type {RuleCases} from '../../helpers/rule-tester.js'
import {UNIX_VIP, unixFacts, unixLoopback, unixNic} from '../../helpers/unix-facts.js'

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
    {name: 'Solaris: lo0:1 with netmask ffffffff', facts: unixFacts('solaris'), inputs: {vips: [UNIX_VIP]}},
    {name: 'FreeBSD: lo0 alias with netmask 0xffffffff', facts: unixFacts('freebsd'), inputs: {vips: [UNIX_VIP]}},
    {name: 'macOS: lo0 alias with netmask 0xffffffff', facts: unixFacts('darwin'), inputs: {vips: [UNIX_VIP]}},
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
    {
      name: 'Solaris 10: lo0:4 with netmask ffff0000 (as in the real Solaris 10 zones sample)',
      facts: unixFacts('solaris', {release: '5.10', interfaces: [unixLoopback('lo0', '127.0.0.1/8'), unixLoopback('lo0:4', `${UNIX_VIP}/16`), unixNic('bnx3')], persisted: []}),
      inputs: {vips: [UNIX_VIP]},
      failing: [UNIX_VIP],
      messageIncludes: 'is configured as 198.51.100.10/16 on lo0:4, not as a host address',
      fixIncludes: ['ifconfig lo0:4 198.51.100.10 netmask 255.255.255.255'],
    },
    {
      name: 'Solaris 11: a /24 ipadm address object is changed in place',
      facts: unixFacts('solaris', {interfaces: [unixLoopback('lo0', '127.0.0.1/8'), unixLoopback('lo0:1', `${UNIX_VIP}/24`), unixNic('net0')]}),
      inputs: {vips: [UNIX_VIP]},
      failing: [UNIX_VIP],
      fixIncludes: ['ipadm set-addrprop -p prefixlen=32 lo0/vip1'],
    },
    {
      name: 'FreeBSD: alias added without a netmask gets the classful /24',
      facts: unixFacts('freebsd', {interfaces: [unixLoopback('lo0', '127.0.0.1/8', `${UNIX_VIP}/24`), unixNic('vtnet0')]}),
      inputs: {vips: [UNIX_VIP]},
      failing: [UNIX_VIP],
      fixIncludes: ['ifconfig lo0 inet 198.51.100.10 -alias', 'ifconfig lo0 alias 198.51.100.10 netmask 0xffffffff'],
    },
    {
      name: 'macOS: another lo0 alias with a /24 covers the /32 VIP',
      facts: unixFacts('darwin', {interfaces: [unixLoopback('lo0', '127.0.0.1/8', `${UNIX_VIP}/32`, '198.51.100.1/24'), unixNic('en0')]}),
      inputs: {vips: [UNIX_VIP]},
      failing: [UNIX_VIP],
      messageIncludes: 'but 198.51.100.1/24 on lo0 covers it',
      fixIncludes: ['ifconfig lo0 inet 198.51.100.1 -alias'],
    },
  ],
}
