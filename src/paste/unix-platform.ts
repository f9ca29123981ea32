/**
 * Which Unix a paste of `ifconfig`, `ipadm` or BSD `sysctl` output comes from. ipadm and the
 * Solaris ifconfig layout (`mtu 8232 index 1`, bare hex masks) say Solaris; FreeBSD and macOS
 * print the same ifconfig, so words only one of them prints decide: `uname` output, macOS-only
 * interfaces and options (utun, awdl, TXSTATUS), macOS-only sysctls. With none of them the paste
 * is taken for FreeBSD, and `--platform darwin` says otherwise.
 */
import {looksLikeIfconfigSolaris} from '../parse/unix/ifconfig-solaris.js'
import type {IgnoredBlock, PasteSection} from './split.js'

export type UnixPlatform = 'solaris' | 'freebsd' | 'darwin'

const SOLARIS_WORDS = /\b(?:SunOS|illumos|Oracle Solaris|OmniOS|SmartOS|OpenIndiana)\b/
const DARWIN_WORDS = /\bDarwin\b|\bmacOS\b|\bMac OS X\b|\b(?:utun|awdl|llw|anpi|ap)\d+:|\bTXSTATUS\b|\bSW_TIMESTAMP\b|\bnet\.inet\.ip\.scopedroute\b|\bsw_vers\b/

/** The macOS bash prompt, `host:dir user$` (prompt.ts reads it for every platform; only macOS prints it by default). */
const MAC_PROMPT = /^[A-Za-z][\w.-]*:[~/]\S*\s[\w.-]+[$#](?:\s|$)/

export function unixFlavor(sections: readonly PasteSection[], ignored: readonly IgnoredBlock[]): UnixPlatform {
  const texts = [...sections.map((s) => s.text), ...ignored.map((b) => b.text)]
  const solarisOutput = sections.some((s) => s.kind.startsWith('ipadm-') || (s.kind === 'ifconfig' && looksLikeIfconfigSolaris(s.text)))
  if (solarisOutput || texts.some((t) => SOLARIS_WORDS.test(t))) return 'solaris'
  return texts.some((t) => DARWIN_WORDS.test(t)) || sections.some((s) => MAC_PROMPT.test(s.prompt ?? '')) ? 'darwin' : 'freebsd'
}
