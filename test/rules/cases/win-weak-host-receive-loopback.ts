import {WIN_VIP, windowsFacts, windowsWith} from '../../helpers/windows-facts.js'
import type {RuleCases} from '../../helpers/rule-tester.js'

export const cases: RuleCases = {
  valid: [{name: 'enabled on the loopback', facts: windowsFacts(), inputs: {vips: [WIN_VIP]}}],
  invalid: [
    {
      name: 'disabled on the loopback; the fix names the real interface',
      facts: windowsWith((w) => {
        w.ipInterfaces[1] = {...w.ipInterfaces[1]!, weakHostReceive: false}
      }),
      inputs: {vips: [WIN_VIP]},
      failing: [WIN_VIP],
    },
  ],
}
