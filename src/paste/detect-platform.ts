/**
 * Which platform a paste comes from, so the caller can audit it or say it cannot.
 *
 * Recognized sections decide first: each kind is one system's output (kinds.ts). When none is
 * recognized, Windows prompts (`C:\>`, `PS C:\>`), commands (`ipconfig`, `netsh`, `Get-Net*`)
 * and headers (`Windows IP Configuration`, netsh tables) in the ignored blocks still say
 * Windows, so the caller can ask for output it can read rather than call it unknown.
 */
import {type Platform, ruleFor} from './kinds.js'
import type {IgnoredBlock, PasteSection} from './split.js'
import {unixFlavor, type UnixPlatform} from './unix-platform.js'

export type PastePlatform = 'linux' | 'windows' | UnixPlatform | 'unknown'

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
  const counts = new Map<Platform, number>()
  for (const section of sections) {
    const platform = ruleFor(section.kind).platform
    counts.set(platform, (counts.get(platform) ?? 0) + 1)
  }

  // The platform most sections come from: output we can parse outweighs a mention of ipconfig.
  // On a tie, the platform of the first section (sort keeps the order of insertion).
  const [best] = [...counts.entries()].sort((a, b) => b[1] - a[1])
  if (best) return best[0] === 'unix' ? unixFlavor(sections, ignored) : best[0]
  return ignored.some((block) => WINDOWS_MARKERS.some((marker) => marker.test(block.text))) ? 'windows' : 'unknown'
}
