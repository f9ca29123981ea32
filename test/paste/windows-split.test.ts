/**
 * Splitting Windows tickets. Windows output holds blank lines (before it, between ipconfig
 * adapters, Format-List records, netsh blocks and double-spaced route rows), so a section
 * carries on after blank lines while the next paragraph is more of it, and ends at a prompt or
 * command line, at another kind's header, or at a paragraph that is not (prose). Each fixture
 * (fixtures/paste/windows-*, built from real captures) must give exactly the sections and
 * ignored blocks listed here, and give back the captures unchanged.
 */
import {describe, expect, it} from 'vitest'

import {readPaste, splitPaste} from '../../src/paste/split.js'
import {pasteFixture, windowsFixture} from './paste-fixtures.js'
import {type ExpectedSplit, itSplitsFixtures} from './split-expectations.js'

const FIXTURES: Record<string, ExpectedSplit> = {
  'windows-2008-cmd-ticket': {
    sections: [
      ['ipconfig-all', 10, 62, 'ipconfig /all'],
      // The forum double-spaced the rows: blank lines between them do not end it.
      ['route-print', 65, 91, 'route print'],
      ['netsh-ipv4-interfaces', 96, 100, 'netsh interface ipv4 show interfaces'],
      ['netsh-ipv4-interface', 104, 135, 'netsh interface ipv4 show interface 39'],
      // `netstat -ano` alone on a line, no prompt.
      ['netstat-ano', 142, 267, 'netstat -ano'],
    ],
    // Subject, greeting, prose, the prose above netstat, the closing prompt, the signature.
    ignored: [[1, 1], [3, 3], [5, 6], [138, 138], [269, 269], [271, 272]],
  },
  'windows-powershell-ticket': {
    sections: [
      ['ps-netipinterface', 6, 14, 'Get-NetIPInterface | Format-Table'],
      // Three Format-List records, blank lines between them.
      ['ps-netipaddress', 18, 58, 'Get-NetIPAddress -AddressFamily IPv4 | Format-List'],
      ['ps-netadapter', 62, 72, 'Get-NetAdapter'],
      ['ps-netfirewallprofile', 79, 134, 'Get-NetFirewallProfile'],
      // No prompt: the table header says what it is.
      ['ps-netroute', 138, 142],
      ['ps-nettcpconnection-listen', 146, 167, 'Get-NetTCPConnection -State Listen | ft -AutoSize'],
      ['ps-os', 172, 177, 'gwmi -Class win32_operatingsystem'],
    ],
    // Greeting, prose, Set-NetFirewallProfile (prints nothing, no parser), prose, the closing prompt, the signature.
    ignored: [[1, 1], [3, 3], [74, 74], [136, 136], [181, 181], [183, 184]],
  },
  'windows-zh-cn-ticket': {
    sections: [
      ['ipconfig-all', 7, 32, 'ipconfig'],
      ['netsh-ipv4-interfaces', 37, 48, 'netsh int ipv4 sh int'],
      ['netsh-ipv4-interface', 52, 83, 'netsh interface ipv4 show interface 5'],
      ['route-print', 86, 99, 'route print'],
      ['netstat-ano', 104, 121, 'netstat -ano'],
      // The profile block, its 日志: block and the closing 确定。
      ['netsh-advfirewall-profiles', 125, 141, 'netsh advfirewall show currentprofile'],
    ],
    ignored: [[1, 1], [3, 3], [143, 143]],
  },
  'windows-crlf-no-prompts': {
    sections: [
      ['netsh-firewall-state', 4, 17],
      ['netsh-firewall-portopening', 27, 42],
      ['netsh-http-iplisten', 45, 50],
      ['appcmd-list-site', 52, 52],
      ['netsh-advfirewall-rules-in', 55, 68],
      ['netsh-advfirewall-profiles', 71, 117],
      // `show config` and `show addresses` print the same blocks; without a prompt it reads as the latter.
      ['netsh-ipv4-addresses', 120, 127],
    ],
    // The prose line, netsh's deprecation notice (no block, no parser reads it), the signature.
    ignored: [[1, 1], [19, 24], [130, 131]],
  },
  'windows-ipconfig-netsh': {
    sections: [
      ['ipconfig-all', 4, 44, 'ipconfig /all'],
      ['netsh-ipv4-interfaces', 47, 56, 'netsh interface ip show interfaces'],
      // The pipeline's last cmdlet printed the table.
      ['ps-netipinterface', 59, 64, 'Get-NetAdapter | Where-Object {$_.InterfaceDescription -Match "Cisco AnyConnect"} | Get-NetIPInterface'],
    ],
    ignored: [[1, 1], [66, 66]],
  },
}

