/** The closed set of check functions a rule may name (sorted, like ESLint's rule index). */
import {bootSysctl} from './boot-sysctl.js'
import type {CheckFunction} from './define-check.js'
import {effectiveSysctl} from './effective-sysctl.js'
import {listener} from './listener.js'
import {vipHostPrefix} from './vip-host-prefix.js'
import {vipNotOnArpInterface} from './vip-not-on-arp-interface.js'
import {vipOnLoopback} from './vip-on-loopback.js'
import {vipPersistent} from './vip-persistent.js'

export const checkFunctions: ReadonlyMap<string, CheckFunction<never>> = new Map(
  (
    [bootSysctl, effectiveSysctl, listener, vipHostPrefix, vipNotOnArpInterface, vipOnLoopback, vipPersistent] as Array<CheckFunction<never>>
  ).map((fn) => [fn.name, fn]),
)
