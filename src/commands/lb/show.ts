/** `rsaudit lb show FILE`: print what rsaudit understands of a load balancer's own configuration. */
import {Args, Flags} from '@oclif/core'

import {BaseCommand} from '../../cli/base-command.js'
import {readLbConfigFile} from '../../collect/lb-config-file.js'
import {LB_FORMATS} from '../../facts/lb-config.js'
import {type LbShowResult, lbShowJson, lbShowTable} from '../../report/lb-config.js'

export default class LbShow extends BaseCommand {
  static override summary = "Show the services, forwarding methods and real servers rsaudit reads from a load balancer's configuration"

  static override description =
    'FILE is a keepalived.conf, an ldirectord.cf, the output of `ipvsadm -Ln` or `ipvsadm-save -n`, or a copy of /proc/net/ip_vs. The format is recognised from the content.'

  static override examples = ['<%= config.bin %> lb show /etc/keepalived/keepalived.conf', '<%= config.bin %> lb show ipvsadm-Ln.txt --json']

  static override args = {
    file: Args.string({description: 'The configuration file or saved command output to read.', required: true}),
  }

  static override flags = {
    json: Flags.boolean({summary: 'Print JSON (schemas/lb-config.schema.json) instead of a table.', default: false}),
    type: Flags.option({summary: 'The format of FILE, when it cannot be recognised from the content.', options: LB_FORMATS})(),
  }

  async run(): Promise<LbShowResult> {
    const {args, flags} = await this.parseFlags(LbShow)
    const {config} = await readLbConfigFile(args.file, flags.type)
    const result: LbShowResult = {schemaVersion: 1, file: args.file, ...config}

    const color = !flags.json && Boolean(process.stdout.isTTY) && !process.env.NO_COLOR
    process.stdout.write(flags.json ? lbShowJson(result) : lbShowTable(result, {color}))
    return result
  }
}
