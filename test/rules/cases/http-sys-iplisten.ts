import {WIN_RIP, WIN_VIP, windowsFacts, windowsWith} from '../../helpers/windows-facts.js'
import type {RuleCases} from '../../helpers/rule-tester.js'

export const cases: RuleCases = {
  valid: [
    {name: 'empty list: every address', facts: windowsFacts(), inputs: {vips: [WIN_VIP]}},
    {name: '0.0.0.0', facts: windowsWith((w) => void (w.httpIpListen = ['0.0.0.0'])), inputs: {vips: [WIN_VIP]}},
    {name: 'both VIP and RIP', facts: windowsWith((w) => void (w.httpIpListen = [WIN_RIP, WIN_VIP])), inputs: {vips: [WIN_VIP]}},
  ],
  invalid: [
    {
      name: 'RIP only',
      facts: windowsWith((w) => void (w.httpIpListen = [WIN_RIP])),
      inputs: {vips: [WIN_VIP]},
      failing: ['host'],
      messageIncludes: WIN_VIP,
      fixIncludes: [`netsh http add iplisten ipaddress=${WIN_VIP}`],
    },
  ],
}
