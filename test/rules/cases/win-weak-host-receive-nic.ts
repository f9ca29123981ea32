import {WIN_VIP, windowsFacts, windowsWith} from '../../helpers/windows-facts.js'
import type {RuleCases} from '../../helpers/rule-tester.js'

export const cases: RuleCases = {
  valid: [{name: 'enabled on the NIC holding the RIP', facts: windowsFacts(), inputs: {vips: [WIN_VIP]}}],
  invalid: [
    {
      name: 'disabled on Ethernet',
      facts: windowsWith((w) => {
        w.ipInterfaces[0] = {...w.ipInterfaces[0]!, weakHostReceive: false}
      }),
      inputs: {vips: [WIN_VIP]},
      failing: [WIN_VIP],
      messageIncludes: 'Ethernet (IPv4)',
    },
  ],
}
