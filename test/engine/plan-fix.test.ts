/** planFix: the sysctl change a fix prints, under the kernel's max(all, scope). */
import {describe, expect, it} from 'vitest'

import {planFix, type SysctlRequirement} from '../../src/engine/functions/sysctl-judgement.js'

const arpIgnore: SysctlRequirement = {key: 'arp_ignore', pass: [1, 2], fixValue: 1, meanings: {other: ''}}
const loose: SysctlRequirement = {key: 'rp_filter', pass: [0, 2], fixValue: 2, meanings: {other: ''}}

describe('planFix', () => {
  it('changes nothing that already passes', () => {
    expect(planFix(arpIgnore, 1, 0)).toEqual({})
    expect(planFix(loose, 0, 0, 'all')).toEqual({})
  })

  it('raises the scope over a strict all when preferring the scope (tunl0=2 beats all=1)', () => {
    expect(planFix(loose, 1, 0)).toEqual({scope: 2})
    expect(planFix(loose, 1, 1)).toEqual({scope: 2})
  })

  it('writes all when preferring it, and the scope as well only when its own value is out of range', () => {
    expect(planFix(arpIgnore, 0, 0, 'all')).toEqual({all: 1})
    expect(planFix(arpIgnore, 1, 6, 'all')).toEqual({scope: 1})
    expect(planFix(arpIgnore, 0, 6, 'all')).toEqual({scope: 1})
    expect(planFix(arpIgnore, 5, 6, 'all')).toEqual({all: 1, scope: 1})
  })

  it('must lower a reserved all whichever is preferred, since max() keeps it', () => {
    expect(planFix(arpIgnore, 5, 0)).toEqual({all: 1})
    expect(planFix(arpIgnore, 5, 0, 'all')).toEqual({all: 1})
    expect(planFix(loose, 3, 0)).toEqual({all: 2})
  })
})
