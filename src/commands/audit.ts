/** `rsaudit audit`: audit this host (live) and print a table or JSON. */
import {fileURLToPath} from 'node:url'

import {Flags} from '@oclif/core'

import {LiveSource} from '../collect/live-source.js'
import {runAudit} from '../engine/audit.js'
import {exitCodeFor} from '../engine/exit-code.js'
import {PACKAGED_RULES_DIR} from '../engine/load-rules.js'
import {MODES, type Report, SEVERITIES} from '../engine/types.js'
import {parsePorts, parseVips} from '../engine/validate-inputs.js'
import {FORMATS, loadReporter} from '../report/index.js'
import {BaseCommand} from '../cli/base-command.js'

export default class Audit extends BaseCommand {
  static override summary = 'Check that this real server is set up for Direct Routing (or TUN/NAT) and print the commands that fix it'

  static override examples = [
    '<%= config.bin %> audit',
    '<%= config.bin %> audit --vip 198.51.100.10 --port 80 --port 443',
    '<%= config.bin %> audit --json --fail-on high',
  ]

  static override flags = {
    vip: Flags.string({summary: 'A VIP to check (repeatable). Default: every non-127/8, non-::1 address on loopback.', multiple: true, default: []}),
    port: Flags.string({summary: 'A TCP port the service must listen on (repeatable). Enables the listener rules.', multiple: true, default: []}),
    mode: Flags.option({summary: 'Load-balancing mode of this server.', options: MODES, default: 'dr'})(),
    format: Flags.option({summary: 'Output format.', options: FORMATS, default: 'table'})(),
    json: Flags.boolean({summary: 'Same as --format json.', default: false}),
    'fail-on': Flags.option({summary: 'Lowest severity whose failure makes the exit status 1.', options: SEVERITIES, default: 'low'})(),
    'rules-dir': Flags.directory({summary: 'Load rules from this directory instead of the packaged ones.', hidden: true}),
  }

  async run(): Promise<Report> {
    const {flags} = await this.parseFlags(Audit)
    const vips = parseVips(flags.vip)
    const ports = parsePorts(flags.port)
    const rulesDir = flags['rules-dir'] ?? fileURLToPath(PACKAGED_RULES_DIR)
    const report = await runAudit(new LiveSource(), {vips, ports, mode: flags.mode, rulesDir})
    const format = flags.json ? 'json' : flags.format
    const color = format === 'table' && Boolean(process.stdout.isTTY) && !process.env.NO_COLOR
    const render = await loadReporter(format)
    process.stdout.write(render(report, {color, width: process.stdout.columns ?? 120}))
    process.exitCode = exitCodeFor(report, flags['fail-on'])
    return report
  }
}
