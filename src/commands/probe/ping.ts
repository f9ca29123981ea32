/** `rsaudit probe ping`: reachability, packet loss and round-trip times of each target. */
import {Flags} from '@oclif/core'

import {BaseCommand} from '../../cli/base-command.js'
import {pingTargets} from '../../collect/probe/ping.js'
import {countFlag, ipFlag} from '../../probe/inputs.js'
import {pingExitCode, type PingProbeResult, pingVerdict} from '../../probe/ping-verdict.js'
import {pingText} from '../../report/probe-text.js'

export default class ProbePing extends BaseCommand {
  static override summary = 'Ping each target and report reachability, packet loss and round-trip times'

  static override description = 'Exit status: 0 every target answered; 1 at least one did not; 2 bad input, or ping missing or lacking privilege.'

  static override examples = ['<%= config.bin %> probe ping --target 192.0.2.11 --target 192.0.2.12', '<%= config.bin %> probe ping --target 192.0.2.100 --count 5 --json']

  static override flags = {
    target: Flags.string({summary: 'An IP address to ping (repeatable).', required: true, multiple: true}),
    count: Flags.integer({summary: 'Echo requests per target.', default: 3}),
    json: Flags.boolean({summary: 'Print JSON (schemas/probe-ping.schema.json).', default: false}),
  }

  async run(): Promise<PingProbeResult> {
    const {flags} = await this.parseFlags(ProbePing)
    const targets = [...new Set(flags.target.map((value) => ipFlag('target', value)))]
    const result = pingVerdict(await pingTargets(targets, countFlag(flags.count, 30)))
    process.stdout.write(flags.json ? `${JSON.stringify(result, null, 2)}\n` : pingText(result))
    process.exitCode = pingExitCode(result)
    return result
  }
}
