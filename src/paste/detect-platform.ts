/**
 * Which platform a paste comes from, so the caller can audit it or say it cannot yet.
 *
 * Recognized sections decide first (every kind today is Linux output). Windows output has no
 * parser yet, so it ends up in the ignored blocks; its prompts (`C:\>`, `PS C:\>`), commands
 * (`ipconfig`, `netsh`, `Get-Net*`) and headers (`Windows IP Configuration`, netsh tables)
 * are searched there.
 */
import type {PasteKind} from './kinds.js'
import type {IgnoredBlock, PasteSection} from './split.js'

export type PastePlatform = 'linux' | 'windows' | 'unknown'

const KIND_PLATFORM: Record<PasteKind, Exclude<PastePlatform, 'unknown'>> = {
  'ip-addr-json': 'linux',
  'ip-addr': 'linux',
  'ip-route-json': 'linux',
  'ip-route': 'linux',
  'ss-listen-tcp': 'linux',
  'proc-net-tcp': 'linux',
  'proc-net-tcp6': 'linux',
  sysctl: 'linux',
}

/** Text only Windows prints or runs. English headers; localized ones are listed where seen in real output. */
const WINDOWS_MARKERS: readonly RegExp[] = [
  // Prompts: cmd.exe and PowerShell.
  /^\s*(?:PS\s+)?[A-Za-z]:\\[^>\n]*>/m,
  /^\s*PS\s*>/m,
  // Commands, typed or mentioned.
  /\b(?:ipconfig|netsh|route\s+print|appcmd)\b/i,
  /\b(?:Get|Set|New|Remove|Find|Test)-(?:Net|Web|IIS)\w+/i,
  // ipconfig.
  /^\s*(?:Windows IP|Configuration IP de Windows|Windows-IP-Konfiguration)/m,
  /^\s*(?:Ethernet|Wireless LAN|Tunnel|PPP|Unknown) adapter\b.*:\s*$/m,
  /^\s*Carte (?:Ethernet|réseau)\b.*:\s*$/m,
  // netsh and route print tables.
  /^\s*Idx\s+Met\s+MTU\s+State\s+Name/m,
  /^\s*Publish\s+Type\s+Met\s+Prefix/m,
  /^\s*Configuration for interface "/m,
  /^\s*(?:Interface List|IPv[46] Route Table|Active Routes:|Persistent Routes:)/m,
  /^\s*(?:Domain|Private|Public) Profile Settings/m,
  /^\s*(?:Rule Name|Regelname):\s/m,
  /^\s*IfLuid\s*:/m,
  // PowerShell object output.
  /^\s*(?:ifIndex|InterfaceAlias|InterfaceIndex|PolicyStore|EdgeTraversalPolicy)\b/m,
  /Loopback Pseudo-Interface|KM-TEST Loopback/,
  // IIS bindings (appcmd, Get-WebBinding, applicationHost.config).
  /\bbindingInformation\b|^SITE "/m,
]

export function detectPlatform(sections: readonly PasteSection[], ignored: readonly IgnoredBlock[] = []): PastePlatform {
  const counts = new Map<PastePlatform, number>()
  for (const section of sections) {
    const platform = KIND_PLATFORM[section.kind]
    counts.set(platform, (counts.get(platform) ?? 0) + 1)
  }

  // The platform most sections come from: output we can parse outweighs a mention of ipconfig.
  const [best] = [...counts.entries()].sort((a, b) => b[1] - a[1])
  if (best) return best[0]
  return ignored.some((block) => WINDOWS_MARKERS.some((marker) => marker.test(block.text))) ? 'windows' : 'unknown'
}