const shape = (text: string) => splitPaste(text).map((s) => [s.kind, s.startLine, s.endLine])

describe('Windows fixtures split into exactly the expected sections', () => {
  itSplitsFixtures(FIXTURES)

  /** The capture without the blank lines around it (a section starts and ends on a non-blank line). */
  const body = (text: string) => text.replace(/\n$/, '').replace(/^(?:[ \t]*\n)+/, '').replace(/(?:\n[ \t]*)+$/, '')

  it.each([
    ['windows-2008-cmd-ticket', ['misc-xp-sp3-en-loopback-adapter/ipconfig-all.txt', 'misc-xp-forum-asix-usb-ethernet/route-print.txt',
      'netsh-win2008r2-jumbo-frames/netsh-ipv4-interfaces.txt', 'netsh-win10-wslroutesvc-go-test/netsh-ipv4-interface-39.txt', 'misc-win81-de-crwinnetdiag/netstat-ano.txt']],
    ['windows-powershell-ticket', ['ps-davejlong-win10-netipinterface/ps-netipinterface-text.txt', 'ps-sample-winserver2019-dc-netipaddress/ps-netipaddress-text.txt',
      'ps-sample-win10-netadapter-kmtest-loopback/ps-netadapter-text.txt', 'ps-sample-lab-netfirewallprofile-disabled/ps-netfirewallprofile-text.txt',
      'ps-sample-k8s-node-netroute/ps-netroute-text.txt', 'ps-thm-winserver2016-tcp-listen/ps-nettcpconnection-listen-text.txt', 'ps-crtp-lab-winserver2019-os/ps-os-text.txt']],
    ['windows-zh-cn-ticket', ['misc-win7-zh-cn-plain/ipconfig-all.txt', 'netsh-zh-cn-win11-zerotier/netsh-ipv4-interfaces.txt', 'netsh-zh-cn-lab9-wlan/netsh-ipv4-interface-5.txt',
      'misc-win7-zh-cn-loopback-adapters/route-print.txt', 'misc-win10-zh-cn-incident-response/netstat-ano.txt', 'netsh-zh-cn-qianxin-proxy-currentprofile/netsh-advfirewall-profiles.txt']],
  ])('%s: cuts the captures back out unchanged, in order', (name, captures) => {
    const texts = splitPaste(pasteFixture(name)).map((s) => s.text)
    expect(texts).toEqual(captures.map((path) => body(windowsFixture(path.split('/')[0] ?? '', path.split('/')[1] ?? ''))))
  })
})

describe('line endings', () => {
  it('splits the CRLF fixture like the same text with LF, and no section keeps a CR', () => {
    const crlf = pasteFixture('windows-crlf-no-prompts')
    expect(crlf).toContain('\r\n')
    expect(splitPaste(crlf)).toEqual(splitPaste(crlf.replace(/\r\n/g, '\n')))
    expect(splitPaste(crlf).every((s) => !s.text.includes('\r'))).toBe(true)
  })

  it('splits a CRLF copy of a prompted ticket like the original', () => {
    const lf = pasteFixture('windows-2008-cmd-ticket')
    expect(readPaste(lf.replace(/\n/g, '\r\n'))).toEqual(readPaste(lf))
  })
})

// Small cases from real captures (blank lines around them dropped): where a Windows section ends.
const capture = (scenario: string, file: string) => windowsFixture(scenario, file).replace(/^(?:[ \t]*\n)+/, '').trimEnd()
const IPCONFIG = capture('misc-xp-sp3-en-loopback-adapter', 'ipconfig-all.txt')
const NETIPADDRESS = capture('ps-sample-winserver2019-dc-netipaddress', 'ps-netipaddress-text.txt')
const FIREWALL_PROFILE = capture('ps-sample-wsl-docs-netfirewallprofile-activestore', 'ps-netfirewallprofile-text.txt')
const NETROUTE = capture('ps-sample-k8s-node-netroute', 'ps-netroute-text.txt')
const STATE = capture('netsh-win2008-iis-webshell-state', 'netsh-firewall-state.txt')
const count = (text: string) => text.split('\n').length

