/**
 * The three detectors added to src/parse for pastes (ip -j addr, ip -j route, /proc/net/tcp):
 * true on every real capture of their format in fixtures/linux, false on the other formats and
 * on their look-alikes (`ip -j link` carries no addr_info).
 */
import {readdirSync} from 'node:fs'

import {describe, expect, it} from 'vitest'

import {looksLikeIpAddrJson} from '../../src/parse/ip-addr-json.js'
import {looksLikeIpRouteJson} from '../../src/parse/ip-route-json.js'
import {looksLikeProcNetTcp} from '../../src/parse/proc-net-tcp.js'
import {linuxFixture} from './paste-fixtures.js'

/** Every `fixtures/linux/<scenario>/<file>` with one of these names. */
function captures(...files: string[]): Array<[string, string]> {
  const root = new URL('../../fixtures/linux/', import.meta.url)
  return readdirSync(root, {withFileTypes: true})
    .filter((entry) => entry.isDirectory())
    .flatMap((entry) => readdirSync(new URL(`${entry.name}/`, root)).filter((f) => files.includes(f)).map((f): [string, string] => [`${entry.name}/${f}`, linuxFixture(entry.name, f)]))
}

const ADDR_JSON = captures('ip-addr-json.txt')
const ROUTE_JSON = captures('ip-route-json.txt', 'ip6-route-json.txt')
const PROC = captures('proc-net-tcp.txt', 'proc-net-tcp6.txt')
const OTHER_TEXT = captures('ip-addr.txt', 'ip-route.txt', 'ss-listen-tcp.txt', 'sysctl-a.txt')

const LINK_JSON = JSON.stringify((JSON.parse(ADDR_JSON[0]?.[1] ?? '[]') as Array<Record<string, unknown>>).map(({addr_info: _a, ...rest}) => rest))

describe.each([
  {
    name: 'looksLikeIpAddrJson',
    detect: looksLikeIpAddrJson,
    mine: ADDR_JSON,
    // A filter leaves `{}` entries in front.
    extra: '[{},{},{"ifindex":3,"ifname":"eth0","addr_info":[]}]',
    // `ip -j link` has no addr_info.
    others: [LINK_JSON, ...ROUTE_JSON.map(([, t]) => t)],
  },
  {
    name: 'looksLikeIpRouteJson',
    detect: looksLikeIpRouteJson,
    mine: ROUTE_JSON,
    // A first route that opens with its type.
    extra: '[{"type":"local","dst":"198.51.100.10","dev":"lo","table":"local"}]',
    others: ADDR_JSON.map(([, t]) => t),
  },
])('$name', ({detect, mine, extra, others}) => {
  it('has captures to check', () => expect(mine.length).toBeGreaterThan(1))
  it.each(mine)('%s, compact and pretty-printed', (_name, text) => {
    expect(detect(text)).toBe(true)
    expect(detect(JSON.stringify(JSON.parse(text), null, 4))).toBe(true)
  })

  it('takes the unusual start', () => expect(detect(extra)).toBe(true))

  it('rejects the other JSON, text output and an empty array', () => {
    for (const text of [...others, ...OTHER_TEXT.map(([, t]) => t), '[]', '']) expect(detect(text)).toBe(false)
  })
})

describe('looksLikeProcNetTcp', () => {
  it('has captures to check', () => expect(PROC.length).toBeGreaterThan(2))
  it.each(PROC)('%s: header and every row', (_name, text) => {
    expect(looksLikeProcNetTcp(text)).toBe(true)
    for (const row of text.split('\n').filter((line) => line.trim() !== '')) expect(looksLikeProcNetTcp(row)).toBe(true)
  })

  it('rejects other output', () => {
    for (const [, text] of [...OTHER_TEXT, ...ADDR_JSON]) expect(looksLikeProcNetTcp(text)).toBe(false)
  })
})
