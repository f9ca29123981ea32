/** `rsaudit audit`: audit this host (live), or bundles and pasted text (--from), and print a table or JSON. */
import {fileURLToPath} from 'node:url'

import {Flags} from '@oclif/core'

import {BaseCommand} from '../cli/base-command.js'
import {LiveSource} from '../collect/live-source.js'
import {runAudit} from '../engine/audit.js'
import {DR_METHODS} from '../engine/dr-method.js'
import {exitCodeFor} from '../engine/exit-code.js'
import {PACKAGED_RULES_DIR} from '../engine/load-rules.js'
import {MODES, PLATFORMS, type Report, SEVERITIES} from '../engine/types.js'
import {parseGateway, parsePorts, parseVips} from '../engine/validate-inputs.js'
import {FORMATS, loadReporter} from '../report/index.js'

export default class Audit extends BaseCommand {
  static override summary = 'Check that this real server (or a collected bundle, or pasted output) is set up for Direct Routing and print the commands that fix it'

  static override examples = [
    '<%= config.bin %> audit',
    '<%= config.bin %> audit --vip 198.51.100.10 --port 80 --port 443',
    '<%= config.bin %> audit --json --fail-on high',
    '<%= config.bin %> audit --from rs1.tar.gz --from rs2.tar.gz',
    '<%= config.bin %> audit --from ticket-4711.txt --vip 198.51.100.10',
    '<%= config.bin %> audit --lb-config keepalived.conf',
    '<%= config.bin %> audit --mode nat --gateway 192.0.2.1',
  ]

  static override flags = {
    vip: Flags.string({summary: 'A VIP to check (repeatable). Default: every non-127/8, non-::1 address on loopback.', multiple: true}),
    port: Flags.string({summary: 'A TCP port the service must listen on (repeatable). Enables the listener rules.', multiple: true}),
    mode: Flags.option({summary: 'Load-balancing mode of this server (default dr, or what --lb-config says).', options: MODES})(),
    'lb-config': Flags.string({
      summary: "The load balancer's configuration (keepalived.conf, ldirectord.cf, ipvsadm -Ln or ipvsadm-save output, /proc/net/ip_vs): this server's VIPs, ports and modes come from it.",
    }),
    method: Flags.option({
      summary: 'How this Direct Routing server accepts VIP traffic: the VIP on loopback, or a netfilter REDIRECT rule. Default auto: REDIRECT for a VIP on no interface that a REDIRECT rule names.',
      options: DR_METHODS,
      default: 'auto',
    })(),
    gateway: Flags.string({summary: "NAT mode: the load balancer's floating IP, which must be this server's only default gateway."}),
    from: Flags.string({
      summary: 'Audit a bundle (directory, .tar.gz or .zip), a directory of bundles, or a text file of pasted command output instead of this host (repeatable).',
      multiple: true,
    }),
    platform: Flags.option({summary: 'Platform of pasted text, when it cannot be told from the output.', options: PLATFORMS})(),
    format: Flags.option({summary: 'Output format.', options: FORMATS, default: 'table'})(),
    json: Flags.boolean({summary: 'Same as --format json.', default: false}),
    'fail-on': Flags.option({summary: 'Lowest severity whose failure makes the exit status 1.', options: SEVERITIES, default: 'low'})(),
    'rules-dir': Flags.directory({summary: 'Load rules from this directory instead of the packaged ones.', hidden: true}),
  }

  async run(): Promise<Report | Report[]> {
    const {flags} = await this.parseFlags(Audit)
    const request = {
      vips: parseVips(flags.vip ?? []),
      ports: parsePorts(flags.port ?? []),
      mode: flags.mode ?? 'dr',
      modeGiven: flags.mode !== undefined,
      method: flags.method,
      gateway: parseGateway(flags.gateway),
      rulesDir: flags['rules-dir'] ?? fileURLToPath(PACKAGED_RULES_DIR),
      // Read before any collection, so a wrong path fails at once.
      ...(flags['lb-config'] === undefined ? {} : {lbConfig: await (await import('../collect/lb-config-file.js')).readLbConfigFile(flags['lb-config'])}),
    }
    // Offline inputs need archive readers and schema checks that a live audit never loads.
    const from = flags.from ?? []
    const reports =
      from.length > 0
        ? await (await import('../engine/audit-from.js')).auditFromPaths(from, request, flags.platform)
        : [await runAudit(new LiveSource(), request)]
    const format = flags.json ? 'json' : flags.format
    const context = {color: format === 'table' && Boolean(process.stdout.isTTY) && !process.env.NO_COLOR, width: process.stdout.columns ?? 120}
    const [single] = reports
    if (reports.length === 1 && single) {
      process.stdout.write((await loadReporter(format))(single, context))
    } else {
      const {fleetJson, fleetTable} = await import('../report/fleet.js')
      process.stdout.write(format === 'json' ? fleetJson(reports) : fleetTable(reports, context))
    }

    process.exitCode = exitCodeFor({results: reports.flatMap((report) => report.results)}, flags['fail-on'])
    return reports.length === 1 && single ? single : reports
  }
}