describe('the blank-line rule', () => {
  it('carries ipconfig across the blank lines between adapters and stops at the prose after it', () => {
    const {sections, ignored} = readPaste(`C:\\>ipconfig /all\n\n${IPCONFIG}\n\nRegards,\nJan`)
    expect(sections.map((s) => [s.kind, s.startLine, s.endLine])).toEqual([['ipconfig-all', 3, 2 + count(IPCONFIG)]])
    expect(ignored.map((b) => b.preview)).toEqual(['Regards,'])
  })

  it('lets a Windows command wait past the blank lines before its output (a Linux one does not)', () => {
    expect(shape(`PS C:\\> Get-NetIPAddress\n\n\n${NETIPADDRESS}`)).toEqual([['ps-netipaddress', 4, 3 + count(NETIPADDRESS)]])
  })

  it('carries a Format-List across records, and ends it at another cmdlet`s records after a blank line', () => {
    const text = `${NETIPADDRESS}\n\n${FIREWALL_PROFILE}`
    expect(shape(text)).toEqual([
      ['ps-netipaddress', 1, count(NETIPADDRESS)],
      ['ps-netfirewallprofile', count(NETIPADDRESS) + 2, count(NETIPADDRESS) + 1 + count(FIREWALL_PROFILE)],
    ])
  })

  it('ends an output at the next prompt and at another kind`s header, blank line or not', () => {
    const n = count(IPCONFIG)
    expect(shape(`${IPCONFIG}\n${NETROUTE}`)).toEqual([['ipconfig-all', 1, n], ['ps-netroute', n + 1, n + count(NETROUTE)]])
    expect(shape(`C:\\>ipconfig /all\n${IPCONFIG}\nPS C:\\> Get-NetRoute\n${NETROUTE}`)).toEqual([['ipconfig-all', 2, n + 1], ['ps-netroute', n + 3, n + 2 + count(NETROUTE)]])
  })

  it('leaves netsh`s deprecation notice out of `netsh firewall show state`', () => {
    const {sections, ignored} = readPaste(`c:\\windows\\system32\\inetsrv>netsh firewall show state\n\n${STATE}`)
    expect(sections).toMatchObject([{kind: 'netsh-firewall-state', startLine: 3, endLine: 16}])
    expect(ignored.map((b) => b.preview)).toEqual(['IMPORTANT: Command executed successfully.'])
  })

  it('takes the echo of the command under its prompt for noise, not a new command', () => {
    // A web shell echoes what it runs (shared sample windows-netsh-firewall-show-state-en-1).
    const text = `c:\\windows\\system32\\inetsrv>netsh firewall show state\nnetsh firewall show state\n\n${STATE}`
    expect(splitPaste(text)).toMatchObject([{kind: 'netsh-firewall-state', startLine: 4, commandLine: 1}])
  })

  it('does not start a section on a prose line right above an output', () => {
    expect(shape(`Here is the route table:\n${capture('misc-azure-ws2012-two-nics', 'route-print.txt')}`)[0]).toEqual(['route-print', 2, expect.any(Number)])
    expect(shape(`These are the addresses:\n${NETIPADDRESS}`)[0]).toEqual(['ps-netipaddress', 2, 1 + count(NETIPADDRESS)])
  })
})

describe('look-alikes are ignored, not misread', () => {
  it('does not take netsh`s `IP Address:` lines for Get-NetIPAddress', () => {
    const config = windowsFixture('netsh-win10-wslroutesvc-go-test', 'netsh-ip-config.txt')
    expect(shape(`C:\\>netsh interface ip show config\n${config}`)).toEqual([['netsh-ip-config', 3, 10]])
  })

  it('ignores the output of commands no parser reads (ConvertTo-Json, Set-*, ipconfig /displaydns)', () => {
    const text = ['PS C:\\> Get-NetIPInterface | ConvertTo-Json', '[', '  {"ifIndex": 12}', ']', '', 'PS C:\\> Set-NetIPInterface -InterfaceAlias LB -WeakHostSend Enabled', ''].join('\n')
    expect(splitPaste(text)).toEqual([])
  })

  it('does not read a Linux prompt`s command as Windows, nor `hostname` without a prompt', () => {
    expect(splitPaste(`[root@rs1 ~]# hostname\nrs1`)).toEqual([])
    expect(splitPaste(`hostname\nWEB01`)).toEqual([])
    expect(splitPaste(`PS C:\\> hostname\nWEB01`)).toMatchObject([{kind: 'hostname', startLine: 2, endLine: 2}])
  })
})
