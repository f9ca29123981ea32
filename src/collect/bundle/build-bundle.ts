/** Turns what a RecordingSource saw into bundle entries and a manifest (docs/bundle-format.md). */
import type {OsIdentity} from '../../facts/model.js'
import type {RecordingSource} from '../recording-source.js'
import {BUNDLE_FORMAT, BUNDLE_FORMAT_VERSION, type BundleCommand, type BundleFile, type BundleManifest} from './manifest.js'

export interface BundleEntry {
  path: string
  content: Buffer
}

export interface BuiltBundle {
  manifest: BundleManifest
  entries: BundleEntry[]
}

export function buildBundle(recording: RecordingSource, identity: OsIdentity, tool: {name: string; version: string}, now: Date): BuiltBundle {
  const entries: BundleEntry[] = []
  const add = (path: string, text: string): string => {
    entries.push({path, content: Buffer.from(text, 'utf8')})
    return path
  }

  const commands: BundleCommand[] = [...recording.commands.values()].map(({spec, stdout, stderr, exitCode, failure}) => ({
    id: spec.id,
    argv: [...spec.argv],
    exitCode,
    ...(stdout === '' && failure ? {} : {stdout: add(`commands/${spec.id}.out`, stdout)}),
    ...(stderr === '' ? {} : {stderr: add(`commands/${spec.id}.err`, stderr)}),
    ...(failure ? {failure} : {}),
  }))
  const files: BundleFile[] = [...recording.files.values()].map(({path, content, mode, linkTarget, failure}) => ({
    path,
    ...(content === undefined ? {} : {copy: add(`files${path}`, content)}),
    ...(mode === undefined ? {} : {mode}),
    ...(linkTarget === undefined ? {} : {linkTarget}),
    ...(failure ? {failure} : {}),
  }))
  const dirs = [...recording.dirs.values()].map(({path, entries: names, failure}) => ({path, ...(names ? {entries: names} : {}), ...(failure ? {failure} : {})}))
  const manifest: BundleManifest = {
    format: BUNDLE_FORMAT,
    formatVersion: BUNDLE_FORMAT_VERSION,
    platform: identity.platform === 'unknown' ? 'linux' : identity.platform,
    hostname: identity.hostname,
    os: {distro: identity.distro, release: identity.release, kernel: identity.kernel},
    collectedAt: now.toISOString().replace(/\.\d+Z$/, 'Z'),
    collector: tool,
    privileged: recording.privileged,
    encoding: 'utf-8',
    commands,
    files,
    dirs,
  }
  entries.unshift({path: 'bundle.json', content: Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`, 'utf8')})
  return {manifest, entries}
}
