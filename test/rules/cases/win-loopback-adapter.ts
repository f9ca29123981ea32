import {WIN_VIP, windowsFacts, windowsWith} from '../../helpers/windows-facts.js'
import type {RuleCases} from '../../helpers/rule-tester.js'

export const cases: RuleCases = {
  valid: [
    {name: 'VIP on the KM-TEST loopback (2012+)', facts: windowsFacts(), inputs: {vips: [WIN_VIP]}},
    {
      name: 'VIP on the Microsoft Loopback Adapter (2003), found by description only',
      facts: windowsWith((w) => {
        w.adapters[1] = {alias: 'Loopback', description: 'Microsoft Loopback Adapter'}
        w.winAddresses[1] = {alias: 'Loopback', family: 'inet', address: WIN_VIP, prefixLength: 24}
      }),
      inputs: {vips: [WIN_VIP]},
    },
  ],
  invalid: [
    {
      name: 'VIP on the Ethernet NIC',
      facts: windowsWith((w) => {
        w.winAddresses[1] = {index: 5, alias: 'Ethernet', family: 'inet', address: WIN_VIP, prefixLength: 32}
      }),
      inputs: {vips: [WIN_VIP]},
      failing: [WIN_VIP],
      messageIncludes: 'Intel(R) 82574L',
      fixIncludes: [],
    },
    {
      name: 'VIP on Loopback Pseudo-Interface 1',
      facts: windowsWith((w) => {
        w.winAddresses[1] = {index: 1, alias: 'Loopback Pseudo-Interface 1', family: 'inet', address: WIN_VIP, prefixLength: 32}
      }),
      inputs: {vips: [WIN_VIP]},
      failing: [WIN_VIP],
      messageIncludes: 'software loopback',
    },
  ],
}
