/**
 * Parses a Solaris /etc/hostname.<interface> (hostname6.<interface> for IPv6) file, which the
 * boot-time network service passes to ifconfig: for /etc/hostname.lo0:1 the usual content is
 * `198.51.100.10 netmask 255.255.255.255 up`. Each non-comment line is one ifconfig command; the
 * first names the interface's own address (an IP address or a host name from /etc/inet/hosts),
 * and later lines may add more (`addif 198.51.100.11 netmask 255.255.255.255 up`).
 *
 * @example
 * parseSolarisHostnameFile('198.51.100.10 netmask 255.255.255.255 up\n')
 * // → [{host: '198.51.100.10', family: 'inet', address: '198.51.100.10', prefixLength: 32, words: [...], line: 1}]
 */
import {splitLines} from '../parse-error.js'
import {type IfconfigArgs, parseIfconfigArgs} from './ifconfig-args.js'

export type HostnameFileEntry = IfconfigArgs & {line: number}

/**
 * One entry per address: a line's own, and one per `addif` on it (`super-ce6 netmask + ... up
 * addif super-dummy netmask + deprecated up` is one line with two). Lines without an address
 * (`dhcp`, `group ipmp0`, `standby`) give no entry.
 */
export function parseSolarisHostnameFile(text: string): HostnameFileEntry[] {
  const entries: HostnameFileEntry[] = []
  for (const [index, raw] of splitLines(text).entries()) {
    const words = raw.replace(/#.*$/, '').trim().split(/\s+/).filter(Boolean)
    for (const command of splitAtAddif(words)) {
      const args = parseIfconfigArgs(command)
      if (args.host !== undefined) entries.push({...args, line: index + 1})
    }
  }

  return entries
}

function splitAtAddif(words: readonly string[]): string[][] {
  const commands: string[][] = [[]]
  for (const word of words) {
    if (word === 'addif') commands.push([])
    else commands.at(-1)?.push(word)
  }

  return commands.filter((command) => command.length > 0)
}
