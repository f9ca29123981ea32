/** Runs the built CLI's probe commands inside a test LAN host and reads their JSON. */
import {expect} from 'vitest'

import {CLI} from '../helpers/run-cli.js'
import type {LanHost} from '../helpers/netns-lan.js'
import {type ProbeSchema, schemaErrors} from '../helpers/probe-schemas.js'

export interface ProbeRun<T> {
  exitCode: number
  stderr: string
  result: T
}

/** `rsaudit probe <kind> --json ...` in `host`; asserts the output matches its schema. */
export async function probeJson<T>(host: LanHost, kind: 'arp' | 'vip-path' | 'ping', args: string[]): Promise<ProbeRun<T>> {
  const {stdout, stderr, exitCode} = await host.exec([process.execPath, CLI, 'probe', kind, '--json', ...args], {timeoutMs: 40_000})
  expect(stdout, `no JSON; stderr: ${stderr}`).not.toBe('')
  const result = JSON.parse(stdout) as T
  expect(schemaErrors(`probe-${kind}` as ProbeSchema, result)).toEqual([])
  return {exitCode, stderr, result}
}

/** The same, expecting exit 2 and one line on stderr instead of a result. */
export async function probeRefused(host: LanHost, argv: string[]): Promise<{stderr: string; stdout: string}> {
  const {stdout, stderr, exitCode} = await host.exec(argv, {timeoutMs: 40_000})
  expect(exitCode, `stdout: ${stdout} stderr: ${stderr}`).toBe(2)
  expect(stderr.trim().split('\n')).toHaveLength(1)
  return {stdout, stderr}
}
