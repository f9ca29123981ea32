/**
 * Strict reverse-path filtering on a multi-homed real server (LNX-DR-05). Direct Routing
 * packets keep the client's address as their source. When they arrive on an interface that is
 * not the route back to the clients, effective rp_filter 1 (strict) drops them; 0 and 2
 * (loose) let them in. The route back is taken from the main table's preferred default route;
 * policy routing (`ip rule`) is not read.
 *
 * The load balancer forwards to the interface holding the RIP, which is not known here, so
 * every ARP interface is judged as one it may forward to.
 */
import {arpInterfaces} from '../../facts/arp-interfaces.js'
import {describeRoute, preferredDefault} from '../../facts/default-routes.js'
import {effectiveValue, sysctlKey} from '../../facts/effective-sysctl.js'
import {sysctlDropInPath} from '../../facts/sysctl-drop-in.js'
import {defineCheck, NO_OPTIONS, type NoOptions, unknown} from './define-check.js'
import {confEvidence, readHint} from './evidence.js'
import {planFix, type SysctlRequirement} from './sysctl-judgement.js'

const LOOSE: SysctlRequirement = {key: 'rp_filter', pass: [0, 2], fixValue: 2, meanings: {other: ''}}

export const rpFilterMultihomed = defineCheck<NoOptions>({
  name: 'rp-filter-multihomed',
  subjects: ['arp-interfaces'],
  facts: ['interfaces', 'ipv4Conf', 'routes'],
  optionsSchema: NO_OPTIONS,
  evaluate(subject, _options, {facts}) {
    if (subject.kind !== 'interface' || facts.ipv4Conf.status !== 'ok' || facts.routes.status !== 'ok') return unknown('route or sysctl facts are missing')
    const iface = subject.nic.name
    // Single-homed: every packet arrives on the one interface the replies leave by.
    if (arpInterfaces(facts.interfaces.status === 'ok' ? facts.interfaces.value : []).length <= 1) {
      return {outcome: 'pass', evidence: [{fact: 'interfaces that take ARP', value: iface, source: facts.interfaces.source}], data: {interface: iface, why: `${iface} is the only interface, so it is also the route back to clients`}}
    }

    const back = preferredDefault(facts.routes.value, 'inet')
    if (back?.dev === undefined) return unknown('there is no IPv4 default route, so the interface that leads back to clients is unknown')
    const routeEvidence = {fact: 'route back to clients', value: describeRoute(back), source: facts.routes.source}
    const conf = facts.ipv4Conf.value
    const evidence = [routeEvidence, confEvidence(facts.ipv4Conf.source, 'all', 'rp_filter', conf.all?.rp_filter), confEvidence(facts.ipv4Conf.source, iface, 'rp_filter', conf[iface]?.rp_filter)]
    const value = effectiveValue(conf, iface, 'rp_filter')
    if (value === undefined) return unknown(`could not read ${sysctlKey('all', 'rp_filter')} and ${sysctlKey(iface, 'rp_filter')}${readHint(facts.privileged)}`, evidence)
    const symmetric = back.dev === iface
    const fix = symmetric ? {} : planFix(LOOSE, value.all, value.ifaceValue)
    return {
      outcome: fix.all === undefined && fix.scope === undefined ? 'pass' : 'fail',
      evidence: [...evidence, {fact: `effective rp_filter on ${iface}`, value: String(value.effective), source: `max(all, ${iface})`}],
      data: {
        interface: iface,
        backDev: back.dev,
        effective: value.effective,
        all: value.all,
        ifaceValue: value.ifaceValue,
        why: symmetric ? `${iface} is also the route back to clients` : `rp_filter ${value.effective} is ${value.effective === 0 ? 'off' : 'loose'}`,
        scopeAssignment: fix.scope === undefined ? undefined : `${sysctlKey(iface, 'rp_filter')}=${fix.scope}`,
        allAssignment: fix.all === undefined ? undefined : `${sysctlKey('all', 'rp_filter')}=${fix.all}`,
        scopeLine: fix.scope === undefined ? undefined : `${sysctlKey(iface, 'rp_filter')} = ${fix.scope}`,
        allLine: fix.all === undefined ? undefined : `${sysctlKey('all', 'rp_filter')} = ${fix.all}`,
        dropInFile: sysctlDropInPath(facts.bootSysctl.status === 'ok' ? facts.bootSysctl.value : undefined, ['rp_filter']),
      },
    }
  },
})
