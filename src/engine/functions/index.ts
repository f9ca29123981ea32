/** The closed set of check functions a rule may name (sorted, like ESLint's rule index). */
import {bootSysctl} from './boot-sysctl.js'
import {bsdCheckInterface} from './bsd-check-interface.js'
import type {CheckFunction} from './define-check.js'
import {effectiveSysctl} from './effective-sysctl.js'
import {httpSysIplisten} from './http-sys-iplisten.js'
import {iisBinding} from './iis-binding.js'
import {ipipPersistent} from './ipip-persistent.js'
import {ipv6ProxyNdp} from './ipv6-proxy-ndp.js'
import {listener} from './listener.js'
import {natDefaultGateway} from './nat-default-gateway.js'
import {natDirectServices, natOutboundInternet} from './nat-advisories.js'
import {natNoVip} from './nat-no-vip.js'
import {redirectConntrack} from './redirect-conntrack.js'
import {redirectRule} from './redirect-rule.js'
import {rpFilterMultihomed} from './rp-filter-multihomed.js'
import {scopeSysctl} from './scope-sysctl.js'
import {solarisHostmodel} from './solaris-hostmodel.js'
import {tunInterface} from './tun-interface.js'
import {tunVip} from './tun-vip.js'
import {vipHostPrefix} from './vip-host-prefix.js'
import {vipNotOnArpInterface} from './vip-not-on-arp-interface.js'
import {vipOnLoopback} from './vip-on-loopback.js'
import {vipPersistent} from './vip-persistent.js'
import {winFirewallAllows} from './win-firewall-allows.js'
import {winIpInterface} from './win-ip-interface.js'
import {winLoopbackAdapter} from './win-loopback-adapter.js'
import {winLoopbackSettings} from './win-loopback-settings.js'

export const checkFunctions: ReadonlyMap<string, CheckFunction<never>> = new Map(
  (
    [
      bootSysctl,
      bsdCheckInterface,
      effectiveSysctl,
      httpSysIplisten,
      iisBinding,
      ipipPersistent,
      ipv6ProxyNdp,
      listener,
      natDefaultGateway,
      natDirectServices,
      natNoVip,
      natOutboundInternet,
      redirectConntrack,
      redirectRule,
      rpFilterMultihomed,
      scopeSysctl,
      solarisHostmodel,
      tunInterface,
      tunVip,
      vipHostPrefix,
      vipNotOnArpInterface,
      vipOnLoopback,
      vipPersistent,
      winFirewallAllows,
      winIpInterface,
      winLoopbackAdapter,
      winLoopbackSettings,
    ] as Array<CheckFunction<never>>
  ).map((fn) => [fn.name, fn]),
)
