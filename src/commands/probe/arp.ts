/** `rsaudit probe arp`: which MACs answer ARP for the VIP on this segment. */
import {Flags} from '@oclif/core'

import {BaseCommand} from '../../cli/base-command.js'
import {observeArp} from '../../collect/probe/arp.js'
import {arpExitCode, type ArpProbeResult, arpVerdict} from '../../probe/arp-verdict.js'
import {parsePorts} from '../../engine/validate-inputs.js'
import {countFlag, interfaceFlag, ipv4Flag, macFlag} from '../../probe/inputs.js'
import {arpText} from '../../report/probe-text.js'

export default class ProbeArp extends BaseCommand {
  static override summary = 'Send ARP requests for the VIP and list every MAC that answers (run on the load balancer or any host on its segment)'

  static override description =
    'In Direct Routing only the load balancer may answer ARP for the VIP. Exit status: 0 exactly one answers (the --expect-mac one, when given); ' +
    '1 none, several or the wrong one; 2 bad input, or arping missing or lacking privilege. Uses the system arping (iputils or Habets).'

  static override examples = [
    '<%= config.bin %> probe arp --vip 192.0.2.100',
    '<%= config.bin %> probe arp --vip 192.0.2.100 --port 80 --real-server 192.0.2.11',
    '<%= config.bin %> probe arp --vip 192.0.2.100 --interface eth0 --expect-mac 3e:2e:09:91:f5:f2 --real-server 192.0.2.11 --real-server 192.0.2.12 --json',
  ]

  static override flags = {
    vip: Flags.string({summary: 'The VIP (IPv4) to send ARP requests for.', required: true}),
    interface: Flags.string({summary: 'Interface to probe on. Default: the one the VIP is reached through (or carried on).'}),
    count: Flags.integer({summary: 'ARP requests to send, one a second.', default: 3}),
    'expect-mac': Flags.string({summary: "The MAC that should answer (the load balancer's)."}),
    'real-server': Flags.string({summary: 'A real server address (repeatable); its MAC is resolved by ARP so a responder can be named.', multiple: true}),
    port: Flags.string({
      summary: 'Also connect to VIP:PORT from a temporary namespace and check who then claims the VIP (finds arp_announce problems; needs root).',
    }),
    source: Flags.string({summary: 'With --port: a free address on the segment to connect from. Default: one found by ARP duplicate address detection.'}),
    json: Flags.boolean({summary: 'Print JSON (schemas/probe-arp.schema.json).', default: false}),
  }

  async run(): Promise<ArpProbeResult> {
    const {flags} = await this.parseFlags(ProbeArp)
    const vip = ipv4Flag('vip', flags.vip)
    const request = {
      vip,
      ...(flags.interface === undefined ? {} : {interface: interfaceFlag(flags.interface)}),
      count: countFlag(flags.count),
      realServers: (flags['real-server'] ?? []).map((value) => ipv4Flag('real-server', value)),
      ...(flags.port === undefined ? {} : {port: parsePorts([flags.port])[0]}),
      ...(flags.source === undefined ? {} : {source: ipv4Flag('source', flags.source)}),
    }
    const expectMac = flags['expect-mac'] === undefined ? null : macFlag('expect-mac', flags['expect-mac'])
    const result = arpVerdict({...(await observeArp(request)), expectMac})
    process.stdout.write(flags.json ? `${JSON.stringify(result, null, 2)}\n` : arpText(result))
    process.exitCode = arpExitCode(result)
    return result
  }
}
