/** The boot-time files of Solaris, FreeBSD and macOS: rc.conf, /etc/hostname.*, hosts, launchd plists, and the ifconfig words in them. */
import {readFileSync} from 'node:fs'

import {describe, expect, it} from 'vitest'

import {ParseError} from '../../../src/parse/parse-error.js'
import {parseIfconfigArgs} from '../../../src/parse/unix/ifconfig-args.js'
import {parseLaunchdPlist} from '../../../src/parse/unix/launchd-plist.js'
import {parseRcConf} from '../../../src/parse/unix/rc-conf.js'
import {parseSolarisHostnameFile} from '../../../src/parse/unix/solaris-hostname-file.js'

const fixture = (path: string) => readFileSync(new URL(`../../../fixtures/${path}`, import.meta.url), 'utf8')

describe('parseRcConf', () => {
  it('reads the lo0 alias of a real rc.conf', () => {
    const assignments = parseRcConf(fixture('freebsd/blog-bgp-router-rc-conf/rc-conf.txt'))
    expect(assignments.find((a) => a.name === 'ifconfig_lo0_alias0')).toEqual({name: 'ifconfig_lo0_alias0', value: 'inet6 2a06:9801:1c::1 prefixlen 64', line: 14})
  })

  // Synthetic: the quoting sysrc and people write.
  it('reads single, double and no quotes, trailing comments, escapes, export, and a value over two lines', () => {
    const text = [
      "ifconfig_lo0_alias0='inet 198.51.100.10 netmask 0xffffffff'",
      'ifconfig_lo0_alias1="inet 198.51.100.11/32"   # second VIP',
      'sshd_enable=YES # comment',
      'export motd="say \\"hi\\" to $USER"',
      'ifconfig_lo0_aliases="inet 198.51.100.12/32',
      '  inet 198.51.100.13/32"',
      '# ifconfig_lo0_alias2="inet 198.51.100.99/32"',
      'if [ -f /etc/extra.conf ]; then . /etc/extra.conf; fi',
    ].join('\r\n')
    expect(parseRcConf(text).map((a) => [a.name, a.value, a.line])).toEqual([
      ['ifconfig_lo0_alias0', 'inet 198.51.100.10 netmask 0xffffffff', 1],
      ['ifconfig_lo0_alias1', 'inet 198.51.100.11/32', 2],
      ['sshd_enable', 'YES', 3],
      ['motd', 'say "hi" to $USER', 4],
      ['ifconfig_lo0_aliases', 'inet 198.51.100.12/32\n  inet 198.51.100.13/32', 5],
    ])
  })

  it('throws ParseError on an unterminated quote (synthetic)', () => {
    expect(() => parseRcConf('ifconfig_lo0_alias0="inet 198.51.100.10\n')).toThrow(/unterminated " quote in ifconfig_lo0_alias0 on line 1/)
  })
})

describe('parseIfconfigArgs', () => {
  it.each([
    [['inet', '198.51.100.10', 'netmask', '0xffffffff'], '198.51.100.10', 32],
    [['inet', '198.51.100.10/32'], '198.51.100.10', 32],
    [['198.51.100.10', 'netmask', '255.255.255.255', 'up'], '198.51.100.10', 32],
    [['plumb', '198.51.100.10', 'netmask', 'ffffffff', 'up'], '198.51.100.10', 32],
    [['lo0', 'alias', '10.254.254.254', 'netmask', '255.255.255.0'].slice(1), '10.254.254.254', 24],
    [['alias', '127.0.0.2'], '127.0.0.2', 8],
    [['inet6', '2001:db8::10', 'prefixlen', '128', 'alias'], '2001:db8::10', 128],
    [['inet6', '2001:db8::10'], '2001:db8::10', 64],
    [['198.51.100.10', 'netmask', '+', 'broadcast', '+', 'up'], '198.51.100.10', 24],
  ])('%j → %s/%s', (words, address, prefixLength) => {
    expect(parseIfconfigArgs(words)).toMatchObject({address, prefixLength})
  })

  it('keeps a host name unresolved, and finds no address in dhcp or option-only lines', () => {
    expect(parseIfconfigArgs(['vip-www', 'netmask', '255.255.255.255', 'up'])).toMatchObject({host: 'vip-www', prefixLength: 32})
    expect(parseIfconfigArgs(['vip-www', 'up']).address).toBeUndefined()
    expect(parseIfconfigArgs(['dhcp', 'wait', '30']).host).toBeUndefined()
    expect(parseIfconfigArgs(['group', 'ipmp0', '-failover', 'standby', 'up']).host).toBeUndefined()
  })
})

describe('parseSolarisHostnameFile', () => {
  it('splits a real line at addif and keeps host names for lookup', () => {
    expect(parseSolarisHostnameFile(fixture('solaris/forum-sol10-ipmp-hostname-files/hostname-file.txt')).map((e) => e.host)).toEqual(['super-ce6', 'super-dummy'])
  })

  it('reads the VIP file the reference gives, skipping comments (synthetic)', () => {
    expect(parseSolarisHostnameFile('# VIP for the load balancer\n198.51.100.10 netmask 255.255.255.255 up\n')).toEqual([
      expect.objectContaining({address: '198.51.100.10', prefixLength: 32, family: 'inet', line: 2}),
    ])
  })
})

describe('parseLaunchdPlist', () => {
  it('reads a real job whose plist has no declaration and a label with spaces', () => {
    expect(parseLaunchdPlist(fixture('darwin/docs-docker4drupal-launchd-24/launchd-plist.txt'))).toMatchObject({label: 'Default Loopback alias', runAtLoad: true})
  })

  // Synthetic: the job shape rsaudit prints as a fix (sh -c with several aliases), Disabled, comments, entities.
  it('reads sh -c jobs, Disabled, comments and entities', () => {
    const job = parseLaunchdPlist(
      '<?xml version="1.0"?>\n<!-- made by hand -->\n<plist version="1.0"><dict><key>Label</key><string>a&amp;b</string>' +
        '<key>ProgramArguments</key><array><string>/bin/sh</string><string>-c</string><string>ifconfig lo0 alias 198.51.100.10 netmask 0xffffffff; ifconfig lo0 alias 198.51.100.11 netmask 0xffffffff</string></array>' +
        '<key>Disabled</key><true/><key>KeepAlive</key><dict/></dict></plist>',
    )
    expect(job).toEqual({label: 'a&b', programArguments: ['/bin/sh', '-c', 'ifconfig lo0 alias 198.51.100.10 netmask 0xffffffff; ifconfig lo0 alias 198.51.100.11 netmask 0xffffffff'], runAtLoad: false, disabled: true})
  })

  it.each([
    ['a binary plist', 'bplist00\u00d1\u0001\u0002', /binary property list/],
    ['a truncated file', '<plist version="1.0"><dict><key>Label</key><string>x</string>', /ends early/],
    ['an unknown element', '<plist><dict><key>A</key><foo>1</foo></dict></plist>', /unknown element <foo>/],
    ['a top level that is not a dict', '<plist><array/></plist>', /top level is not a <dict>/],
    ['a mismatched close', '<plist><dict><key>A</key><string>1</integer></dict></plist>', /never closed|expected/],
  ])('throws ParseError on %s (synthetic)', (_name, text, message) => {
    expect(() => parseLaunchdPlist(text)).toThrow(ParseError)
    expect(() => parseLaunchdPlist(text)).toThrow(message)
  })
})
