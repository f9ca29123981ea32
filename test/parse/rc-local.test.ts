import {readFileSync} from 'node:fs'
import {join} from 'node:path'

import {describe, expect, it} from 'vitest'

import {commandAddresses, parseRcLocal} from '../../src/parse/rc-local.js'
import {FIXTURES_ROOT} from '../helpers/fixtures.js'

const FILE = '/etc/rc.local'
const read = (...parts: string[]) => readFileSync(join(FIXTURES_ROOT, 'lvs-dr-rc-local', ...parts), 'utf8')
const short = (text: string) => parseRcLocal(text, FILE).map((a) => `${a.interface} ${a.address}/${a.prefixLength} @${a.line}`)

describe('parseRcLocal', () => {
  it('reads ip addr add in any argument order and spelling', () => {
    const text = [
      'ip addr add 198.51.100.10/32 dev lo',
      'ip addr add dev lo 198.51.100.11/32',
      '/sbin/ip -4 address add 198.51.100.12/32 dev lo label lo:12',
      'ip a add 198.51.100.13 dev lo',
      'ip -f inet addr replace local 198.51.100.14/32 dev lo scope host',
      'ip -6 addr add 2001:db8::10/128 dev lo',
      'sudo ip addr add 198.51.100.15/24 brd + dev lo',
    ].join('\n')
    expect(short(text)).toEqual([
      'lo 198.51.100.10/32 @1',
      'lo 198.51.100.11/32 @2',
      'lo:12 198.51.100.12/32 @3',
      'lo 198.51.100.13/32 @4',
      'lo 198.51.100.14/32 @5',
      'lo 2001:db8::10/128 @6',
      'lo 198.51.100.15/24 @7',
    ])
  })

  it('reads ifconfig aliases, with netmask, CIDR or the classful default', () => {
    const text = 'ifconfig lo:0 198.51.100.10 netmask 255.255.255.255 up\nifconfig lo:1 192.168.1.10 up\nifconfig lo:2 10.1.1.1/32\n'
    expect(short(text)).toEqual(['lo:0 198.51.100.10/32 @1', 'lo:1 192.168.1.10/24 @2', 'lo:2 10.1.1.1/32 @3'])
  })

  it('ignores comments, other interfaces, deletions and non-address commands', () => {
    const text = '# ip addr add 198.51.100.1/32 dev lo\nip addr add 10.0.0.5/24 dev eth0\nip addr del 198.51.100.2/32 dev lo\nip route add 198.51.100.3 dev lo\nifconfig lo up\n'
    expect(parseRcLocal(text, FILE)).toEqual([])
  })

  it('joins continuation lines and skips heredoc bodies', () => {
    const text = 'ip addr add \\\n  198.51.100.20/32 dev lo\ncat > /tmp/x <<EOF\nip addr add 198.51.100.21/32 dev lo\nEOF\n'
    expect(short(text)).toEqual(['lo 198.51.100.20/32 @1'])
  })

  it('counts the start) branch of a case script but not stop)', () => {
    const text = 'VIP=198.51.100.30\ncase "$1" in\n  start)\n    ip addr add $VIP/32 dev lo\n    ;;\n  stop)\n    ip addr add 198.51.100.99/32 dev lo\n    ;;\nesac\n'
    expect(short(text)).toEqual(['lo 198.51.100.30/32 @4'])
  })

  it('tolerates CRLF and trailing blanks', () => {
    expect(short('ip addr add 198.51.100.40/32 dev lo   \r\n')).toEqual(['lo 198.51.100.40/32 @1'])
  })

  it('resolves simple variables in a real rc.local (zozyo/phala-guide vip.sh)', () => {
    expect(parseRcLocal(read('etc', 'rc.local'), FILE)).toEqual([
      {mechanism: 'rc.local', interface: 'lo:1', address: '192.168.101.250', prefixLength: 32, file: FILE, line: 9, effective: true},
    ])
  })

  it('reads the tangx lvs_dr_rs.sh script', () => {
    expect(short(read('etc', 'init.d', 'lvs_dr_rs.sh'))).toEqual(['lo:0 192.168.56.206/32 @7'])
  })

  it('skips addresses it cannot resolve (array + loop)', () => {
    expect(parseRcLocal(read('etc', 'init.d', 'realserver'), '/etc/init.d/realserver')).toEqual([])
  })
})

describe('commandAddresses', () => {
  it('splits command lists and keeps going after ||', () => {
    expect(commandAddresses('ip addr show lo | grep -q 198.51.100.1 || ip addr add 198.51.100.1/32 dev lo; true')).toEqual([
      {interface: 'lo', address: '198.51.100.1', prefixLength: 32},
    ])
  })
})
