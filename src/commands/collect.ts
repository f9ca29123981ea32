/** `rsaudit collect`: capture everything an audit of this host reads into a bundle. */
import {Flags} from '@oclif/core'

import {BaseCommand} from '../cli/base-command.js'
import {buildBundle} from '../collect/bundle/build-bundle.js'
import {writeBundle} from '../collect/bundle/write-bundle.js'
import {LiveSource} from '../collect/live-source.js'
import {RecordingSource} from '../collect/recording-source.js'
import {collectLinuxFacts} from '../facts/linux/collect-host.js'
import {toolVersion} from '../version.js'

export default class Collect extends BaseCommand {
  static override summary = 'Write a bundle of this host (every command output and file an audit reads) to audit elsewhere with `audit --from`'

  static override examples = ['<%= config.bin %> collect', '<%= config.bin %> collect --out /tmp/rs1.tar.gz', '<%= config.bin %> collect --out rs1-bundle --force']

  static override flags = {
    out: Flags.string({summary: 'Where to write: a directory, or an archive when the name ends in .tar.gz or .tgz. Default: rsaudit-bundle-HOST-TIME.tar.gz here.'}),
    force: Flags.boolean({summary: 'Replace --out if it already exists.', default: false}),
  }

  async run(): Promise<void> {
    const {flags} = await this.parseFlags(Collect)
    const recording = new RecordingSource(new LiveSource())
    // Solaris, FreeBSD and macOS read other programs and files (src/collect/unix-commands.ts).
    if (['solaris', 'freebsd', 'darwin'].includes(recording.platform)) await (await import('../facts/unix/unix-host.js')).collectUnixFacts(recording)
    else await collectLinuxFacts(recording)
    const identity = await recording.identity()
    const os = identity.status === 'ok' ? identity.value : {platform: 'linux' as const, hostname: 'unknown', distro: 'unknown', release: 'unknown', kernel: 'unknown'}
    const now = new Date()
    const out = flags.out ?? `rsaudit-bundle-${safeName(os.hostname)}-${now.toISOString().replaceAll(/[-:]|\.\d+/g, '')}.tar.gz`
    const {manifest, entries} = buildBundle(recording, os, {name: 'rsaudit', version: toolVersion()}, now)
    await writeBundle(out, entries, {force: flags.force, now})
    const failed = manifest.commands.filter((command) => command.failure).map((command) => `${command.id} (${command.failure?.reason})`)
    process.stderr.write(`${failed.length > 0 ? `note: not collected: ${failed.join(', ')}\n` : ''}`)
    process.stdout.write(`${out}\n`)
  }
}

/** Host names become part of a file name: keep letters, digits, dots and dashes. */
function safeName(hostname: string): string {
  return hostname.replaceAll(/[^\w.-]/g, '_') || 'host'
}
