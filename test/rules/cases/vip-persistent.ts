import {hostFacts, persisted} from '../../helpers/host-facts.js'
import type {RuleCases} from '../../helpers/rule-tester.js'
import {UNIX_VIP, unixFacts} from '../../helpers/unix-facts.js'

const VIP = '198.51.100.10'

export const cases: RuleCases = {
  valid: [
    {name: 'networkd file on lo', facts: hostFacts({persisted: [persisted(VIP)]}), inputs: {vips: [VIP]}},
    {name: 'rc.local executable, alias label lo:0', facts: hostFacts({persisted: [persisted(VIP, {mechanism: 'rc.local', interface: 'lo:0', file: '/etc/rc.local'})]}), inputs: {vips: [VIP]}},
    {name: 'Solaris 11: a persistent ipadm address object', facts: unixFacts('solaris'), inputs: {vips: [UNIX_VIP]}},
    {
      name: 'Solaris 10: /etc/hostname.lo0:1',
      facts: unixFacts('solaris', {release: '5.10', persisted: [{mechanism: 'hostname-file', interface: 'lo0:1', address: UNIX_VIP, prefixLength: 32, file: '/etc/hostname.lo0:1', line: 1, effective: true}]}),
      inputs: {vips: [UNIX_VIP]},
    },
    {name: 'FreeBSD: ifconfig_lo0_alias0 in rc.conf', facts: unixFacts('freebsd'), inputs: {vips: [UNIX_VIP]}},
    {name: 'macOS: a launchd job runs ifconfig lo0 alias at load', facts: unixFacts('darwin'), inputs: {vips: [UNIX_VIP]}},
  ],
  invalid: [
    {
      name: 'nothing persisted on a netplan host',
      facts: hostFacts({stack: {netplan: true, systemdNetworkd: true}}),
      inputs: {vips: [VIP]},
      failing: [VIP],
      messageIncludes: 'no boot-time configuration',
      fixIncludes: ['netplan generate'],
    },
    {
      name: 'rc.local not executable',
      facts: hostFacts({persisted: [persisted(VIP, {mechanism: 'rc.local', file: '/etc/rc.local', effective: false, note: '/etc/rc.local is not executable'})], stack: {rcLocal: true}}),
      inputs: {vips: [VIP]},
      failing: [VIP],
      messageIncludes: 'not executable',
      fixIncludes: ['chmod +x /etc/rc.local', "sed -i '/^exit 0$/i ip addr add 198.51.100.10/32 dev lo' /etc/rc.local"],
    },
    {
      name: 'persisted on eth0 is not persisted on loopback',
      facts: hostFacts({persisted: [persisted(VIP, {interface: 'eth0'})], stack: {networkManager: true}}),
      inputs: {vips: [VIP]},
      failing: [VIP],
      fixIncludes: ['nmcli connection modify lo +ipv4.addresses 198.51.100.10/32'],
    },
    {
      name: 'Solaris 10: nothing in /etc/hostname.lo0:N; the fix writes the file of the logical interface holding the VIP',
      facts: unixFacts('solaris', {release: '5.10', persisted: []}),
      inputs: {vips: [UNIX_VIP]},
      failing: [UNIX_VIP],
      fixIncludes: ["printf '%s\\n' '198.51.100.10 netmask 255.255.255.255 up' > /etc/hostname.lo0:1"],
    },
    {
      name: 'Solaris 11: a temporary ipadm address is recreated persistent',
      facts: unixFacts('solaris', {persisted: [{mechanism: 'ipadm', interface: 'lo0', address: UNIX_VIP, prefixLength: 32, file: 'ipadm show-addr -o all', line: 3, effective: false, note: 'temporary (ipadm create-addr -t) or persisted down: not brought up at boot', key: 'lo0/vip1'}]}),
      inputs: {vips: [UNIX_VIP]},
      failing: [UNIX_VIP],
      messageIncludes: 'temporary',
      fixIncludes: ['ipadm delete-addr lo0/vip1', 'ipadm create-addr -T static -a local=198.51.100.10/32 lo0/vip1'],
    },
    {
      name: 'FreeBSD: alias1 without alias0 is never applied; the fix fills alias0',
      facts: unixFacts('freebsd', {persisted: [{mechanism: 'rc.conf', interface: 'lo0', address: UNIX_VIP, prefixLength: 32, file: '/etc/rc.conf', line: 9, effective: false, note: 'ifconfig_lo0_alias0 is not set, and rc stops at the first missing alias number', key: 'ifconfig_lo0_alias1'}]}),
      inputs: {vips: [UNIX_VIP]},
      failing: [UNIX_VIP],
      messageIncludes: 'rc stops at the first missing alias number',
      fixIncludes: ["sysrc 'ifconfig_lo0_alias0=inet 198.51.100.10 netmask 0xffffffff'"],
    },
    {
      name: 'macOS: no launchd job; the alias does not survive a reboot',
      facts: unixFacts('darwin', {persisted: []}),
      inputs: {vips: [UNIX_VIP]},
      failing: [UNIX_VIP],
      messageIncludes: 'macOS does not keep lo0 aliases across a reboot',
      fixIncludes: ['launchctl bootstrap system /Library/LaunchDaemons/org.rsaudit.lo0-alias.198.51.100.10.plist', 'chown root:wheel /Library/LaunchDaemons/org.rsaudit.lo0-alias.198.51.100.10.plist'],
    },
  ],
}
