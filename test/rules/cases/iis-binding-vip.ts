import {WIN_RIP, WIN_VIP, windowsFacts, windowsWith} from '../../helpers/windows-facts.js'
import type {RuleCases} from '../../helpers/rule-tester.js'

export const cases: RuleCases = {
  valid: [
    {name: 'All Unassigned', facts: windowsFacts(), inputs: {vips: [WIN_VIP], ports: [80]}},
    {
      name: 'both the VIP and the RIP bound',
      facts: windowsWith((w) => {
        w.iisBindings = [
          {site: 'Shop', protocol: 'http', address: WIN_VIP, port: 80},
          {site: 'Shop', protocol: 'http', address: WIN_RIP, port: 80},
        ]
      }),
      inputs: {vips: [WIN_VIP], ports: [80]},
    },
  ],
  invalid: [
    {
      name: 'bound to the RIP only',
      facts: windowsWith((w) => {
        w.iisBindings = [{site: 'Shop Site', protocol: 'http', address: WIN_RIP, port: 80}]
      }),
      inputs: {vips: [WIN_VIP], ports: [80]},
      failing: [`${WIN_VIP}:80`],
      fixIncludes: ["New-WebBinding -Name 'Shop Site' -Protocol http -IPAddress '*' -Port 80"],
    },
  ],
}
