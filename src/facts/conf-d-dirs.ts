/**
 * How systemd picks the files of a `*.d` configuration set (sysctl.d(5), modules-load.d(5)):
 * `*.conf`, not hidden, from directories listed highest precedence first. A name in a higher
 * directory shadows the same name below it; a symlink to /dev/null masks the name (it shadows
 * and is not applied). The survivors are applied in strcmp order of their base names, whatever
 * their directory.
 */
import {posix} from 'node:path'

export interface ConfFileInput {
  path: string
  content: string
  /** The symlink target as `readlink` prints it, when `path` is a symlink. */
  linkTarget?: string
}

export interface AppliedConfFile<F extends ConfFileInput> {
  file: F
  /** The normalized path systemd opens. */
  path: string
  /** Where the lines physically live: a symlink resolved against its directory. */
  source: string
}

export function resolveConfDirs<F extends ConfFileInput>(
  files: readonly F[],
  directories: readonly string[],
): {applied: Array<AppliedConfFile<F>>; filesShadowed: Array<{file: string; shadowedBy: string}>} {
  const winners = new Map<string, {file: F; path: string}>()
  const filesShadowed: Array<{file: string; shadowedBy: string}> = []
  const candidates = files
    .map((file) => ({file, path: posix.normalize(file.path)}))
    .map((entry) => ({...entry, rank: directories.indexOf(posix.dirname(entry.path)), name: posix.basename(entry.path)}))
    .filter((entry) => entry.rank >= 0 && entry.name.endsWith('.conf') && !entry.name.startsWith('.'))
    .sort((a, b) => a.rank - b.rank)
  for (const entry of candidates) {
    const winner = winners.get(entry.name)
    if (winner) filesShadowed.push({file: entry.path, shadowedBy: winner.path})
    else winners.set(entry.name, entry)
  }

  const applied = [...winners.entries()]
    .filter(([, entry]) => entry.file.linkTarget !== '/dev/null')
    .sort(([a], [b]) => Buffer.compare(Buffer.from(a), Buffer.from(b)))
    .map(([, {file, path}]) => ({file, path, source: file.linkTarget ? posix.resolve(posix.dirname(path), file.linkTarget) : path}))
  return {applied, filesShadowed}
}
