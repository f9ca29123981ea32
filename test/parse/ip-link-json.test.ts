import {describe, expect, it} from 'vitest'

import {parseIpLinkMacs} from '../../src/parse/ip-link-json.js'
import {ParseError} from '../../src/parse/parse-error.js'

// Captured on 2026-11-26 with iproute2 6.1.0 inside a test network namespace.
const LINK =
  '[{"ifindex":2,"link_index":3,"ifname":"eth0","flags":["BROADCAST","MULTICAST","UP","LOWER_UP"],"mtu":1500,"qdisc":"noqueue","operstate":"UP","linkmode":"DEFAULT","group":"default","txqlen":1000,"link_type":"ether","address":"da:3c:72:8f:fa:37","broadcast":"ff:ff:ff:ff:ff:ff","link_netnsid":0}]'
const ADDR_WITH_LO =
  '[{"ifindex":1,"ifname":"lo","flags":["LOOPBACK","UP","LOWER_UP"],"mtu":65536,"qdisc":"noqueue","operstate":"UNKNOWN","group":"default","txqlen":1000,"link_type":"loopback","address":"00:00:00:00:00:00","broadcast":"00:00:00:00:00:00","addr_info":[]},{"ifindex":2,"link_index":4,"ifname":"eth0","flags":["BROADCAST","MULTICAST","UP","LOWER_UP"],"mtu":1500,"qdisc":"noqueue","operstate":"UP","group":"default","txqlen":1000,"link_type":"ether","address":"3e:2e:09:91:f5:f2","broadcast":"ff:ff:ff:ff:ff:ff","link_netnsid":0,"addr_info":[{"family":"inet","local":"192.0.2.5","prefixlen":24,"scope":"global","label":"eth0","valid_life_time":4294967295,"preferred_life_time":4294967295}]}]'

describe('parseIpLinkMacs', () => {
  it('reads the Ethernet address of `ip -j link` and `ip -j addr` (live output)', () => {
    expect(parseIpLinkMacs(LINK)).toEqual([{name: 'eth0', mac: 'da:3c:72:8f:fa:37'}])
    expect(parseIpLinkMacs(ADDR_WITH_LO)).toEqual([
      {name: 'lo', mac: null},
      {name: 'eth0', mac: '3e:2e:09:91:f5:f2'},
    ])
  })

  it('skips filtered {} entries and refuses non-objects (synthetic)', () => {
    expect(parseIpLinkMacs('[{}]')).toEqual([])
    expect(() => parseIpLinkMacs('["eth0"]')).toThrow(ParseError)
    expect(() => parseIpLinkMacs('')).toThrow(/the output is empty/)
  })
})
