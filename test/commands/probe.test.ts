/**
 * The command-line contract of the probe commands that needs no network: bad input gives one
 * line on stderr and exit 2, before anything is sent (the live behaviour is in test/live/probe-*).
 */
import {describe, expect, it} from 'vitest'

import {runCli} from '../helpers/run-cli.js'

describe('probe commands: bad input', () => {
  it.each([
    [['probe', 'arp'], /Missing required flag vip/],
    [['probe', 'arp', '--vip', '2001:db8::10'], /--vip "2001:db8::10" is not an IPv4 address \(ARP is IPv4 only/],
    [['probe', 'arp', '--vip', '192.0.2.100/32'], /without a prefix length/],
    [['probe', 'arp', '--vip', '192.0.2.100', '--expect-mac', '3e:2e:09:91:f5'], /--expect-mac "3e:2e:09:91:f5" is not a MAC address/],
    [['probe', 'arp', '--vip', '192.0.2.100', '--real-server', 'rs1'], /--real-server "rs1" is not an IPv4 address/],
    [['probe', 'arp', '--vip', '192.0.2.100', '--count', '0'], /--count 0 must be a whole number from 1 to 100/],
    [['probe', 'arp', '--vip', '192.0.2.100', '--count', 'three'], /Expected an integer but received: three/],
    [['probe', 'arp', '--vip', '192.0.2.100', '--interface', '-h'], /--interface "-h" is not a network interface name/],
    [['probe', 'vip-path', '--vip', '192.0.2.100'], /Missing required flag real-server/],
    [['probe', 'vip-path', '--vip', '192.0.2.100', '--real-server', '192.0.2.11', '--port', '0'], /--port "0" is not a TCP port/],
    [['probe', 'vip-path', '--vip', '192.0.2.100', '--real-server', '192.0.2.11', '--source', 'auto'], /--source "auto" is not an IPv4 address/],
    [['probe', 'ping'], /Missing required flag target/],
    [['probe', 'ping', '--target', '192.0.2.11', '--target', 'rs1.example'], /--target "rs1.example" is not an IP address/],
    [['probe', 'ping', '--target', '192.0.2.11', '--count', '31'], /--count 31 must be a whole number from 1 to 30/],
  ])('%j exits 2 with one line and no stack trace', async (args, pattern) => {
    const {stderr, exitCode, stdout} = await runCli(args)
    expect(exitCode).toBe(2)
    expect(stdout).toBe('')
    expect(stderr).toMatch(pattern)
    expect(stderr.trim().split('\n')).toHaveLength(1)
    expect(stderr).not.toMatch(/\n\s+at /)
  })
})
