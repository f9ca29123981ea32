/**
 * Placeholder values for the persistent VIP fix, one set per boot-time mechanism. Each value
 * is a whole file or line, so rule templates quote it as one argument. Files cover every VIP
 * still missing, so the same command is produced for each of them and printed once.
 */
import {hostPrefixLength} from '../../facts/cidr.js'
import type {VipPersistenceMechanism} from '../../facts/model.js'
import type {Vip} from '../types.js'

export function vipPersistenceFix(mechanism: VipPersistenceMechanism, vip: Vip, missing: readonly Vip[]): Record<string, string> {
  const cidr = (v: Vip) => `${v.address}/${hostPrefixLength(v.family)}`
  const all = missing.length > 0 ? missing : [vip]
  const index = Math.max(0, all.findIndex((v) => v.address === vip.address))
  switch (mechanism) {
    case 'netplan': {
      const lines = ['network:', '  version: 2', '  ethernets:', '    lo:', '      match:', '        name: lo', '      addresses:']
      return {netplanYaml: [...lines, ...all.map((v) => `        - "${cidr(v)}"`)].join('\n')}
    }

    case 'systemd-networkd': {
      return {networkdUnit: ['[Match]', 'Name=lo', '', '[Network]', ...all.map((v) => `Address=${cidr(v)}`)].join('\n')}
    }

    case 'ifupdown': {
      return {ifupdownStanza: ['', 'iface lo inet static', `    address ${cidr(vip)}`].join('\n')}
    }

    case 'ifcfg': {
      const device = `lo:${10 + index}`
      return {
        ifcfgFile: `/etc/sysconfig/network-scripts/ifcfg-${device}`,
        ifcfgContent: [`DEVICE=${device}`, `IPADDR=${vip.address}`, vip.family === 'inet' ? 'NETMASK=255.255.255.255' : 'PREFIX=128', 'ONBOOT=yes'].join('\n'),
      }
    }

    case 'networkmanager': {
      return {nmProperty: `+${vip.family === 'inet' ? 'ipv4' : 'ipv6'}.addresses`}
    }

    case 'rc.local': {
      const line = `ip addr add ${cidr(vip)} dev lo`
      // Debian's rc.local ends in `exit 0`: a line appended after it would never run.
      return {rcLocalLine: line, rcLocalSedInsert: `/^exit 0$/i ${line}`}
    }

    // Solaris, FreeBSD, macOS: their fixes depend on the host's facts (unix-vip-fix.ts).
    case 'hostname-file':
    case 'ipadm':
    case 'rc.conf':
    case 'launchd': {
      return {}
    }
  }
}
