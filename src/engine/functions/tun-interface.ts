/**
 * TUN mode (LNX-TUN-01): the load balancer wraps each packet in IPIP, and only the ipip
 * module's catch-all device tunl0 unwraps packets addressed to any of this server's
 * addresses. It exists once ipip is loaded (or built in), and must be up.
 */
import type {NetInterface} from '../../facts/model.js'
import {TUN_DEVICE} from '../vips.js'
import {defineCheck, NO_OPTIONS, type NoOptions, unknown} from './define-check.js'

export const tunInterface = defineCheck<NoOptions>({
  name: 'tun-interface',
  subjects: ['host'],
  facts: ['interfaces', 'ipipModule'],
  optionsSchema: NO_OPTIONS,
  evaluate(_subject, _options, {facts}) {
    if (facts.interfaces.status !== 'ok' || facts.ipipModule?.status !== 'ok') return unknown('interface or kernel module facts are missing')
    const module = facts.ipipModule.value.state
    const tunl0 = tunnelDevice(facts.interfaces.value)
    const evidence = [
      {fact: 'ipip module', value: module, source: facts.ipipModule.source},
      {fact: TUN_DEVICE, value: tunl0 === undefined ? 'absent' : `${tunl0.up ? 'up' : 'down'} <${tunl0.flags.join(',')}>`, source: facts.interfaces.source},
    ]
    const problem =
      module === 'absent'
        ? 'the ipip module is not loaded, so there is no tunl0 to unwrap the IPIP packets the load balancer sends'
        : tunl0 === undefined
          ? `ipip is ${module} but this network namespace has no tunl0 (net.core.fb_tunnels_only_for_init_net keeps it in the initial namespace)`
          : tunl0.up
            ? undefined
            : 'tunl0 exists but is down, so it unwraps nothing'
    return {
      outcome: problem === undefined ? 'pass' : 'fail',
      evidence,
      data: {module, problem, device: TUN_DEVICE, loadModule: module === 'absent' ? 'ipip' : undefined},
    }
  },
})

export function tunnelDevice(interfaces: readonly NetInterface[]): NetInterface | undefined {
  return interfaces.find((nic) => nic.name === TUN_DEVICE)
}
