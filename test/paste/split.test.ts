/**
 * Splitting pasted tickets into parser inputs. Each Linux fixture (fixtures/paste, built from real
 * outputs; the Windows ones are in windows-split.test.ts) must give exactly the sections and
 * ignored blocks listed here, line for line; the
 * smaller cases pin the rules that keep one output from swallowing the next, merge output cut
 * by blank lines, and keep look-alikes (ip link, sysctl.conf, keepalived) out.
 */
import {describe, expect, it} from 'vitest'

import {ignoredBlocks, readPaste, splitPaste} from '../../src/paste/split.js'
import {linuxFixture, pasteFixture} from './paste-fixtures.js'
import {type ExpectedSplit, itSplitsFixtures} from './split-expectations.js'

const FIXTURES: Record<string, ExpectedSplit> = {
  'ticket-mixed-prose': {
    sections: [
      ['ss-listen-tcp', 12, 17, 'ss -ltn'],
      ['sysctl', 22, 56, 'sysctl -a | grep arp'],
      ['ip-addr', 61, 76, 'ip addr'],
    ],
    // Subject, greeting, prose, the director's ipvsadm (prompt and output), the signature.
    ignored: [[1, 1], [3, 3], [5, 7], [9, 9], [19, 19], [58, 58], [78, 86], [88, 92]],
  },
  'no-prompts': {
    sections: [
      ['ip-route', 1, 7],
      ['proc-net-tcp', 9, 11],
      ['ip-addr', 13, 23],
      ['sysctl', 25, 46],
      ['proc-net-tcp6', 48, 50],
    ],
    ignored: [],
  },
  'crlf-trailing-spaces': {
    sections: [
      ['ip-addr', 3, 18, 'ip a'],
      ['sysctl', 20, 20, 'sysctl net.ipv4.conf.all.arp_ignore'],
      ['sysctl', 22, 22, 'sysctl -w net.ipv4.conf.all.arp_ignore=1'],
      ['sysctl', 24, 24, 'sysctl net.ipv4.conf.all.arp_ignore'],
      ['sysctl', 26, 26, 'sysctl net.ipv4.conf.all.arp_announce'],
      ['sysctl', 28, 28, 'sysctl -w net.ipv4.conf.all.arp_announce=2'],
      ['sysctl', 30, 30, 'sysctl net.ipv4.conf.all.arp_announce'],
    ],
    // `ip addr add ...` prints nothing and is no listing.
    ignored: [[1, 1]],
  },
  'ip-json-and-route-table-all': {
    sections: [
      ['ip-addr-json', 2, 2, 'ip -d -j addr'],
      ['ip-route', 4, 43, 'ip route show table all'],
      ['ip-route-json', 45, 45, 'ip -6 -j route show table all'],
      ['ss-listen-tcp', 47, 58, 'ss -ltnup'],
      // `cat /proc/net/tcp /proc/net/tcp6`: the tcp6 header starts a second section.
      ['proc-net-tcp', 60, 65, 'cat /proc/net/tcp /proc/net/tcp6'],
      ['proc-net-tcp6', 66, 72],
    ],
    ignored: [[73, 73]],
  },
  'prose-only': {sections: [], ignored: [[1, 1], [3, 5], [7, 8], [10, 10], [12, 13]]},
  'router-sysctl-stderr-ecmp': {
    sections: [
      ['sysctl', 2, 14, 'sysctl -a | grep rp_filter'],
      ['ip-route', 17, 23, 'ip route'],
    ],
    ignored: [],
  },
  'ss-echo-and-banner': {
    sections: [
      ['ss-listen-tcp', 3, 12, 'ss -lntup'],
      ['ss-listen-tcp', 17, 21, 'kubectl debug -it deploy/productpage --image nicolaka/netshoot -- ss -ntlp'],
    ],
    // The remote shell's echo, the closing empty prompt, kubectl's banner.
    ignored: [[2, 2], [13, 13], [16, 16]],
  },
}

