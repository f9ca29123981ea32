/** `rsaudit probe vip-path`: does one real server accept VIP:port traffic delivered to its MAC? */
import {Flags} from '@oclif/core'

import {BaseCommand} from '../../cli/base-command.js'
import {observeVipPath} from '../../collect/probe/vip-path.js'
import {parsePorts} from '../../engine/validate-inputs.js'
import {interfaceFlag, ipv4Flag} from '../../probe/inputs.js'
import {vipPathExitCode, type VipPathResult, vipPathVerdict} from '../../probe/vip-path-verdict.js'
import {vipPathText} from '../../report/probe-text.js'

export default class ProbeVipPath extends BaseCommand {
  static override summary = "Connect to VIP:port through one real server's MAC, as the load balancer delivers it (needs root)"

  static override description =
    'A health check against the real server address cannot see a server that drops or refuses traffic for the VIP; this can. ' +
    "It never touches this host's routes: it works in a temporary network namespace with a macvlan on the interface, an unused " +
    'address of that subnet (found by ARP duplicate address detection, or --source) and a /32 route for the VIP via the real server. ' +
    'Exit status: 0 the connection succeeded; 1 it failed; 2 bad input, not root, or a tool missing.'

  static override examples = [
    '<%= config.bin %> probe vip-path --vip 192.0.2.100 --real-server 192.0.2.11 --port 443',
    '<%= config.bin %> probe vip-path --vip 192.0.2.100 --real-server 192.0.2.11 --interface eth0 --source 192.0.2.250 --json',
  ]

  static override flags = {
    vip: Flags.string({summary: 'The VIP (IPv4) to connect to.', required: true}),
    'real-server': Flags.string({summary: 'The real server (its IPv4 address) to deliver the connection to.', required: true}),
    port: Flags.string({summary: 'TCP port.', default: '80'}),
    interface: Flags.string({summary: 'Interface on the real server segment. Default: the one the real server is reached through.'}),
    source: Flags.string({summary: 'A free IPv4 address in that subnet to send from. Default: found by duplicate address detection.'}),
    json: Flags.boolean({summary: 'Print JSON (schemas/probe-vip-path.schema.json).', default: false}),
  }

  async run(): Promise<VipPathResult> {
    const {flags} = await this.parseFlags(ProbeVipPath)
    const [port = 80] = parsePorts([flags.port])
    const request = {
      vip: ipv4Flag('vip', flags.vip),
      realServer: ipv4Flag('real-server', flags['real-server']),
      port,
      ...(flags.interface === undefined ? {} : {interface: interfaceFlag(flags.interface)}),
      ...(flags.source === undefined ? {} : {source: ipv4Flag('source', flags.source)}),
    }
    const result = vipPathVerdict(await observeVipPath(request))
    process.stdout.write(flags.json ? `${JSON.stringify(result, null, 2)}\n` : vipPathText(result))
    process.exitCode = vipPathExitCode(result)
    return result
  }
}
