/**
 * Reads a load balancer's configuration file named by the user (`lb show FILE`, `audit
 * --lb-config FILE`) and parses it, turning every failure into one line the user can act on.
 */
import {readFile} from 'node:fs/promises'

import {UserError} from '../errors.js'
import type {LbConfig, LbFormat} from '../facts/lb-config.js'
import {detectLbFormat, parseLbConfig} from '../parse/lb/detect.js'
import {ParseError} from '../parse/parse-error.js'

export interface LbConfigFile {
  file: string
  config: LbConfig
}

/** @throws {UserError} when the file cannot be read, its format is unknown, or it does not parse. */
export async function readLbConfigFile(path: string, type?: LbFormat): Promise<LbConfigFile> {
  const text = await readText(path)
  const format = type ?? detectLbFormat(text)
  if (format === undefined) throw new UserError(`${path}: not a keepalived.conf, an ldirectord.cf, ipvsadm -Ln or ipvsadm-save output, or /proc/net/ip_vs (name its format with --type)`)
  try {
    return {file: path, config: parseLbConfig(text, format)}
  } catch (error) {
    if (error instanceof ParseError) throw new UserError(`${path}: ${error.message}`)
    throw error
  }
}

async function readText(path: string): Promise<string> {
  try {
    return await readFile(path, 'utf8')
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    const reason = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a directory' : code === 'EACCES' ? 'permission denied' : (error as Error).message
    throw new UserError(`cannot read ${path}: ${reason}`)
  }
}
