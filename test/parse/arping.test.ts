import {readFileSync} from 'node:fs'

import {describe, expect, it} from 'vitest'

import {arpingFlavor, isArpingPrivilegeError, parseArping, respondingMacs} from '../../src/parse/arping.js'
import {canonicalMac} from '../../src/parse/mac-address.js'
import {ParseError} from '../../src/parse/parse-error.js'
import {describeGolden} from '../helpers/fixtures.js'

describeGolden('arping', parseArping)

const fixture = (scenario: string): string => readFileSync(new URL(`../../fixtures/linux/${scenario}/arping.txt`, import.meta.url), 'utf8')

describe('parseArping', () => {
  it('lists both responders of a VIP in the order they first answered (iputils and Habets, live captures)', () => {
    const lb = '3e:2e:09:91:f5:f2'
    const rs1 = '8e:b8:ca:eb:db:60'
    expect(respondingMacs(parseArping(fixture('arping-debian12-iputils-netns-two-responders')))).toEqual([rs1, lb])
    expect(respondingMacs(parseArping(fixture('arping-debian12-habets-netns-two-responders')))).toEqual([rs1, lb])
  })

  it('finds no responder when nobody answered', () => {
    for (const scenario of ['arping-debian12-iputils-netns-no-responder', 'arping-debian12-habets-netns-no-responder']) {
      const output = parseArping(fixture(scenario))
      expect(respondingMacs(output), scenario).toEqual([])
      expect(output.received, scenario).toBe(0)
    }
  })

  it('gives the same result for CRLF line ends and trailing spaces', () => {
    for (const scenario of ['arping-debian12-iputils-netns-two-responders', 'arping-debian12-habets-netns-two-responders']) {
      const text = fixture(scenario)
      const expected = parseArping(text)
      expect(parseArping(text.replace(/\n/g, '\r\n')), scenario).toEqual(expected)
      expect(parseArping(text.replace(/\n/g, '   \n')), scenario).toEqual(expected)
    }
  })

  it('reads the rarer iputils reply forms (synthetic lines built from the iputils printf format)', () => {
    const text = [
      'ARPING 192.0.2.100 from 192.0.2.2 eth0',
      'Broadcast reply from 192.0.2.100 [00:11:22:33:44:55]  1.000ms',
      'Unicast reply from 192.0.2.100 [00:11:22:33:44:66] for 192.0.2.9  2.5ms',
      'Unicast reply from 192.0.2.100 [00:11:22:33:44:77] for [00:AA:BB:CC:DD:EE]  3.000ms',
      'Unicast request from 192.0.2.100 [00:11:22:33:44:88]  UNSOLICITED?',
      'Sent 2 probes (2 broadcast(s))',
      'Received 4 response(s) (1 request(s), 1 broadcast(s))',
    ].join('\n')
    const output = parseArping(text)
    expect(output.replies.map((r) => [r.kind, r.mac, r.timeMs])).toEqual([
      ['reply', '00:11:22:33:44:55', 1],
      ['reply', '00:11:22:33:44:66', 2.5],
      ['reply', '00:11:22:33:44:77', 3],
      ['request', '00:11:22:33:44:88', null],
    ])
    expect(respondingMacs(output)).toEqual(['00:11:22:33:44:55', '00:11:22:33:44:66', '00:11:22:33:44:77'])
    expect(output.received).toBe(4)
  })

  it('converts every Habets time unit to milliseconds', () => {
    const line = (time: string): string => `ARPING 192.0.2.1\n42 bytes from 00:11:22:33:44:55 (192.0.2.1): index=0 time=${time}\n`
    expect(parseArping(line('500.000 nsec')).replies[0]?.timeMs).toBe(0.0005)
    expect(parseArping(line('584.515 usec')).replies[0]?.timeMs).toBe(0.584515)
    expect(parseArping(line('7.364 msec')).replies[0]?.timeMs).toBe(7.364)
    expect(parseArping(line('1.011 sec')).replies[0]?.timeMs).toBe(1011)
  })

  it.each([
    ['empty output', '', /the output is empty/],
    ['only blank lines', '\n  \n', /the output is empty/],
    ['no header', 'Unicast reply from 192.0.2.1 [00:11:22:33:44:55]  0.5ms\n', /expected an "ARPING <address>" header/],
    ['a host name as target', 'ARPING lb.example from 192.0.2.2 eth0\n', /not an IPv4 address/],
    ['a truncated reply line', 'ARPING 192.0.2.1 from 192.0.2.2 eth0\nUnicast reply from 192.0.2.1 [00:11:22\n', /unexpected iputils line .* on line 2/],
    ['a bad MAC', 'ARPING 192.0.2.1 from 192.0.2.2 eth0\nUnicast reply from 192.0.2.1 [00:11:22:33:44:GG]  0.5ms\n', /unexpected iputils line/],
    ['a seven-octet MAC', 'ARPING 192.0.2.1\n42 bytes from 00:11:22:33:44:55:66 (192.0.2.1): index=0 time=1.0 usec\n', /is not a MAC address/],
    ['a Habets line after an iputils header', 'ARPING 192.0.2.1 from 192.0.2.2 eth0\n42 bytes from 00:11:22:33:44:55 (192.0.2.1): index=0 time=1.0 usec\n', /unexpected iputils line/],
    ['an error message as output', 'arping: Device eth9 not available.\n', /header/],
  ])('throws a ParseError for %s (synthetic)', (_name, text, message) => {
    expect(() => parseArping(text)).toThrow(ParseError)
    expect(() => parseArping(text)).toThrow(message)
  })
})

