import {describe, expect, it} from 'vitest'

import {ParseError} from '../../../src/parse/parse-error.js'
import {looksLikeNetTcpConnectionText, parseNetTcpConnectionJson, parseNetTcpConnectionText} from '../../../src/parse/windows/ps-nettcpconnection.js'

describe('parseNetTcpConnectionJson', () => {
  it('keeps Listen (2 or "Listen") and entries without State; leaves other states out', () => {
    const text = JSON.stringify([
      {LocalAddress: '::', LocalPort: 80, RemoteAddress: '::', RemotePort: 0, State: 2, OwningProcess: 4},
      {LocalAddress: '198.51.100.10', LocalPort: 443, State: 'Listen'},
      {LocalAddress: '192.0.2.5', LocalPort: 49700, RemoteAddress: '203.0.113.9', RemotePort: 443, State: 5},
      {LocalAddress: '0.0.0.0', LocalPort: 65144, State: 100},
      {LocalAddress: '0.0.0.0', LocalPort: 3389},
    ])
    expect(parseNetTcpConnectionJson(text)).toEqual([
      {protocol: 'tcp', address: '::', port: 80},
      {protocol: 'tcp', address: '198.51.100.10', port: 443},
      {protocol: 'tcp', address: '0.0.0.0', port: 3389},
    ])
  })

  it('reads a single object and an empty array (no listener)', () => {
    expect(parseNetTcpConnectionJson('{"LocalAddress": "0.0.0.0", "LocalPort": 135, "State": 2}')).toEqual([{protocol: 'tcp', address: '0.0.0.0', port: 135}])
    expect(parseNetTcpConnectionJson('[]\r\n')).toEqual([])
  })

  it.each([
    ['a port out of range', '[{"LocalAddress": "0.0.0.0", "LocalPort": 70000, "State": 2}]'],
    ['a bad address', '[{"LocalAddress": "*", "LocalPort": 80, "State": 2}]'],
    ['no port', '[{"LocalAddress": "0.0.0.0", "State": 2}]'],
    ['an unknown state', '[{"LocalAddress": "0.0.0.0", "LocalPort": 80, "State": 42}]'],
  ])('throws ParseError on %s', (_name, text) => {
    expect(() => parseNetTcpConnectionJson(text)).toThrow(ParseError)
  })
})

describe('parseNetTcpConnectionText', () => {
  it('keeps only Listen rows of plain Get-NetTCPConnection (Bound, CloseWait, Established...)', () => {
    // From a GitHub markdown chapter on profiling systems with PowerShell (code search index file 35235086903), trailing spaces kept.
    const text = [
      'LocalAddress     LocalPort RemoteAddress   RemotePort State       AppliedSetting',
      '------------     --------- -------------   ---------- -----       --------------',
      '::               445       ::              0          Listen                    ',
      '::               135       ::              0          Listen                    ',
      '0.0.0.0          65144     0.0.0.0         0          Bound                     ',
      '0.0.0.0          65051     0.0.0.0         0          Bound                     ',
      '0.0.0.0          49301     0.0.0.0         0          Bound                     ',
      '192.168.1.121    65144     21.58.222.106   443        CloseWait   Internet',
      '192.168.1.121    50577     5.32.165.224    3389       Established Internet',
      '192.168.1.121    50409     14.18.226.52    443        Established Internet      ',
    ].join('\r\n')
    expect(parseNetTcpConnectionText(text)).toEqual([
      {protocol: 'tcp', address: '::', port: 445},
      {protocol: 'tcp', address: '::', port: 135},
    ])
  })

  it('recognizes the table header', () => {
    expect(looksLikeNetTcpConnectionText('LocalAddress                        LocalPort RemoteAddress                       RemotePort State       AppliedSetting OwningProcess')).toBe(true)
    expect(looksLikeNetTcpConnectionText('  Proto  Local Address          Foreign Address        State           PID')).toBe(false)
  })
})
