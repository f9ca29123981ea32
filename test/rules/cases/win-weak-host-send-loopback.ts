import {WIN_VIP, windowsFacts, windowsWith} from '../../helpers/windows-facts.js'
import type {RuleCases} from '../../helpers/rule-tester.js'

export const cases: RuleCases = {
  valid: [
    {name: 'enabled on the loopback', facts: windowsFacts(), inputs: {vips: [WIN_VIP]}},
    {
      name: 'enabling more than required (also on the NIC) still passes',
      facts: windowsWith((w) => {
        w.ipInterfaces[0] = {...w.ipInterfaces[0]!, weakHostSend: true}
      }),
      inputs: {vips: [WIN_VIP]},
    },
  ],
  invalid: [
    {
      name: 'disabled on the loopback',
      facts: windowsWith((w) => {
        w.ipInterfaces[1] = {...w.ipInterfaces[1]!, weakHostSend: false}
      }),
      inputs: {vips: [WIN_VIP]},
      failing: [WIN_VIP],
      messageIncludes: 'LB-Loopback',
    },
  ],
}
