import {address, ethernet, hostFacts, loopback} from '../../helpers/host-facts.js'
import {WIN_VIP, windowsFacts, windowsWith} from '../../helpers/windows-facts.js'
import type {RuleCases} from '../../helpers/rule-tester.js'
import {UNIX_VIP, unixFacts, unixLoopback, unixNic} from '../../helpers/unix-facts.js'

export const cases: RuleCases = {
  valid: [
    {name: 'Windows: VIP on the KM-TEST loopback', facts: windowsFacts(), inputs: {vips: [WIN_VIP]}},
    {name: 'IPv4 VIP on lo', facts: hostFacts({interfaces: [loopback(address('198.51.100.10/32')), ethernet()]}), inputs: {vips: ['198.51.100.10']}},
    {
      name: 'IPv6 VIP matched whatever its spelling',
      facts: hostFacts({interfaces: [loopback(address('2001:db8::10/128')), ethernet()]}),
      inputs: {vips: ['2001:DB8:0::10']},
    },
    {name: 'Solaris 10: VIP on the logical interface lo0:1', facts: unixFacts('solaris', {release: '5.10'}), inputs: {vips: [UNIX_VIP]}},
    {name: 'FreeBSD: VIP as an lo0 alias', facts: unixFacts('freebsd'), inputs: {vips: [UNIX_VIP]}},
    {name: 'FreeBSD: VIP on the cloned loopback lo1', facts: unixFacts('freebsd', {interfaces: [unixLoopback('lo0', '127.0.0.1/8'), unixLoopback('lo1', `${UNIX_VIP}/32`), unixNic('em0')]}), inputs: {vips: [UNIX_VIP]}},
    {name: 'macOS: VIP as an lo0 alias', facts: unixFacts('darwin'), inputs: {vips: [UNIX_VIP]}},
  ],
  invalid: [
    {
      name: 'Windows: VIP missing; the fix adds it to the existing loopback adapter',
      facts: windowsWith((w) => void w.winAddresses.splice(1, 1)),
      inputs: {vips: [WIN_VIP]},
      failing: [WIN_VIP],
      fixIncludes: ['New-NetIPAddress -InterfaceIndex 12 -IPAddress 198.51.100.10 -PrefixLength 32 -SkipAsSource $true', 'netsh interface ipv4 add address name=LB-Loopback address=198.51.100.10 mask=255.255.255.255 skipassource=true'],
    },
    {
      name: 'Windows: no loopback adapter at all says to install one',
      facts: windowsWith((w) => {
        w.adapters.splice(1, 1)
        w.winAddresses.splice(1, 1)
      }),
      inputs: {vips: [WIN_VIP]},
      failing: [WIN_VIP],
      messageIncludes: 'Install the Microsoft KM-TEST Loopback Adapter',
    },
    {name: 'VIP missing', facts: hostFacts(), inputs: {vips: ['198.51.100.10']}, failing: ['198.51.100.10'], messageIncludes: 'on no interface', fixIncludes: ['ip addr replace 198.51.100.10/32 dev lo']},
    {
      name: 'VIP only on the NIC',
      facts: hostFacts({interfaces: [loopback(), ethernet('eth0', address('192.0.2.10/24'), address('198.51.100.10/32'))]}),
      inputs: {vips: ['198.51.100.10', '2001:db8::10']},
      failing: ['198.51.100.10', '2001:db8::10'],
      fixIncludes: ['ip addr replace 2001:db8::10/128 dev lo'],
    },
    {
      name: 'Solaris 10: VIP missing; the fix plumbs the next free logical interface',
      facts: unixFacts('solaris', {release: '5.10', interfaces: [unixLoopback('lo0', '127.0.0.1/8'), unixLoopback('lo0:1', '127.0.0.1/8'), unixNic('e1000g0')]}),
      inputs: {vips: [UNIX_VIP, '2001:db8::10']},
      failing: [UNIX_VIP, '2001:db8::10'],
      fixIncludes: ['ifconfig lo0:2 plumb 198.51.100.10 netmask 255.255.255.255 up', 'ifconfig lo0:3 inet6 plumb 2001:db8::10/128 up'],
    },
    {
      name: 'Solaris 11: VIP missing; the fix is a persistent ipadm address object',
      facts: unixFacts('solaris', {interfaces: [unixLoopback('lo0', '127.0.0.1/8'), unixNic('net0')], persisted: []}),
      inputs: {vips: [UNIX_VIP]},
      failing: [UNIX_VIP],
      fixIncludes: ['ipadm create-addr -T static -a local=198.51.100.10/32 lo0/vip1'],
    },
    {
      name: 'FreeBSD: VIP only on the NIC',
      facts: unixFacts('freebsd', {interfaces: [unixLoopback('lo0', '127.0.0.1/8'), {...unixNic('vtnet0'), addresses: [...unixNic('vtnet0').addresses, {family: 'inet', address: UNIX_VIP, prefixLength: 32, scope: 'global'}]}]}),
      inputs: {vips: [UNIX_VIP]},
      failing: [UNIX_VIP],
      messageIncludes: 'only on vtnet0',
      fixIncludes: ['ifconfig lo0 alias 198.51.100.10 netmask 0xffffffff'],
    },
    {
      name: 'macOS: the alias is gone (after a reboot)',
      facts: unixFacts('darwin', {interfaces: [unixLoopback('lo0', '127.0.0.1/8'), unixNic('en0')]}),
      inputs: {vips: [UNIX_VIP, '2001:db8::10']},
      failing: [UNIX_VIP, '2001:db8::10'],
      fixIncludes: ['ifconfig lo0 alias 198.51.100.10 netmask 0xffffffff', 'ifconfig lo0 inet6 2001:db8::10 prefixlen 128 alias'],
    },
  ],
}

