import {existsSync, readdirSync, readFileSync} from 'node:fs'

import {describe, expect, it} from 'vitest'

import {ParseError} from '../../../src/parse/parse-error.js'
import {looksLikeNetstatAno, parseNetstatAno} from '../../../src/parse/windows/netstat-ano.js'

const ROOT = new URL('../../../fixtures/windows/', import.meta.url)
const read = (path: string): string => readFileSync(new URL(path, ROOT), 'utf8')
const goldens = readdirSync(ROOT).filter((dir) => dir.startsWith('misc-') && existsSync(new URL(`${dir}/netstat-ano.expected.json`, ROOT)))

const row = (local: string, peer: string, state: string): string => `  TCP    ${local.padEnd(22)} ${peer.padEnd(22)} ${state.padEnd(15)} 4`

describe('parseNetstatAno', () => {
  it.each(goldens)('golden fixture %s (with SOURCE.md)', (dir) => {
    expect(existsSync(new URL(`${dir}/SOURCE.md`, ROOT))).toBe(true)
    expect(parseNetstatAno(read(`${dir}/netstat-ano.txt`))).toEqual(JSON.parse(read(`${dir}/netstat-ano.expected.json`)))
  })

  it('gives the same result for CRLF and trailing spaces', () => {
    const text = read('misc-win81-de-crwinnetdiag/netstat-ano.txt')
    expect(parseNetstatAno(text.replace(/\n/g, '   \r\n'))).toEqual(parseNetstatAno(text))
  })

  it.each(['LISTENING', 'ABHÖREN', 'ÉCOUTE', 'ESCUCHANDO', 'IN ASCOLTO', 'ПРОСЛУШИВАНИЕ', '侦听', '待ち受け'])(
    'reads the state %s as listening',
    (state) => {
      expect(parseNetstatAno(row('0.0.0.0:80', '0.0.0.0:0', state))).toEqual([{protocol: 'tcp', address: '0.0.0.0', port: 80, process: 'pid 4'}])
    },
  )

  it('takes a wildcard peer as listening whatever the state word (mojibake, unknown language)', () => {
    expect(parseNetstatAno(row('[::]:443', '[::]:0', 'ABH�REN'))).toHaveLength(1)
    expect(parseNetstatAno(row('10.0.0.5:50000', '10.0.0.9:443', 'HERGESTELLT'))).toEqual([])
  })

  it.each([
    ['[::]:80', '::', 80],
    ['[fe80::1%7]:139', 'fe80::1', 139],
    ['[::FFFF:192.0.2.1]:8080', '::ffff:192.0.2.1', 8080],
    ['192.0.2.10:80', '192.0.2.10', 80],
  ])('reads the local address %s', (local, address, port) => {
    expect(parseNetstatAno(row(local, '0.0.0.0:0', 'LISTENING'))).toEqual([{protocol: 'tcp', address, port, process: 'pid 4'}])
  })

  it.each([
    ['netstat -an (no PID column)', '  TCP    0.0.0.0:135            0.0.0.0:0              LISTENING\n'],
    ['names instead of numbers', row('web01:http', '0.0.0.0:0', 'LISTENING')],
    ['prose after the rows', `${row('0.0.0.0:80', '0.0.0.0:0', 'LISTENING')}\nSee you tomorrow`],
    ['text without any row', 'Active Connections\n\n  Proto  Local Address          Foreign Address        State           PID\n'],
  ])('refuses %s', (_, text) => {
    expect(() => parseNetstatAno(text)).toThrow(ParseError)
  })

  it('detects netstat -ano output', () => {
    expect(looksLikeNetstatAno(read('misc-win10-zh-cn-incident-response/netstat-ano.txt'))).toBe(true)
    expect(looksLikeNetstatAno('tcp        0      0 0.0.0.0:22              0.0.0.0:*               LISTEN      7148/sshd')).toBe(false)
    expect(looksLikeNetstatAno(read('misc-win81-de-crwinnetdiag/route-print.txt'))).toBe(false)
  })
})
