/**
 * bundle.json, the manifest of a bundle (docs/bundle-format.md). Its shape is checked against
 * schemas/bundle.schema.json when a bundle is read, so a bundle from an unknown or newer
 * collector is refused with a clear reason rather than half-read.
 */
import type {OsIdentity} from '../../facts/model.js'
import type {CaptureFailure} from '../raw-source.js'

export const BUNDLE_FORMAT = 'rsaudit-bundle'
export const BUNDLE_FORMAT_VERSION = 1

export type FileFailureReason = 'missing' | 'permission-denied' | 'not-collected'

export interface BundleCommand {
  id: string
  argv: string[]
  exitCode: number | null
  stdout?: string
  stderr?: string
  encoding?: string
  failure?: {reason: CaptureFailure; detail: string}
}

export interface BundleFile {
  path: string
  copy?: string
  mode?: number
  linkTarget?: string
  encoding?: string
  failure?: {reason: FileFailureReason; detail: string}
}

export interface BundleDir {
  path: string
  entries?: string[]
  failure?: {reason: FileFailureReason; detail: string}
}

export interface BundleManifest {
  format: typeof BUNDLE_FORMAT
  formatVersion: typeof BUNDLE_FORMAT_VERSION
  platform: Exclude<OsIdentity['platform'], 'unknown'>
  hostname: string
  os: {distro: string; release: string; kernel: string}
  collectedAt: string
  collector: {name: string; version: string}
  privileged: boolean
  encoding?: string
  commands: BundleCommand[]
  files: BundleFile[]
  dirs: BundleDir[]
}
