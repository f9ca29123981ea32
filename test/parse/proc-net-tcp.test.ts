import {describe, expect, it} from 'vitest'

import {ParseError} from '../../src/parse/parse-error.js'
import {parseProcNetTcp} from '../../src/parse/proc-net-tcp.js'
import {describeGolden} from '../helpers/fixtures.js'

describeGolden('proc-net-tcp', (text) => parseProcNetTcp(text, 'inet'))
describeGolden('proc-net-tcp6', (text) => parseProcNetTcp(text, 'inet6'))

const HEADER4 = '  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode'
const HEADER6 = '  sl  local_address                         remote_address                        st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode'
const TAIL = ' 00000000:00000000 00:00000000 00000000     0        0 1069 1 000000004301c41c 100 0 0 10 0'

describe('parseProcNetTcp', () => {
  it('decodes little-endian IPv4 words and hex ports, LISTEN rows only', () => {
    const text = [
      HEADER4,
      `   0: 0100007F:0050 00000000:0000 0A${TAIL}`,
      `   1: 0A6433C6:1f90 00000000:0000 0a${TAIL}`, // lower-case hex is accepted
      `   2: 0100007F:2328 0100007F:B3D4 01${TAIL}`,
    ].join('\r\n')
    expect(parseProcNetTcp(text, 'inet')).toEqual([
      {protocol: 'tcp', address: '127.0.0.1', port: 80},
      {protocol: 'tcp', address: '198.51.100.10', port: 8080},
    ])
  })

  it('decodes the four IPv6 words into canonical text', () => {
    const text = [
      HEADER6,
      `   0: 00000000000000000000000001000000:0016 00000000000000000000000000000000:0000 0A${TAIL}`,
      `   1: 0000000000000000FFFF0000020200C0:0050 00000000000000000000000000000000:0000 0A${TAIL}`,
      `   2: B80D0120000000000000000001000000:01BB 00000000000000000000000000000000:0000 0A${TAIL}`,
      `   3: 000080FE00000000FF851EB0038B0DFE:08AE 00000000000000000000000000000000:0000 0A${TAIL}`,
    ].join('\n')
    expect(parseProcNetTcp(text, 'inet6').map((l) => `${l.address} ${l.port}`)).toEqual([
      '::1 22',
      '::ffff:192.0.2.2 80',
      '2001:db8::1 443',
      'fe80::b01e:85ff:fe0d:8b03 2222',
    ])
  })

  it('reads a header-only table as no listeners', () => {
    expect(parseProcNetTcp(`${HEADER4}\n`, 'inet')).toEqual([])
  })

  it.each([
    ['empty text', '', 'inet'],
    ['rows without the header', `   0: 0100007F:0050 00000000:0000 0A${TAIL}`, 'inet'],
    ['prose', 'cat: /proc/net/tcp: No such file or directory', 'inet'],
    ['an IPv6 table read as IPv4', `${HEADER6}\n   0: 00000000000000000000000001000000:0016 00000000000000000000000000000000:0000 0A${TAIL}`, 'inet'],
    ['an IPv4 table read as IPv6', `${HEADER4}\n   0: 0100007F:0050 00000000:0000 0A${TAIL}`, 'inet6'],
    ['a half row', `${HEADER4}\n   0: 0100007F:0050`],
    ['a row with a non-hex address', `${HEADER4}\n   0: 0100007G:0050 00000000:0000 0A${TAIL}`],
    ['ss output', 'State  Recv-Q Send-Q Local Address:Port Peer Address:Port\nLISTEN 0 128 0.0.0.0:22 0.0.0.0:*'],
  ] as const)('throws ParseError on %s', (_name, text, family = 'inet') => {
    expect(() => parseProcNetTcp(text, family)).toThrow(ParseError)
  })
})
