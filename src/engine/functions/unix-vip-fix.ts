/**
 * Placeholder values for VIP fixes on Solaris, FreeBSD and macOS. Each OS names the new address
 * its own way, and the name must not clash with what the host already has:
 * - Solaris 10 (and older): a logical interface `lo0:N` (`ifconfig lo0:N plumb VIP netmask
 *   255.255.255.255 up`), persisted in /etc/hostname.lo0:N;
 * - Solaris 11 and illumos (release 5.11): an ipadm address object `lo0/vipN`, persistent as created;
 * - FreeBSD: `ifconfig lo0 alias`, persisted as the next `ifconfig_lo0_aliasN` (rc stops at the
 *   first missing number, so N is the first free one);
 * - macOS: `ifconfig lo0 alias`, persisted by a launchd job, one file per VIP so a later fix never
 *   overwrites the job of a VIP fixed earlier.
 * Numbers for several missing VIPs are handed out in the order of the VIPs, so the commands
 * printed for each VIP do not collide.
 */
import type {HostFacts, PersistedAddress} from '../../facts/model.js'
import {locateVip} from '../../facts/vip-location.js'
import {compareVersions} from '../applicability.js'
import type {Vip} from '../types.js'

type Data = Record<string, string | undefined>

/** Solaris 11 and illumos report release 5.11 and have ipadm; Solaris 10 is 5.10. */
export function solarisUsesIpadm(facts: HostFacts): boolean {
  const release = facts.os.status === 'ok' ? facts.os.value.release : ''
  return /^\d/.test(release) && compareVersions(release, '5.11') >= 0
}

function persisted(facts: HostFacts): readonly PersistedAddress[] {
  return facts.persistedAddresses.status === 'ok' ? facts.persistedAddresses.value : []
}

/** The `n`-th (0-based) number not in `used`, counting from `from`. */
function nthFree(used: ReadonlySet<number>, n: number, from: number): number {
  let candidate = from
  for (let left = n; ; candidate++) {
    if (used.has(candidate)) continue
    if (left === 0) return candidate
    left--
  }
}

function position(vip: Vip, missing: readonly Vip[]): number {
  return Math.max(0, missing.findIndex((v) => v.address === vip.address))
}

/** `lo0:N` for the VIP: the logical interface that holds it already, else the next free one. */
function solarisLogical(facts: HostFacts, vip: Vip, missing: readonly Vip[]): string {
  const interfaces = facts.interfaces.status === 'ok' ? facts.interfaces.value : []
  const holding = locateVip(interfaces, vip.address).find((p) => /^lo0:\d+$/.test(p.nic.name))
  if (holding) return holding.nic.name
  const names = [...interfaces.map((nic) => nic.name), ...persisted(facts).map((entry) => entry.interface)]
  const used = new Set(names.map((name) => /^lo0:(\d+)$/.exec(name)?.[1]).filter((n) => n !== undefined).map(Number))
  return `lo0:${nthFree(used, position(vip, missing), 1)}`
}

function ipadmAddrobj(facts: HostFacts, vip: Vip, missing: readonly Vip[]): string {
  const used = new Set(persisted(facts).map((entry) => /^lo0\/vip(\d+)$/.exec(entry.key ?? '')?.[1]).filter((n) => n !== undefined).map(Number))
  return `lo0/vip${nthFree(used, position(vip, missing), 1)}`
}

/** The family-specific placeholders BSD and Solaris commands take (`{{vip4}}` or `{{vip6}}`). */
function familyData(vip: Vip): Data {
  return vip.family === 'inet' ? {vip4: vip.address} : {vip6: vip.address}
}

/** Values for the runtime fix that adds the VIP to lo0 now. */
export function unixRuntimeFix(facts: HostFacts, vip: Vip, missing: readonly Vip[]): Data {
  const platform = facts.os.status === 'ok' ? facts.os.value.platform : undefined
  if (platform === 'freebsd' || platform === 'darwin') return familyData(vip)
  if (platform !== 'solaris') return {}
  if (solarisUsesIpadm(facts)) return {ipadmAddrobj: ipadmAddrobj(facts, vip, missing)}
  return {...familyData(vip), solarisLogical: solarisLogical(facts, vip, missing)}
}

/** Values for the persistent fix of each Unix mechanism (vip-persistent.yaml `by: mechanism`). */
export function unixPersistenceFix(mechanism: PersistedAddress['mechanism'], facts: HostFacts, vip: Vip, missing: readonly Vip[]): Data {
  switch (mechanism) {
    case 'hostname-file': {
      const logical = solarisLogical(facts, vip, missing)
      const v6 = vip.family === 'inet6'
      return {hostnameFile: `/etc/hostname${v6 ? '6' : ''}.${logical}`, hostnameFileLine: v6 ? `${vip.address}/128 up` : `${vip.address} netmask 255.255.255.255 up`}
    }

    case 'ipadm': {
      // An address created with -t exists but will not come back: it must be recreated persistent.
      const temporary = persisted(facts).find((entry) => entry.mechanism === 'ipadm' && entry.address === vip.address && !entry.effective)
      return {ipadmAddrobj: temporary?.key ?? ipadmAddrobj(facts, vip, missing), temporaryAddrobj: temporary?.key}
    }

    case 'rc.conf': {
      const used = new Set(persisted(facts).map((entry) => /^ifconfig_lo0_alias(\d+)$/.exec(entry.key ?? '')?.[1]).filter((n) => n !== undefined).map(Number))
      const args = vip.family === 'inet' ? `inet ${vip.address} netmask 0xffffffff` : `inet6 ${vip.address} prefixlen 128`
      return {rcConfAssignment: `ifconfig_lo0_alias${nthFree(used, position(vip, missing), 0)}=${args}`}
    }

    case 'launchd': {
      const label = `org.rsaudit.lo0-alias.${vip.address.replaceAll(':', '-')}`
      return {launchdFile: `/Library/LaunchDaemons/${label}.plist`, launchdPlist: launchdPlist(label, vip)}
    }

    default: {
      return {}
    }
  }
}

/** A launchd job that adds the VIP to lo0 at every boot (RunAtLoad), as darwin.ts reads it back. */
export function launchdPlist(label: string, vip: Vip): string {
  const args = vip.family === 'inet' ? ['alias', vip.address, 'netmask', '0xffffffff'] : ['inet6', vip.address, 'prefixlen', '128', 'alias']
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">',
    '<plist version="1.0">',
    '<dict>',
    '  <key>Label</key>',
    `  <string>${label}</string>`,
    '  <key>ProgramArguments</key>',
    '  <array>',
    ...['/sbin/ifconfig', 'lo0', ...args].map((word) => `    <string>${word}</string>`),
    '  </array>',
    '  <key>RunAtLoad</key>',
    '  <true/>',
    '</dict>',
    '</plist>',
  ].join('\n')
}
