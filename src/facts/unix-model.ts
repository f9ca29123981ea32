/**
 * Facts only Solaris and the BSDs have: the switches that decide whether a packet for the VIP
 * (an address on lo0) is accepted when it arrives on the NIC. Both default to accepting it (the
 * weak host model), and a hardening guide that turns them on silently breaks Direct Routing.
 *
 * Linux needs no such fact: it accepts any local address on any interface and tunes only ARP.
 */

/** One row of `ipadm show-prop -p hostmodel`: Solaris 11 and illumos, per protocol. */
export interface HostModelSetting {
  protocol: 'ipv4' | 'ipv6'
  /** `weak`, `strong` or `src-priority`, as in use now. */
  current: string
  /** What `ipadm set-prop` persisted for the next boot; absent when nothing is (`--`). */
  persistent?: string
  default?: string
}

/**
 * A BSD strong end-system switch as `sysctl` printed it: `net.inet.ip.check_interface`
 * (FreeBSD up to 13, macOS) or `net.inet.ip.rfc1122_strong_es` (FreeBSD 14 and later).
 */
export interface StrongEsSysctl {
  key: string
  value: number
  /** What /etc/sysctl.conf sets it to at the next boot, when it sets it. */
  boot?: {value: number; file: string; line: number}
}

export interface UnixFactsShape {
  hostModel: HostModelSetting[]
  /** Every strong-ES sysctl this host has (one on a given release); empty means none exists. */
  checkInterface: StrongEsSysctl[]
}
