/**
 * Format detection on inputs where two formats look alike. The real fixtures' detection is
 * checked in golden.test.ts; the ambiguous texts here are SYNTHETIC.
 */
import {describe, expect, it} from 'vitest'

import {detectLbFormat, parseLbConfig} from '../../../src/parse/lb/detect.js'
import {ParseError} from '../../../src/parse/parse-error.js'

describe('detectLbFormat', () => {
  it.each([
    ['ipvsadm IPv6 on a 4-digit port is not the kernel hex table', 'TCP  [2001:db8::1]:8080 rr\n  -> [2001:db8::2]:8080   Route 1 0 0\n', 'ipvsadm-list'],
    ['the kernel table with only a FWM service, told by its unpadded title', 'IP Virtual Server version 1.2.1 (size=4096)\nProt LocalAddress:Port Scheduler Flags\n  -> RemoteAddress:Port Forward Weight ActiveConn InActConn\nFWM  12345678 wrr\n', 'proc-net-ip-vs'],
    ['saved rules after a comment line', '# saved by hand\n\n-A -f 1 -s wrr\n', 'ipvsadm-save'],
    ['ipvsadm commands written out with the program name', 'ipvsadm -A -t 10.0.0.1:80 -s rr\n', 'ipvsadm-save'],
    ['ldirectord with spaces around =', '# comment\nvirtual = 10.0.0.1:80\n\treal=192.0.2.1 gate\n', 'ldirectord'],
    ['keepalived with only an include', 'include /etc/keepalived/conf.d/*.conf\n', 'keepalived'],
  ])('%s', (_name, text, format) => {
    expect(detectLbFormat(text)).toBe(format)
  })

  it('returns undefined for other text, and parseLbConfig says what it accepts', () => {
    const text = 'frontend http-in\n    bind *:80\n    default_backend web_servers\n'
    expect(detectLbFormat(text)).toBeUndefined()
    expect(() => parseLbConfig(text)).toThrow(ParseError)
    expect(() => parseLbConfig(text)).toThrow('not a keepalived.conf, an ldirectord.cf, ipvsadm -Ln or ipvsadm-save output, or /proc/net/ip_vs')
  })

  it('lets the caller name the format', () => {
    expect(parseLbConfig('-A -t 10.0.0.1:80\n', 'ipvsadm-save').format).toBe('ipvsadm-save')
  })
})
