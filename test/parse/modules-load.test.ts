import {describe, expect, it} from 'vitest'

import {parseModulesLoad} from '../../src/parse/modules-load.js'
import {describeGolden} from '../helpers/fixtures.js'

describeGolden('modules-load', (text) => parseModulesLoad(text, '/etc/modules'))

describe('parseModulesLoad', () => {
  // Synthetic: the grammar of systemd-modules-load's apply_file().
  it('skips # and ; comments and blank lines, strips blanks, keeps line numbers', () => {
    const text = '; vendor\n  # LVS TUN\n\n  ipip  \n8021q\r\n'
    expect(parseModulesLoad(text, '/etc/modules-load.d/lb.conf')).toEqual([
      {module: 'ipip', file: '/etc/modules-load.d/lb.conf', line: 4},
      {module: '8021q', file: '/etc/modules-load.d/lb.conf', line: 5},
    ])
  })

  it('takes the first word of a Debian /etc/modules line with arguments, and has no end-of-line comments', () => {
    expect(parseModulesLoad('bonding mode=4 miimon=100\nipip # tunnel\n', '/etc/modules').map((e) => e.module)).toEqual(['bonding', 'ipip'])
  })

  it('returns nothing for an empty file', () => {
    expect(parseModulesLoad('', '/etc/modules-load.d/empty.conf')).toEqual([])
  })
})
