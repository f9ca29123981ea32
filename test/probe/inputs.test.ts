import {describe, expect, it} from 'vitest'

import {UserError} from '../../src/errors.js'
import {countFlag, interfaceFlag, ipFlag, ipv4Flag, macFlag} from '../../src/probe/inputs.js'

describe('probe flag checks', () => {
  it('accepts valid values', () => {
    expect(ipv4Flag('vip', ' 192.0.2.100 ')).toBe('192.0.2.100')
    expect(ipFlag('target', '2001:DB8::1')).toBe('2001:db8::1')
    expect(macFlag('expect-mac', '3E-2E-09-91-F5-F2')).toBe('3e:2e:09:91:f5:f2')
    expect(interfaceFlag('eth0.100')).toBe('eth0.100')
    expect(countFlag(3)).toBe(3)
  })

  it.each([
    [() => ipv4Flag('vip', '2001:db8::1'), /--vip "2001:db8::1" is not an IPv4 address \(ARP is IPv4 only/],
    [() => ipv4Flag('vip', '192.0.2.100/32'), /without a prefix length/],
    [() => ipv4Flag('real-server', 'rs1.example'), /--real-server "rs1.example" is not an IPv4 address$/],
    [() => ipFlag('target', '-c 5'), /--target "-c 5" is not an IP address/],
    [() => macFlag('expect-mac', '3e:2e:09:91:f5'), /is not a MAC address/],
    [() => interfaceFlag('eth0; reboot'), /is not a network interface name/],
    [() => interfaceFlag('a-very-long-interface'), /is not a network interface name/],
    [() => interfaceFlag('-h'), /is not a network interface name/],
    [() => countFlag(0), /--count 0 must be a whole number from 1 to 100/],
    [() => countFlag(101), /from 1 to 100/],
  ])('refuses bad input with a UserError (%#)', (check, message) => {
    expect(check).toThrow(UserError)
    expect(check).toThrow(message)
  })
})
