import {describe, expect, it} from 'vitest'

import {parseIpNeighJson} from '../../src/parse/ip-neigh-json.js'
import {ParseError} from '../../src/parse/parse-error.js'

// Captured on 2026-11-26 with iproute2 6.1.0 inside test network namespaces (192.0.2.0/24).
const FILTERED_BY_DEV = '[{"dst":"192.0.2.11","lladdr":"8e:b8:ca:eb:db:60","state":["STALE"]}]'
const ALL = '[{"dst":"192.0.2.11","dev":"rsa-mv0","lladdr":"8e:b8:ca:eb:db:60","state":["STALE"]},{"dst":"192.0.2.12","dev":"rsa-mv0","lladdr":"0e:30:06:24:50:0f","state":["STALE"]}]'

describe('parseIpNeighJson', () => {
  it('reads address, device, MAC and state (live output)', () => {
    expect(parseIpNeighJson(ALL)).toEqual([
      {address: '192.0.2.11', dev: 'rsa-mv0', mac: '8e:b8:ca:eb:db:60', state: ['STALE']},
      {address: '192.0.2.12', dev: 'rsa-mv0', mac: '0e:30:06:24:50:0f', state: ['STALE']},
    ])
    expect(parseIpNeighJson(FILTERED_BY_DEV)).toEqual([{address: '192.0.2.11', dev: null, mac: '8e:b8:ca:eb:db:60', state: ['STALE']}])
  })

  it('gives an unresolved entry no MAC and reads an empty table (synthetic, iproute2 shapes)', () => {
    expect(parseIpNeighJson('[{"dst":"192.0.2.44","dev":"eth0","state":["FAILED"]},{}]')).toEqual([{address: '192.0.2.44', dev: 'eth0', mac: null, state: ['FAILED']}])
    expect(parseIpNeighJson('[]')).toEqual([])
  })

  it.each([
    ['', /the output is empty/],
    ['{"dst":"192.0.2.1"}', /expected a JSON array/],
    ['[1]', /entry 0 is not an object/],
    ['[{"dst":"not-an-ip","state":[]}]', /entry 0 has no valid "dst"/],
  ])('throws a ParseError on %j (synthetic)', (text, message) => {
    expect(() => parseIpNeighJson(text)).toThrow(ParseError)
    expect(() => parseIpNeighJson(text)).toThrow(message)
  })
})
