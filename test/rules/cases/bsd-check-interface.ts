import type {RuleCases} from '../../helpers/rule-tester.js'
import {UNIX_VIP, unixFacts} from '../../helpers/unix-facts.js'

const STRONG_ES = 'net.inet.ip.rfc1122_strong_es'

export const cases: RuleCases = {
  valid: [
    {name: 'FreeBSD 13: check_interface 0, the default', facts: unixFacts('freebsd'), inputs: {vips: [UNIX_VIP]}},
    {name: 'FreeBSD 14: rfc1122_strong_es 0, also 0 in sysctl.conf', facts: unixFacts('freebsd', {checkInterface: [{key: STRONG_ES, value: 0, boot: {value: 0, file: '/etc/sysctl.conf', line: 3}}]}), inputs: {vips: [UNIX_VIP]}},
    {name: 'macOS: check_interface 0', facts: unixFacts('darwin'), inputs: {vips: [UNIX_VIP]}},
  ],
  invalid: [
    {
      name: 'FreeBSD 14: a hardening sysctl.conf sets rfc1122_strong_es=1, in force now',
      facts: unixFacts('freebsd', {checkInterface: [{key: STRONG_ES, value: 1, boot: {value: 1, file: '/etc/sysctl.conf', line: 12}}]}),
      inputs: {vips: [UNIX_VIP]},
      failing: ['host'],
      messageIncludes: 'net.inet.ip.rfc1122_strong_es is 1',
      fixIncludes: ['sysctl net.inet.ip.rfc1122_strong_es=0', "sed -i.bak -e 's/^[[:space:]]*net\\.inet\\.ip\\.rfc1122_strong_es[[:space:]]*=.*/net.inet.ip.rfc1122_strong_es=0/' /etc/sysctl.conf"],
    },
    {
      name: 'FreeBSD 13: 0 now, but sysctl.conf turns check_interface on at the next boot',
      facts: unixFacts('freebsd', {checkInterface: [{key: 'net.inet.ip.check_interface', value: 0, boot: {value: 1, file: '/etc/sysctl.conf.local', line: 2}}]}),
      inputs: {vips: [UNIX_VIP]},
      failing: ['host'],
      messageIncludes: '0 now and 1 after a reboot (/etc/sysctl.conf.local:2)',
    },
    {
      name: 'macOS: check_interface 1',
      facts: unixFacts('darwin', {checkInterface: [{key: 'net.inet.ip.check_interface', value: 1}]}),
      inputs: {vips: [UNIX_VIP]},
      failing: ['host'],
      fixIncludes: ['sysctl net.inet.ip.check_interface=0'],
    },
  ],
}
