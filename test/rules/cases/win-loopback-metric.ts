import {WIN_VIP, windowsWith} from '../../helpers/windows-facts.js'
import type {RuleCases} from '../../helpers/rule-tester.js'

/** Windows 2003: NT 5.2, the loopback adapter with the network's mask. */
function w2003(metric: number) {
  return windowsWith((w) => {
    w.windowsOs = {caption: 'Microsoft(R) Windows(R) Server 2003, Standard Edition', version: '5.2.3790'}
    w.adapters[1] = {alias: 'Loopback', description: 'Microsoft Loopback Adapter'}
    w.winAddresses[1] = {alias: 'Loopback', family: 'inet', address: WIN_VIP, prefixLength: 24}
    w.ipInterfaces[1] = {alias: 'Loopback', family: 'inet', interfaceMetric: metric}
  })
}

export const cases: RuleCases = {
  valid: [{name: 'metric 254', facts: w2003(254)}].map((c) => ({...c, inputs: {vips: [WIN_VIP]}})),
  invalid: [{name: 'automatic metric 30', facts: w2003(30), inputs: {vips: [WIN_VIP]}, failing: [WIN_VIP], fixIncludes: ['netsh interface ip set interface Loopback metric=254']}],
}
