import {WIN_VIP, windowsFacts, windowsWith} from '../../helpers/windows-facts.js'
import type {RuleCases} from '../../helpers/rule-tester.js'

export const cases: RuleCases = {
  valid: [{name: 'All Unassigned', facts: windowsFacts(), inputs: {vips: [WIN_VIP], ports: [80]}}],
  invalid: [
    {
      name: 'bound to the VIP only: health checks fail',
      facts: windowsWith((w) => {
        w.iisBindings = [{site: 'Default Web Site', protocol: 'http', address: WIN_VIP, port: 80}]
      }),
      inputs: {vips: [WIN_VIP], ports: [80]},
      failing: ['port 80'],
    },
  ],
}
