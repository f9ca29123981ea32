import type {HostFacts, NetInterface} from '../../../src/facts/model.js'
import {ethernet, hostFacts, loopback, ok} from '../../helpers/host-facts.js'
import type {RuleCases} from '../../helpers/rule-tester.js'

const tunl0: NetInterface = {name: 'tunl0', kind: 'ipip', flags: ['NOARP', 'UP', 'LOWER_UP'], up: true, loopback: false, noArp: true, addresses: []}

function tun(state: 'loaded' | 'builtin' | 'absent', extra: NetInterface[]): HostFacts {
  return {...hostFacts({interfaces: [loopback(), ethernet(), ...extra]}), ipipModule: ok({state}, '/sys/module')}
}

export const cases: RuleCases = {
  valid: [
    {name: 'ipip loaded and tunl0 up', facts: tun('loaded', [tunl0]), inputs: {mode: 'tun'}},
    {name: 'ipip built into the kernel', facts: tun('builtin', [tunl0]), inputs: {mode: 'tun'}},
  ],
  invalid: [
    {
      name: 'module not loaded: no tunl0',
      facts: tun('absent', []),
      inputs: {mode: 'tun'},
      failing: ['host'],
      messageIncludes: 'the ipip module is not loaded',
      fixIncludes: ['modprobe ipip', 'ip link set tunl0 up'],
    },
    {name: 'tunl0 down', facts: tun('loaded', [{...tunl0, up: false, flags: ['NOARP']}]), inputs: {mode: 'tun'}, failing: ['host'], messageIncludes: 'tunl0 exists but is down'},
    {
      name: 'module loaded but no tunl0 in this namespace',
      facts: tun('loaded', []),
      inputs: {mode: 'tun'},
      failing: ['host'],
      messageIncludes: 'fb_tunnels_only_for_init_net',
    },
  ],
}
