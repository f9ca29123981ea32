/**
 * Parses a hosts file (/etc/hosts, Solaris /etc/inet/hosts): `ADDRESS NAME [ALIAS...]` a line,
 * `#` comments. Solaris /etc/hostname.* files may name the interface's address by host name,
 * which is looked up here the way the boot-time network service does.
 *
 * @example
 * parseHostsFile('198.51.100.10  www-vip  # the VIP\n') // → Map {'www-vip' => '198.51.100.10'}
 */
import {canonicalIp} from '../ip-address.js'
import {splitLines} from '../parse-error.js'

/** Name (lower case) → canonical address; the first line that names a host wins, as in the resolver. */
export function parseHostsFile(text: string): Map<string, string> {
  const names = new Map<string, string>()
  for (const raw of splitLines(text)) {
    const [addressText = '', ...hostNames] = raw.replace(/#.*$/, '').trim().split(/\s+/)
    const address = canonicalIp(addressText)
    if (address === undefined) continue
    for (const name of hostNames) if (!names.has(name.toLowerCase())) names.set(name.toLowerCase(), address)
  }

  return names
}
