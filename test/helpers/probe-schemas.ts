/** Validates a probe's JSON against schemas/<name>.schema.json with a strict ajv; returns the problems. */
import {readFileSync} from 'node:fs'

import {Ajv} from 'ajv'

const ajv = new Ajv({allErrors: true, strict: true})

export type ProbeSchema = 'probe-arp' | 'probe-vip-path' | 'probe-ping'

export function schemaErrors(name: ProbeSchema, document: unknown): string[] {
  const schemaUrl = new URL(`../../schemas/${name}.schema.json`, import.meta.url)
  const validate = ajv.getSchema(name) ?? ajv.addSchema(JSON.parse(readFileSync(schemaUrl, 'utf8')) as object, name).getSchema(name)
  if (validate === undefined) throw new Error(`cannot compile ${name}`)
  // Through JSON, as the command prints it.
  return validate(JSON.parse(JSON.stringify(document))) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message ?? ''}`)
}
