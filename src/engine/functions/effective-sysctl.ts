/**
 * Judges the live effective value of one IPv4 sysctl on an ARP interface:
 * max(all, iface) (OR for arp_filter), never the interface value alone.
 * In TUN mode only interfaces whose subnet holds a VIP are judged (see tun-off-link.ts).
 */
import {effectiveValue, sysctlKey} from '../../facts/effective-sysctl.js'
import type {Ipv4Conf} from '../../facts/model.js'
import {sysctlDropInPath} from '../../facts/sysctl-drop-in.js'
import {allVipsScopeHost} from '../../facts/vip-location.js'
import {defineCheck, unknown} from './define-check.js'
import {confEvidence, readHint} from './evidence.js'
import {meaningOf, passes, type SysctlRequirement, sysctlRequirementSchema} from './sysctl-judgement.js'
import {offLinkInTun} from './tun-off-link.js'

export const effectiveSysctl = defineCheck<SysctlRequirement>({
  name: 'effective-sysctl',
  subjects: ['arp-interfaces'],
  facts: ['interfaces', 'ipv4Conf'],
  optionsSchema: sysctlRequirementSchema,
  evaluate(subject, options, {facts, inputs}) {
    if (subject.kind !== 'interface' || facts.ipv4Conf.status !== 'ok' || facts.interfaces.status !== 'ok') {
      return unknown('interface or sysctl facts are missing')
    }

    const offLink = offLinkInTun(subject.nic, inputs)
    if (offLink) return offLink

    const conf: Ipv4Conf = facts.ipv4Conf.value
    const {key} = options
    const iface = subject.nic.name
    const evidence = [
      confEvidence(facts.ipv4Conf.source, 'all', key, conf.all?.[key]),
      confEvidence(facts.ipv4Conf.source, iface, key, conf[iface]?.[key]),
    ]
    const value = effectiveValue(conf, iface, key)
    if (value === undefined) {
      return unknown(`could not read ${sysctlKey('all', key)} and ${sysctlKey(iface, key)}${readHint(facts.privileged)}`, evidence)
    }

    const scopeHost = allVipsScopeHost(facts.interfaces.value, inputs.vips.map((vip) => vip.address))
    const boot = facts.bootSysctl.status === 'ok' ? facts.bootSysctl.value : undefined
    // The interface value needs its own fix only when max() would keep a failing value there.
    const fixIface = value.ifaceValue > options.fixValue && !passes(options, value.ifaceValue, scopeHost)
    return {
      outcome: passes(options, value.effective, scopeHost) ? 'pass' : 'fail',
      evidence: [...evidence, {fact: `effective ${key} on ${iface}`, value: String(value.effective), source: `max(all, ${iface})`}],
      data: {
        interface: iface,
        key,
        effective: value.effective,
        all: value.all,
        ifaceValue: value.ifaceValue,
        meaning: meaningOf(options, value.effective),
        fixValue: options.fixValue,
        allAssignment: `${sysctlKey('all', key)}=${options.fixValue}`,
        ifaceAssignment: fixIface ? `${sysctlKey(iface, key)}=${options.fixValue}` : undefined,
        allLine: `${sysctlKey('all', key)} = ${options.fixValue}`,
        ifaceLine: fixIface ? `${sysctlKey(iface, key)} = ${options.fixValue}` : undefined,
        dropInFile: sysctlDropInPath(boot, [key]),
      },
    }
  },
})