describe('fixtures split into exactly the expected sections', () => {
  itSplitsFixtures(FIXTURES)

  it('cuts the captures back out unchanged (ip -j addr, route table all, ss, /proc/net/tcp)', () => {
    const sections = splitPaste(pasteFixture('ip-json-and-route-table-all'))
    const scenario = 'debian12-iproute2-6.1-netns-vip'
    const texts = Object.fromEntries(sections.map((s) => [s.kind, s.text]))
    // Byte for byte, trailing spaces included; only the file's final newline is not part of a section.
    for (const kind of ['ip-addr-json', 'ip-route', 'ss-listen-tcp', 'proc-net-tcp', 'proc-net-tcp6']) {
      expect(texts[kind], kind).toBe(linuxFixture(scenario, `${kind}.txt`).replace(/\n$/, ''))
    }
  })

  it('keeps the prompt line and the command of each section', () => {
    const [ss, sysctl, addr] = splitPaste(pasteFixture('ticket-mixed-prose'))
    expect(ss).toMatchObject({prompt: '$ ss -ltn', command: 'ss -ltn', commandLine: 11})
    expect(sysctl).toMatchObject({prompt: '# sysctl -a | grep arp', commandLine: 21})
    expect(addr).toMatchObject({prompt: '$ ip addr', commandLine: 60})
  })

  it('lists ignored blocks with a preview of at most 60 characters and their text', () => {
    const {ignored} = readPaste(pasteFixture('ticket-mixed-prose'))
    expect(ignored[0]).toEqual({startLine: 1, endLine: 1, preview: 'Subject: RE: [#48213] VIP 172.16.0.206 not answering on rs1', text: 'Subject: RE: [#48213] VIP 172.16.0.206 not answering on rs1'})
    expect(ignored.find((b) => b.startLine === 78)?.text).toContain('[root@lvs-1 ~]$ ipvsadm -Ln')
    expect(ignored.every((b) => b.preview.length <= 60)).toBe(true)
    expect(ignored[2]?.preview).toBe('as requested, here is what we see on our real server rs1 (Ub')
  })
})

describe('line endings and padding', () => {
  it('splits a CRLF paste with trailing spaces like the same paste with LF', () => {
    const crlf = pasteFixture('crlf-trailing-spaces')
    expect(crlf).toContain('\r\n')
    const lf = crlf.replace(/\r\n/g, '\n')
    expect(splitPaste(crlf)).toEqual(splitPaste(lf))
    expect(splitPaste(crlf).every((s) => !s.text.includes('\r'))).toBe(true)
  })

  it('reads lone CR, no-break spaces, terminal colours and markdown fences', () => {
    const text = ['```', '$ ip r', '\u001b[32mdefault\u001b[0m via\u00a0192.0.2.1 dev eth0', '```'].join('\r')
    expect(splitPaste(text)).toEqual([{kind: 'ip-route', text: 'default via 192.0.2.1 dev eth0', startLine: 3, endLine: 3, prompt: '$ ip r', command: 'ip r', commandLine: 2}])
    expect(ignoredBlocks(text, splitPaste(text))).toEqual([])
  })
})

const IP_ADDR = linuxFixture('centos6-ip-addr-lo-label', 'ip-addr.txt').trimEnd()
const SS = linuxFixture('centos7-ansible-ss-ntl-old-iproute2', 'ss-listen-tcp.txt').trimEnd()
const TCP = linuxFixture('android-device-proc-net', 'proc-net-tcp.txt').trimEnd()
const TCP6 = linuxFixture('android-device-proc-net', 'proc-net-tcp6.txt').trimEnd()
const SYSCTL = 'net.ipv4.conf.all.arp_ignore = 1\nnet.ipv4.conf.all.arp_announce = 2'
const ROUTE = 'default via 10.0.2.2 dev eth0 proto dhcp metric 100\n10.0.2.0/24 dev eth0 proto kernel scope link src 10.0.2.15 metric 100'

/** [kind, startLine, endLine] of each section. */
function shape(text: string): Array<[string, number, number]> {
  return splitPaste(text).map((s) => [s.kind, s.startLine, s.endLine])
}

