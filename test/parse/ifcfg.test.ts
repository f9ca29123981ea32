import {readFileSync} from 'node:fs'
import {join} from 'node:path'

import {describe, expect, it} from 'vitest'

import {parseIfcfg} from '../../src/parse/ifcfg.js'
import {FIXTURES_ROOT} from '../helpers/fixtures.js'

const DIR = '/etc/sysconfig/network-scripts'
const read = (...parts: string[]) => readFileSync(join(FIXTURES_ROOT, 'rhel7-ifcfg-lo-vip', ...parts), 'utf8')

describe('parseIfcfg', () => {
  it('reads numbered IPADDRn/NETMASKn from a real ifcfg-lo', () => {
    const file = `${DIR}/ifcfg-lo`
    expect(parseIfcfg(read('etc', 'sysconfig', 'network-scripts', 'ifcfg-lo'), file)).toEqual([
      {mechanism: 'ifcfg', interface: 'lo', address: '127.0.0.1', prefixLength: 8, file, line: 3, effective: true},
      {mechanism: 'ifcfg', interface: 'lo', address: '10.74.68.58', prefixLength: 32, file, line: 9, effective: true},
    ])
  })

  it('reads an alias file with PREFIX (ifcfg-lo:0)', () => {
    const file = `${DIR}/ifcfg-lo:0`
    expect(parseIfcfg(read('etc', 'sysconfig', 'network-scripts', 'ifcfg-lo:0'), file)).toEqual([
      {mechanism: 'ifcfg', interface: 'lo:0', address: '10.74.68.58', prefixLength: 32, file, line: 2, effective: true},
    ])
  })

  it('takes the interface from DEVICE=, not from the file name', () => {
    const file = `${DIR}/ifcfg-lo.1`
    expect(parseIfcfg(read('lo-1', 'etc', 'sysconfig', 'network-scripts', 'ifcfg-lo.1'), file)).toMatchObject([{interface: 'lo:1', address: '3.3.3.3', prefixLength: 32}])
  })

  it('falls back to the file name, unquotes values and lets PREFIX win over NETMASK', () => {
    const text = 'IPADDR="198.51.100.10"\nPREFIX=\'32\'\nNETMASK=255.255.255.0\n'
    expect(parseIfcfg(text, `${DIR}/ifcfg-lo:5`)).toMatchObject([{interface: 'lo:5', address: '198.51.100.10', prefixLength: 32}])
  })

  it('leaves the prefix undefined when none is written, and tolerates CRLF', () => {
    const [entry] = parseIfcfg('DEVICE=lo:2\r\nIPADDR=198.51.100.20\r\n', `${DIR}/ifcfg-lo:2`)
    expect(entry?.address).toBe('198.51.100.20')
    expect(entry?.prefixLength).toBeUndefined()
  })

  it('marks ONBOOT=no and, for an alias, ONPARENT=no as not effective', () => {
    expect(parseIfcfg('DEVICE=lo\nIPADDR1=198.51.100.10\nNETMASK1=255.255.255.255\nONBOOT=no\n', `${DIR}/ifcfg-lo`)).toMatchObject([
      {effective: false, note: expect.stringContaining('ONBOOT=no')},
    ])
    expect(parseIfcfg('DEVICE=lo:0\nIPADDR=198.51.100.10\nONPARENT=no\n', `${DIR}/ifcfg-lo:0`)).toMatchObject([
      {effective: false, note: expect.stringContaining('ONPARENT=no')},
    ])
  })

  it('returns nothing for other devices', () => {
    expect(parseIfcfg('DEVICE=eth0\nIPADDR=10.0.0.5\nPREFIX=24\n', `${DIR}/ifcfg-eth0`)).toEqual([])
  })
})
