/**
 * `rsaudit lb show`: what was understood of a load balancer's configuration, as a table (one
 * row per real server, the service named on its first row) followed by the notes, or as JSON
 * (schemas/lb-config.schema.json). Pure: the command reads the file and writes the text.
 */
import Table from 'cli-table3'

import {hostPort, LB_FORMAT_LABEL, type LbConfig, type LbService, serviceLabel} from '../facts/lb-config.js'
import {stylize} from './style.js'

/** The JSON document: the parsed configuration and the file it came from. */
export interface LbShowResult extends LbConfig {
  schemaVersion: 1
  file: string
}

const METHOD_LABEL = {dr: 'dr (Route)', tun: 'tun (Tunnel)', nat: 'nat (Masq)'} as const

export function lbShowJson(result: LbShowResult): string {
  return `${JSON.stringify(result, null, 2)}\n`
}

export function lbShowTable(result: LbShowResult, {color}: {color: boolean}): string {
  const reals = result.services.reduce((sum, service) => sum + service.realServers.length, 0)
  const header = `${result.file}: ${LB_FORMAT_LABEL[result.format]}, ${count(result.services.length, 'service')}, ${count(reals, 'real server')}`
  const table = new Table({
    head: ['Service', 'Scheduler', 'Persistence', 'Real server', 'Method', 'Weight'],
    style: {head: color ? ['bold'] : [], border: color ? ['gray'] : []},
  })
  for (const service of result.services) table.push(...rows(service))
  const floating = result.floatingAddresses === undefined ? [] : [`floating addresses (VRRP): ${result.floatingAddresses.join(', ')}`]
  const notes = result.notes.map((note) => stylize(color, 'yellow', `note: ${note.line === undefined ? '' : `line ${note.line}: `}${note.message}`))
  return [header, ...(result.services.length > 0 ? [table.toString()] : []), ...floating, ...notes, ''].join('\n')
}

function rows(service: LbService): string[][] {
  const name = `${serviceLabel(service)}${service.group === undefined ? '' : `\n(group ${service.group})`}${service.family === 'inet6' ? '\n(IPv6)' : ''}`
  const first = [name, service.scheduler ?? '', service.persistence === undefined ? '' : `${service.persistence} s`]
  if (service.realServers.length === 0) return [[...first, '(none)', '', '']]
  return service.realServers.map((real, index) => [
    ...(index === 0 ? first : ['', '', '']),
    `${hostPort(real.address, real.port)}${real.fallback ? ' (fallback)' : ''}`,
    METHOD_LABEL[real.method],
    String(real.weight),
  ])
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`
}
