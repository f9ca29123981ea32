import {address, ethernet, hostFacts, loopback} from '../../helpers/host-facts.js'
import {WIN_VIP, windowsFacts, windowsWith} from '../../helpers/windows-facts.js'
import type {RuleCases} from '../../helpers/rule-tester.js'

export const cases: RuleCases = {
  valid: [
    {name: 'Windows: VIP on the KM-TEST loopback', facts: windowsFacts(), inputs: {vips: [WIN_VIP]}},
    {name: 'IPv4 VIP on lo', facts: hostFacts({interfaces: [loopback(address('198.51.100.10/32')), ethernet()]}), inputs: {vips: ['198.51.100.10']}},
    {
      name: 'IPv6 VIP matched whatever its spelling',
      facts: hostFacts({interfaces: [loopback(address('2001:db8::10/128')), ethernet()]}),
      inputs: {vips: ['2001:DB8:0::10']},
    },
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
  ],
}

