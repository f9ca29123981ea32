/**
 * Which command prints which parser input. After a prompt the command may sit behind wrappers
 * (`sudo`, `kubectl ... --`); alone on a line it must start the line, or prose would match.
 * Commands that change state (`ip addr add`) or print a form no parser reads (`ip -br a`,
 * `ip route get`, `ss -s`) are no kind: their output is ignored, not misread.
 */
import {describe, expect, it} from 'vitest'

import {routeFamily, routeTable} from '../../src/paste/command.js'
import {kindOfCommand} from '../../src/paste/kinds.js'

describe('kindOfCommand after a prompt', () => {
  it.each([
    ['ip a', 'ip-addr'],
    ['ip addr', 'ip-addr'],
    ['ip addr show', 'ip-addr'],
    ['ip -d addr show dev lo', 'ip-addr'],
    ['ip --details addr ls', 'ip-addr'],
    ['ip -o addr show lo', 'ip-addr'],
    ['ip -4 a s', 'ip-addr'],
    ['ip -f inet6 address list', 'ip-addr'],
    ['ip -j addr', 'ip-addr-json'],
    ['ip -d -j addr show', 'ip-addr-json'],
    ['ip -json -pretty address', 'ip-addr-json'],
    ['ip -j addr | jq .', 'ip-addr-json'],
    ['ip r', 'ip-route'],
    ['ip route show table all', 'ip-route'],
    ['ip -6 route', 'ip-route'],
    ['ip -j route show table all', 'ip-route-json'],
    ['ip -6 -j route', 'ip-route-json'],
    ['ip netns exec rs ip a', 'ip-addr'],
    ['sudo ip a', 'ip-addr'],
    ['/sbin/ip addr', 'ip-addr'],
    ['ss -ltn', 'ss-listen-tcp'],
    ['ss -Hltn', 'ss-listen-tcp'],
    ['ss -lntup', 'ss-listen-tcp'],
    ['ss -tulpn', 'ss-listen-tcp'],
    ['ss -antp', 'ss-listen-tcp'],
    ['ss --tcp --listening --numeric', 'ss-listen-tcp'],
    ['podman machine ssh ss -ltnup', 'ss-listen-tcp'],
    ['kubectl exec -it web-0 -- ss -ltn', 'ss-listen-tcp'],
    ['cat /proc/net/tcp', 'proc-net-tcp'],
    ['cat /proc/net/tcp6', 'proc-net-tcp6'],
    ['cat /proc/net/tcp /proc/net/tcp6', 'proc-net-tcp'],
    ['cat /proc/self/net/tcp6', 'proc-net-tcp6'],
    ['sysctl -a', 'sysctl'],
    ['sysctl net.ipv4.conf', 'sysctl'],
    ['sysctl -a | grep arp', 'sysctl'],
    ['sudo sysctl -a 2>/dev/null | grep -E "arp|rp_filter"', 'sysctl'],
    ['sysctl -a -r arp', 'sysctl'],
    ['sysctl -w net.ipv4.conf.all.arp_ignore=1', 'sysctl'],
    ['sysctl net.ipv4.conf.all.arp_ignore net.ipv4.conf.lo.arp_announce', 'sysctl'],
    ['grep -r . /proc/sys/net/ipv4/conf/', 'sysctl'],
  ])('%s prints %s', (command, kind) => {
    expect(kindOfCommand(command, true)).toBe(kind)
  })

  it.each([
    'ip -br a',
    'ip -brief addr show',
    'ip addr add 172.16.0.206/32 dev lo',
    'ip addr del 172.16.0.206/32 dev lo',
    'ip link',
    'ip -d link show',
    'ip route get 198.51.100.10',
    'ip route add default via 192.0.2.1',
    'ip rule show',
    'ss -s',
    'ss',
    'cat /etc/sysctl.conf',
    'cat /proc/sys/net/ipv4/conf/all/arp_ignore',
    'ipvsadm -Ln',
    'netstat -tlnp',
    'uname -a',
    '',
  ])('%j prints nothing a parser reads', (command) => {
    expect(kindOfCommand(command, true)).toBeUndefined()
  })
})

describe('kindOfCommand without a prompt', () => {
  it.each([
    ['ip a', 'ip-addr'],
    ['sudo ss -ltn', 'ss-listen-tcp'],
    ['sysctl -a | grep arp', 'sysctl'],
    ['cat /proc/net/tcp6', 'proc-net-tcp6'],
  ])('%s alone on a line prints %s', (line, kind) => {
    expect(kindOfCommand(line, false)).toBe(kind)
  })

  it.each([
    'ip a shows the VIP on lo as expected, and ss output looks normal to us.',
    'ss output looks normal',
    'sysctl settings are as in your guide: arp_ignore 1 and arp_announce 2.',
    'podman machine ssh ss -ltnup',
    'Please run ip a',
  ])('%j is prose', (line) => {
    expect(kindOfCommand(line, false)).toBeUndefined()
  })
})

describe('route options from the command', () => {
  it.each([
    ['ip route show table local', 'local'],
    ['ip -6 route show table 100', '100'],
    ['ip r s t local', 'local'],
    ['ip route show table all', undefined],
    ['ip route', undefined],
    [undefined, undefined],
  ])('%s lists table %s', (command, table) => {
    expect(routeTable(command)).toBe(table)
  })

  it.each([
    ['ip -6 -j route', 'inet6'],
    ['ip -f inet6 -j route show', 'inet6'],
    ['ip -4 -j route', 'inet'],
    ['ip -j route show table all', undefined],
  ])('%s lists family %s', (command, family) => {
    expect(routeFamily(command)).toBe(family)
  })
})