const count = (text: string) => text.split('\n').length

describe('one output never swallows the next', () => {
  it('ends ip addr at an ss header that follows without a blank line', () => {
    expect(shape(`${IP_ADDR}\n${SS}`)).toEqual([
      ['ip-addr', 1, count(IP_ADDR)],
      ['ss-listen-tcp', count(IP_ADDR) + 1, count(IP_ADDR) + count(SS)],
    ])
  })

  it('ends ip addr at an indented /proc/net/tcp header, and tcp at the tcp6 header', () => {
    const n = count(IP_ADDR)
    expect(shape(`${IP_ADDR}\n${TCP}\n${TCP6}`)).toEqual([
      ['ip-addr', 1, n],
      ['proc-net-tcp', n + 1, n + 3],
      ['proc-net-tcp6', n + 4, n + 6],
    ])
  })

  it('ends sysctl output at route lines and routes at the next prompt', () => {
    expect(shape(`$ sysctl -a | grep arp\n${SYSCTL}\n${ROUTE}\n$ ip a\n${IP_ADDR}`)).toEqual([
      ['sysctl', 2, 3],
      ['ip-route', 4, 5],
      ['ip-addr', 7, 6 + count(IP_ADDR)],
    ])
  })

  it('ends output at a prose line right under it, which is ignored', () => {
    const {sections, ignored} = readPaste(`$ ip r\n${ROUTE}\nThat is all we have.`)
    expect(sections.map((s) => [s.kind, s.startLine, s.endLine])).toEqual([['ip-route', 2, 3]])
    expect(ignored).toEqual([{startLine: 4, endLine: 4, preview: 'That is all we have.', text: 'That is all we have.'}])
  })

  it('starts output right under a prose line', () => {
    expect(shape(`Here is ip a:\n${IP_ADDR}`)).toEqual([['ip-addr', 2, 1 + count(IP_ADDR)]])
  })

  it('ends one JSON array where its brackets close, also when the next starts on the next line', () => {
    const addr = linuxFixture('sample-metallb-kind-node', 'ip-addr-json.txt').trim()
    const route = linuxFixture('debian12-iproute2-6.1-netns-vip', 'ip-route-json.txt').trim()
    expect(shape(`${addr}\n${route}`)).toEqual([['ip-addr-json', 1, 1], ['ip-route-json', 2, 2]])
  })

  it('follows pretty-printed JSON over many lines', () => {
    const pretty = JSON.stringify(JSON.parse(linuxFixture('sample-metallb-kind-node', 'ip-addr-json.txt')), null, 4)
    const n = count(pretty)
    expect(shape(`$ ip -j -p addr\n${pretty}\n$ ss -ltn\n${SS}`)).toEqual([['ip-addr-json', 2, n + 1], ['ss-listen-tcp', n + 3, n + 2 + count(SS)]])
    expect(shape(pretty)).toEqual([['ip-addr-json', 1, n]])
  })
})

describe('blank lines and repeated commands', () => {
  it('merges ip addr output that blank lines cut between interfaces', () => {
    const lines = IP_ADDR.split('\n')
    const cut = lines.findIndex((line, i) => i > 0 && /^\d+:/.test(line))
    const text = [...lines.slice(0, cut), '', '', ...lines.slice(cut)].join('\n')
    expect(shape(text)).toEqual([['ip-addr', 1, lines.length + 2]])
  })

  it('keeps output under its own prompt apart, even of the same kind', () => {
    expect(shape(`$ sysctl net.ipv4.conf.all.arp_ignore\n${SYSCTL}\n\n$ sysctl -a | grep arp\n${SYSCTL}`)).toEqual([['sysctl', 2, 3], ['sysctl', 6, 7]])
  })

  it('never merges two JSON arrays', () => {
    const addr = linuxFixture('sample-metallb-kind-node', 'ip-addr-json.txt').trim()
    expect(shape(`${addr}\n\n${addr}`)).toEqual([['ip-addr-json', 1, 1], ['ip-addr-json', 3, 3]])
  })

  it('ignores a known command that printed nothing before a blank line', () => {
    const {sections, ignored} = readPaste(`$ ss -ltn\n\n${SYSCTL}`)
    expect(sections.map((s) => [s.kind, s.startLine, s.command])).toEqual([['sysctl', 3, undefined]])
    expect(ignored.map((b) => b.preview)).toEqual(['$ ss -ltn'])
  })
})

