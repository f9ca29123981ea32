/**
 * Netfilter rules as the REDIRECT checks need them, whichever tool printed them: iptables-save,
 * ip6tables-save (legacy or nf_tables backend) and `nft -j list ruleset` all become chains of
 * ordered rules, each a list of conditions and one verdict.
 *
 * Why chains and not a list of REDIRECT rules: what happens to a packet depends on the order
 * (`-p tcp --dport 22 -j RETURN` before `-p tcp -j REDIRECT`, an ACCEPT or DNAT earlier in the
 * chain) and on the jumps that lead to a rule (`-d VIP -j LB` then `-p tcp -j REDIRECT` in LB),
 * so the checks walk the chains with a packet (netfilter-walk.ts).
 */
import type {AddressFamily} from './model.js'

/** The program whose output a chain came from. */
export type NetfilterTool = 'iptables' | 'ip6tables' | 'nft'

/** What a rule tests. A condition rsaudit cannot judge is `other`, and makes a match uncertain. */
export type NfCondition =
  /** Destination address in any of these: `198.51.100.10`, `198.51.100.0/24`, `198.51.100.30-198.51.100.40`. */
  | {kind: 'daddr'; family: AddressFamily; values: string[]; negated: boolean}
  /** Destination port in any of these ranges (inclusive); `protocol` when the match names one (`tcp dport`). */
  | {kind: 'dport'; protocol?: string; ranges: Array<[number, number]>; negated: boolean}
  /** Layer-4 protocol by name (`tcp`, `udp`) or number as text. */
  | {kind: 'protocol'; values: string[]; negated: boolean}
  /** Input interface names; `+` (iptables) and `*` (nft) at the end are wildcards. */
  | {kind: 'iifname'; values: string[]; negated: boolean}
  /** The destination is an address of this host (`-m addrtype --dst-type LOCAL`, `fib daddr type local`). */
  | {kind: 'local-daddr'; negated: boolean}
  /** The packet's IP version, when the rule names it apart from an address (`meta nfproto ipv4`). */
  | {kind: 'family'; family: AddressFamily}
  /**
   * A TCP flags test (`--syn`, `tcp flags syn / syn,ack`), judged on a connection's first packet (SYN
   * alone): NAT and connection tracking are decided on that packet, so a rule matching it covers the
   * connection, and one that cannot match it never changes how the connection is handled.
   */
  | {kind: 'tcp-flags'; firstPacket: boolean; text: string}
  /** Anything else, as printed: a source address, a mark, a conntrack state, an unknown match. */
  | {kind: 'other'; text: string}

export type NfVerdict =
  /** REDIRECT / `redirect`: to this host, on `toPorts` when given (else the same port). */
  | {kind: 'redirect'; toPorts?: [number, number]}
  /** NOTRACK, `CT --notrack`, `notrack`: connection tracking is off for the packet. */
  | {kind: 'notrack'}
  | {kind: 'accept'}
  | {kind: 'drop'}
  | {kind: 'return'}
  | {kind: 'jump' | 'goto'; chain: string}
  /**
   * Another target: terminal (DNAT, MASQUERADE, REJECT...), or of unknown effect (`terminal` absent: an
   * extension target rsaudit does not know, an nft `xt` target whose options nft does not print).
   */
  | {kind: 'other'; name: string; terminal?: boolean}
  /** No verdict (counter, log, mark, a CT target that is not --notrack): evaluation continues. */
  | {kind: 'continue'}

export interface NfRule {
  conditions: NfCondition[]
  verdict: NfVerdict
  /** The rule as its tool prints it, for evidence: `-A PREROUTING -d 198.51.100.10/32 ... -j REDIRECT`. */
  text: string
}

export interface NfChain {
  tool: NetfilterTool
  /** Packets of this family reach the chain; `any` for an nft `inet` table. */
  family: AddressFamily | 'any'
  /** The table: `nat`, `raw` for iptables; the nft table's name. */
  table: string
  /** nft table family (`ip`, `ip6`, `inet`), for fixes printed as nft commands. */
  nftFamily?: string
  name: string
  /** Set for a chain hooked into the packet path: iptables' built-in chains, nft base chains. */
  base?: {hook: string; type: 'nat' | 'filter' | 'route' | 'other'; priority: number; policy: 'accept' | 'drop'}
  rules: NfRule[]
}

/**
 * One hook of the packet path, as read from every tool present: the `redirects` fact holds the
 * nat chains of prerouting, the `notracks` fact the chains that run before connection tracking
 * (priority below -200: iptables' raw table, nft `priority raw`). Chains a base chain can jump
 * to are included.
 */
export interface NetfilterPath {
  chains: NfChain[]
  /** Which tools printed rules here, so a fix can be written for the tool this host uses. */
  tools: NetfilterTool[]
}
