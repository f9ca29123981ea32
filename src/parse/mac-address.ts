/**
 * MAC address text in one form: lower case, colon separated, two digits per octet. arping
 * prints upper case (iputils) or lower case (Habets); BusyBox's ether_ntoa drops leading
 * zeros ("0:c:29:..."); users type dashes (Windows) or dots (Cisco "0011.2233.4455").
 *
 * @example
 * canonicalMac('8E:B8:CA:EB:DB:60') // → '8e:b8:ca:eb:db:60'
 * canonicalMac('0:c:29:19:10:65')   // → '00:0c:29:19:10:65'
 * canonicalMac('000c.2919.1065')    // → '00:0c:29:19:10:65'
 */

/** The canonical text, or undefined when the text is not a 48-bit MAC address. */
export function canonicalMac(text: string): string | undefined {
  const value = text.trim().toLowerCase()
  let octets: string[]
  if (/^[0-9a-f]{4}\.[0-9a-f]{4}\.[0-9a-f]{4}$/.test(value)) {
    octets = value.replaceAll('.', '').match(/../g) ?? []
  } else {
    octets = value.split(/[:-]/)
    if (octets.length !== 6 || !octets.every((octet) => /^[0-9a-f]{1,2}$/.test(octet))) return undefined
  }
  return octets.map((octet) => octet.padStart(2, '0')).join(':')
}