describe('look-alikes and unknown commands are ignored, not misread', () => {
  const LINK = ['1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue state UNKNOWN mode DEFAULT group default qlen 1000',
    '    link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00'].join('\n')

  it('does not take ip link output for ip addr (no addresses), with or without its prompt', () => {
    expect(splitPaste(`$ ip link\n${LINK}`)).toEqual([])
    expect(splitPaste(LINK)).toEqual([])
  })

  it('does not take a pasted sysctl.conf for live values when its command says so', () => {
    expect(splitPaste(`[root@rs1 ~]# cat /etc/sysctl.d/90-lb.conf\n${SYSCTL}\n\n${SYSCTL}`)).toEqual([])
  })

  it('does not take config-only syntax (comments, key =2, key=1) for sysctl output', () => {
    expect(splitPaste('net.ipv4.conf.ib0.arp_announce =2\nnet.ipv4.conf.ib1.arp_filter =1')).toEqual([])
    expect(splitPaste('# DSR\nnet.ipv4.conf.lo.arp_ignore=1')).toEqual([])
  })

  it('does not take an indented keepalived entry or a sentence for a route', () => {
    expect(splitPaste('    virtual_ipaddress {\n        172.1.1.114 dev tunl0\n    }')).toEqual([])
    expect(splitPaste('10.0.0.0/8 via the firewall is fine')).toEqual([])
  })

  it('ignores the output of ip -br, ip route get and ipvsadm', () => {
    const text = ['$ ip -br a', 'lo               UNKNOWN        127.0.0.1/8 ::1/128', '$ ip route get 198.51.100.10',
      '198.51.100.10 via 192.0.2.1 dev eth0 src 192.0.2.10 uid 0', '    cache', '$ ipvsadm -Ln', 'IP Virtual Server version 1.2.1 (size=4096)'].join('\n')
    const {sections, ignored} = readPaste(text)
    expect(sections).toEqual([])
    expect(ignored).toHaveLength(1)
    expect(ignored[0]).toMatchObject({startLine: 1, endLine: 7})
  })

  it('still finds a header no other output has after an unknown command', () => {
    expect(shape(`$ uname -a\nLinux rs1 5.15.0-91-generic #101-Ubuntu SMP x86_64 GNU/Linux\n${SS}`)).toEqual([['ss-listen-tcp', 3, 2 + count(SS)]])
  })

  it('lets a known command find its output past a banner line', () => {
    const text = `$ kubectl exec web-0 -- ss -ltn\nDefaulted container "web" out of: web, istio-proxy\n${SS}`
    expect(splitPaste(text)).toMatchObject([{kind: 'ss-listen-tcp', startLine: 3, commandLine: 1}])
  })
})

describe('garbage in', () => {
  it.each(['', '\n', '\r\n\r\n', '   \n\t\n'])('finds nothing in %j', (text) => {
    expect(readPaste(text)).toEqual({sections: [], ignored: []})
  })

  it('finds no sections in random binary and does not throw', () => {
    // A fixed linear congruential generator: the same bytes every run.
    let seed = 20240607
    const bytes = Buffer.from(Array.from({length: 64 * 1024}, () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) >> 16) & 0xff))
    for (const text of [bytes.toString('latin1'), bytes.toString('utf8'), `\u0000\u0001\u0002[{"ifindex":\u0000\n\u001f\u008b\u0008`]) {
      const {sections, ignored} = readPaste(text)
      expect(sections).toEqual([])
      expect(ignored.length).toBeGreaterThan(0)
    }
  })

  it('survives unbalanced JSON and stray brackets', () => {
    expect(() => readPaste('[[[[{{{{"\n]]]]\n[\n{"dst":\n')).not.toThrow()
  })
})