describe('arpingFlavor', () => {
  it('recognises `arping -V` of both implementations (live output)', () => {
    expect(arpingFlavor('arping from iputils 20221126\nlibcap: yes, IDN: yes, NLS: no, error.h: yes, getrandom(): yes, __fpending(): yes\n')).toBe('iputils')
    const habets = 'ARPing 2.23, by Thomas Habets <thomas@habets.se>\nusage: arping [ -0aAbdDeFpPqrRuUvzZ ] [ -w <sec> ] [ -W <sec> ] [ -S <host/ip> ]\n'
    expect(arpingFlavor(`/usr/sbin/arping: option requires an argument -- 'V'\n${habets}`)).toBe('habets')
  })

  it('recognises the older iputils version line (as quoted from a real Android toolbox session)', () => {
    expect(arpingFlavor('arping utility, iputils-s20121221\n')).toBe('iputils')
  })

  it('refuses other implementations (synthetic BusyBox-style text)', () => {
    expect(() => arpingFlavor("arping: invalid option -- 'V'\nBusyBox v1.36.1 multi-call binary.\n")).toThrow(/neither iputils nor Habets/)
  })
})

describe('isArpingPrivilegeError', () => {
  it('recognises both implementations\' messages when run without CAP_NET_RAW (live stderr)', () => {
    expect(isArpingPrivilegeError('/tmp/arping-nocaps: socket: Operation not permitted\n')).toBe(true)
    expect(
      isArpingPrivilegeError('arping: libnet_init(LIBNET_LINK, eth0): libnet_open_link(): UID/EUID 0 or capability CAP_NET_RAW required\narping: you may need to run as root\n'),
    ).toBe(true)
  })

  it('does not take other failures for a privilege problem (live stderr)', () => {
    expect(isArpingPrivilegeError('arping: Device eth9 not available.\n')).toBe(false)
    expect(isArpingPrivilegeError('arping: libnet_init(LIBNET_LINK, eth9): libnet_check_iface() ioctl: No such device\n')).toBe(false)
  })
})

describe('canonicalMac', () => {
  it.each([
    ['8E:B8:CA:EB:DB:60', '8e:b8:ca:eb:db:60'],
    ['0:c:29:19:10:65', '00:0c:29:19:10:65'],
    ['00-0C-29-19-10-65', '00:0c:29:19:10:65'],
    ['000c.2919.1065', '00:0c:29:19:10:65'],
  ])('%s → %s', (text, mac) => {
    expect(canonicalMac(text)).toBe(mac)
  })

  it.each(['', '00:11:22:33:44', '00:11:22:33:44:55:66', '00:11:22:33:44:5g', '001:1:22:33:44:55', '000c.2919.10656'])('refuses %j', (text) => {
    expect(canonicalMac(text)).toBeUndefined()
  })
})
