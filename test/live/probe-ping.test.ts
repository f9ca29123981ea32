/**
 * `rsaudit probe ping`, run for real in a test LAN: a reachable host, an unused address on the
 * segment and an unrouted network, through the `ping` package and the system ping.
 */
import {chmodSync, mkdtempSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'

import {beforeAll, describe, expect, it} from 'vitest'

import type {PingProbeResult} from '../../src/probe/ping-verdict.js'
import {withLan} from '../helpers/netns-lan.js'
import {cleanupStaleNamespaces, netnsAvailable} from '../helpers/netns.js'
import {CLI} from '../helpers/run-cli.js'
import {probeJson, probeRefused} from './probe-cli.js'

const available = netnsAvailable()
const LAN = [
  {name: 'client', address: '192.0.2.2/24'},
  {name: 'rs1', address: '192.0.2.11/24'},
]

beforeAll(async () => {
  if (process.env.CI && !available.ok) throw new Error(`live tests must run in CI: ${available.reason}`)
  if (available.ok) await cleanupStaleNamespaces()
})

describe.skipIf(!available.ok)('rsaudit probe ping on a test LAN', {timeout: 45_000}, () => {
  it('reports a reachable target with 0% loss and round-trip times', async () => {
    await withLan(LAN, async ({client, rs1}) => {
      const {exitCode, result} = await probeJson<PingProbeResult>(client!, 'ping', ['--target', rs1!.address, '--count', '2'])
      expect(result.targets).toEqual([{target: rs1!.address, reachable: true, packetLoss: 0, rttMs: expect.objectContaining({min: expect.any(Number)}), error: null}])
      expect(result.targets[0]?.rttMs?.min).toBeGreaterThan(0)
      expect(result.problem).toBe(false)
      expect(exitCode).toBe(0)
    })
  })

  it('reports unreachable targets (a silent address, an unrouted network) and exits 1', async () => {
    await withLan(LAN, async ({client, rs1}) => {
      const {exitCode, result} = await probeJson<PingProbeResult>(client!, 'ping', ['--target', rs1!.address, '--target', '192.0.2.77', '--target', '203.0.113.5', '--count', '1'])
      expect(result.targets.map((t) => [t.target, t.reachable])).toEqual([
        [rs1!.address, true],
        ['192.0.2.77', false],
        ['203.0.113.5', false],
      ])
      expect(result.targets[1]).toMatchObject({packetLoss: 100, rttMs: null})
      expect(result.targets[2]).toMatchObject({packetLoss: null, error: 'ping: connect: Network is unreachable'})
      expect(result.message).toBe('2 of 3 target(s) do not answer ping: 192.0.2.77, 203.0.113.5.')
      expect(exitCode).toBe(1)
    })
  })

  it('exits 2 with one line for a host name, and when ping is not installed', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'rsaudit-noping-'))
    chmodSync(empty, 0o755)
    try {
      await withLan(LAN, async ({client}) => {
        expect((await probeRefused(client!, [process.execPath, CLI, 'probe', 'ping', '--target', 'rs1.example'])).stderr).toBe('rsaudit: --target "rs1.example" is not an IP address\n')
        const {stderr} = await probeRefused(client!, ['env', `PATH=${empty}`, process.execPath, CLI, 'probe', 'ping', '--target', '192.0.2.11'])
        expect(stderr).toMatch(/^rsaudit: could not start ping for 192\.0\.2\.11: is it installed\? \(install iputils-ping/)
      })
    } finally {
      rmSync(empty, {recursive: true, force: true})
    }
  })
})
