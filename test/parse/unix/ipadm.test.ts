import {describe, expect, it} from 'vitest'

import {ParseError} from '../../../src/parse/parse-error.js'
import {parseIpadmShowAddr} from '../../../src/parse/unix/ipadm-show-addr.js'
import {parseIpadmShowProp} from '../../../src/parse/unix/ipadm-show-prop.js'

const PROP_HEADER = 'PROTO PROPERTY              PERM CURRENT      PERSISTENT   DEFAULT      POSSIBLE'

describe('parseIpadmShowProp', () => {
  // Synthetic: no real `ipadm show-prop -p hostmodel` capture was found; the layout is that of the real
  // tcp rows in fixtures/solaris/docs-tcp-send-buf, the values those Oracle's tunables manual lists.
  it('reads the ipv4 and ipv6 hostmodel rows, with `--` as no value', () => {
    const text = [PROP_HEADER, 'ipv4  hostmodel             rw   weak         strong       weak         strong,src-priority,weak', 'ipv6  hostmodel             rw   weak         --           weak         strong,src-priority,weak'].join('\r\n')
    expect(parseIpadmShowProp(text)).toEqual([
      {protocol: 'ipv4', property: 'hostmodel', perm: 'rw', current: 'weak', persistent: 'strong', default: 'weak', possible: ['strong', 'src-priority', 'weak'], line: 2},
      {protocol: 'ipv6', property: 'hostmodel', perm: 'rw', current: 'weak', default: 'weak', possible: ['strong', 'src-priority', 'weak'], line: 3},
    ])
  })

  it.each([
    ['empty output', '', /no header line/],
    ['an error instead of a table', 'ipadm: unknown property hostmodel', /no header line/],
    ['a row missing a column', `${PROP_HEADER}\nipv4  hostmodel rw weak`, /expected 7 columns .* found 4 on line 2/],
  ])('throws ParseError on %s (synthetic)', (_name, text, message) => {
    expect(() => parseIpadmShowProp(text)).toThrow(ParseError)
    expect(() => parseIpadmShowProp(text)).toThrow(message)
  })
})

describe('parseIpadmShowAddr', () => {
  // Synthetic rows in the `-o all` layout of fixtures/solaris/blog-illumos-zone-show-addr-all: a VIP created
  // with `ipadm create-addr -T static -a local=198.51.100.10/32 lo0/vip1`, a temporary one (-t), a point-to-point one.
  it('keeps the persistent flags, the local side of a point-to-point address, and `?` as no address', () => {
    const rows = parseIpadmShowAddr(
      [
        'ADDROBJ           TYPE     STATE        CURRENT PERSISTENT ADDR',
        'lo0/vip1          static   ok           U----   U--        198.51.100.10/32',
        'lo0/vip2          static   ok           U----   ---        198.51.100.11/32',
        'ip.tun0/v4        static   ok           U--p-   U-p        10.0.0.1->10.0.0.2',
        'net1/v4           static   disabled     -----   U--        ?',
      ].join('\n'),
    )
    expect(rows.map((r) => [r.addrobj, r.interface, r.persistent, r.address, r.prefixLength])).toEqual([
      ['lo0/vip1', 'lo0', 'U--', '198.51.100.10', 32],
      ['lo0/vip2', 'lo0', '---', '198.51.100.11', 32],
      ['ip.tun0/v4', 'ip.tun0', 'U-p', '10.0.0.1', 32],
      ['net1/v4', 'net1', 'U--', undefined, undefined],
    ])
  })

  it.each([
    ['no header', 'lo0/v4 static ok 127.0.0.1/8', /no header line with ADDROBJ/],
    ['an address that is none', 'ADDROBJ TYPE STATE ADDR\nlo0/v4 static ok 127.0.0.300/8', /"127.0.0.300\/8" is not an address on line 2/],
  ])('throws ParseError on %s (synthetic)', (_name, text, message) => {
    expect(() => parseIpadmShowAddr(text)).toThrow(message)
  })
})
