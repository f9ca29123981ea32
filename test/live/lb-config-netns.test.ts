/**
 * `rsaudit audit --lb-config`, run for real inside a network-namespace real server: the VIPs,
 * ports and methods come from the load balancer's own configuration, matched by the server's
 * address. The configurations are written in keepalived's and ldirectord's own syntax.
 */
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'

import {afterAll, beforeAll, describe, expect, it} from 'vitest'

import type {Report} from '../../src/engine/types.js'
import {cleanupStaleNamespaces, netnsAvailable, withRealServer} from '../helpers/netns.js'
import {CLI} from '../helpers/run-cli.js'
import {goodServer, VIP} from './scenarios.js'

const available = netnsAvailable()
const dir = mkdtempSync(join(tmpdir(), 'rsaudit-lb-config-'))

function file(name: string, text: string): string {
  const path = join(dir, name)
  writeFileSync(path, text)
  return path
}

const KEEPALIVED_DR = file(
  'keepalived.conf',
  `! this server (192.0.2.10) behind a DR service, another server elsewhere
virtual_server ${VIP} 8080 {
    lb_algo rr
    lb_kind DR
    protocol TCP
    real_server 192.0.2.10 8080 {
        TCP_CHECK { connect_timeout 3 }
    }
    real_server 192.0.2.11 8080 {
        TCP_CHECK { connect_timeout 3 }
    }
}
`,
)

const LDIRECTORD_TWO_METHODS = file(
  'ldirectord.cf',
  `checktimeout=3
virtual=${VIP}:8080
	real=192.0.2.10:8080 gate
	service=http
	scheduler=rr
	protocol=tcp
virtual=203.0.113.20:443
	real=192.0.2.10:8443 masq
	service=https
	scheduler=rr
	protocol=tcp
`,
)

/** NAT behind a keepalived pair whose internal floating address is the namespace LAN's 192.0.2.1 (the harness's gateway). */
function keepalivedNat(floating: string): string {
  return `vrrp_instance VI_INTERNAL {
    state MASTER
    interface eth1
    virtual_router_id 52
    priority 100
    virtual_ipaddress {
        ${floating}/24
    }
}
virtual_server 203.0.113.20 80 {
    lb_kind NAT
    protocol TCP
    real_server 192.0.2.10 8080 {
        TCP_CHECK { connect_timeout 3 }
    }
}
`
}
const KEEPALIVED_NAT_RIGHT = file('nat-right.conf', keepalivedNat('192.0.2.1'))
const KEEPALIVED_NAT_WRONG = file('nat-wrong.conf', keepalivedNat('192.0.2.254'))

const NOT_LISTED = file('other.conf', KEEPALIVED_DR_OTHER())

function KEEPALIVED_DR_OTHER(): string {
  return `virtual_server ${VIP} 8080 {\n    lb_kind DR\n    protocol TCP\n    real_server 192.0.2.77 8080 {\n    }\n}\n`
}

beforeAll(async () => {
  if (process.env.CI && !available.ok) throw new Error(`live tests must run in CI: ${available.reason}`)
  if (available.ok) await cleanupStaleNamespaces()
})

afterAll(() => rmSync(dir, {recursive: true, force: true}))

async function audit(args: string[]): Promise<{exitCode: number; stdout: string; stderr: string}> {
  return withRealServer(goodServer(), (ns) => ns.exec(['node', CLI, 'audit', ...args], {timeoutMs: 30_000}))
}

describe.skipIf(!available.ok)('rsaudit audit --lb-config in a network namespace', () => {
  it('takes the VIP, port and method for this server from keepalived.conf, and passes a correct server', async () => {
    const {exitCode, stdout, stderr} = await audit(['--lb-config', KEEPALIVED_DR, '--json'])
    expect(stderr).toBe('')
    const report = JSON.parse(stdout) as Report
    expect(report.inputs).toEqual({vips: [VIP], vipSource: 'lb-config', ports: [8080], mode: 'dr'})
    expect(report.results.filter((r) => r.outcome !== 'pass')).toEqual([])
    expect(report.results.map((r) => r.ruleId)).toEqual(expect.arrayContaining(['service-listens-on-vip', 'service-listens-on-rip']))
    expect(exitCode).toBe(0)
  })

  it('runs the checks of every method a server is listed under (ldirectord gate and masq)', async () => {
    const {stdout} = await audit(['--lb-config', LDIRECTORD_TWO_METHODS, '--json'])
    const report = JSON.parse(stdout) as Report
    expect(report.inputs).toMatchObject({vips: [VIP, '203.0.113.20'], vipSource: 'lb-config', ports: [8080, 8443], mode: 'dr', modes: ['dr', 'nat']})
    // The DR VIP passes as on any correct server; the NAT service's own port has no listener.
    expect(report.results.find((r) => r.ruleId === 'vip-on-loopback' && r.subject === VIP)?.outcome).toBe('pass')
    expect(report.notes[0]).toContain(`${VIP}:8080/tcp dr, 203.0.113.20:443/tcp nat`)
  })

  it("checks NAT mode's default gateway against keepalived's floating address on this server's subnet", async () => {
    const right = JSON.parse((await audit(['--lb-config', KEEPALIVED_NAT_RIGHT, '--json'])).stdout) as Report
    expect(right.inputs).toMatchObject({mode: 'nat', vips: ['203.0.113.20'], ports: [8080], gateway: '192.0.2.1'})
    expect(right.results.find((r) => r.ruleId === 'nat-default-gateway')?.outcome).toBe('pass')
    const wrong = JSON.parse((await audit(['--lb-config', KEEPALIVED_NAT_WRONG, '--json'])).stdout) as Report
    expect(wrong.inputs).toMatchObject({gateway: '192.0.2.254'})
    expect(wrong.results.find((r) => r.ruleId === 'nat-default-gateway')?.outcome).toBe('fail')
  })

  it('exits 2 with one line when the configuration does not list this server', async () => {
    const {exitCode, stderr, stdout} = await audit(['--lb-config', NOT_LISTED])
    expect(exitCode).toBe(2)
    expect(stderr.trim()).toMatch(/other\.conf lists none of this host's addresses \(.*192\.0\.2\.10.*\) as a real server$/)
    expect(stderr.trim().split('\n')).toHaveLength(1)
    expect(stdout).toBe('')
  })
})
