import {describe, expect, it} from 'vitest'

import {arpingArgv} from '../../../src/collect/probe/arping.js'

describe('arpingArgv', () => {
  const request = {target: '192.0.2.100', interface: 'eth0', count: 3, source: '192.0.2.5'}

  it('keeps iputils broadcasting (-b) and names source and interface', () => {
    expect(arpingArgv('iputils', request)).toEqual(['arping', '-b', '-c', '3', '-s', '192.0.2.5', '-I', 'eth0', '192.0.2.100'])
  })

  it("uses Habets' spelling of the same options", () => {
    expect(arpingArgv('habets', request)).toEqual(['arping', '-c', '3', '-S', '192.0.2.5', '-i', 'eth0', '192.0.2.100'])
  })

  it('sends from 0.0.0.0 for duplicate address detection', () => {
    expect(arpingArgv('iputils', {...request, dad: true})).toEqual(['arping', '-b', '-c', '3', '-D', '-I', 'eth0', '192.0.2.100'])
    expect(arpingArgv('habets', {...request, dad: true})).toEqual(['arping', '-c', '3', '-0', '-i', 'eth0', '192.0.2.100'])
  })
})
