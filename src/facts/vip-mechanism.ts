/**
 * Which boot-time mechanism a VIP fix should use on this host. Order matters: netplan
 * generates networkd/NM config, so it comes first; rc.local is the last resort because it
 * only runs when executable and after everything else.
 */
import type {NetworkStack, VipPersistenceMechanism} from './model.js'

export function preferredVipMechanism(stack: NetworkStack): VipPersistenceMechanism {
  if (stack.netplan) return 'netplan'
  if (stack.systemdNetworkd) return 'systemd-networkd'
  if (stack.ifupdown) return 'ifupdown'
  if (stack.ifcfg) return 'ifcfg'
  if (stack.networkManager) return 'networkmanager'
  return 'rc.local'
}
