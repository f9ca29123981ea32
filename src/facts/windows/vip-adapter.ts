/**
 * Where a VIP lives on a Windows host: the adapters whose addresses include it, and the
 * interfaces that hold the server's own addresses (the RIP side, where the load balancer's
 * packets arrive). Aliases are compared as written: Windows aliases are case-insensitive.
 */
import {sameAddress} from '../cidr.js'
import type {AddressFamily} from '../model.js'
import type {WinAdapter, WinAddress} from '../windows-model.js'

export function sameAlias(a: string, b: string): boolean {
  return a.localeCompare(b, undefined, {sensitivity: 'accent'}) === 0
}

export function addressesOf(addresses: readonly WinAddress[], vip: string): WinAddress[] {
  return addresses.filter((a) => sameAddress(a.address, vip))
}

/** A Microsoft Loopback / KM-TEST Loopback adapter, by PnP id or driver description (not localized). */
export function isLoopbackAdapter(adapter: WinAdapter | undefined): boolean {
  if (adapter === undefined) return false
  return /\*MSLOOP/i.test(adapter.hardwareId ?? '') || /(KM-TEST|Microsoft) Loopback Adapter/i.test(adapter.description ?? '')
}

/** The software loopback ("Loopback Pseudo-Interface 1"), which is not an adapter a VIP can live on. */
export function isLoopbackPseudoInterface(alias: string): boolean {
  return /Loopback Pseudo-Interface/i.test(alias)
}

export function adapterFor(adapters: readonly WinAdapter[], address: Pick<WinAddress, 'alias' | 'index'>): WinAdapter | undefined {
  return adapters.find((a) => (address.index !== undefined && a.index === address.index) || sameAlias(a.alias, address.alias))
}

/** Interfaces holding a non-VIP, non-loopback address of the family: where the load balancer's traffic arrives. */
export function ripInterfaces(addresses: readonly WinAddress[], adapters: readonly WinAdapter[], vips: readonly string[], family: AddressFamily): WinAddress[] {
  return addresses.filter(
    (a) =>
      a.family === family &&
      !vips.some((vip) => sameAddress(vip, a.address)) &&
      !isLoopbackAdapter(adapterFor(adapters, a)) &&
      !isLoopbackPseudoInterface(a.alias) &&
      !/^(127\.|::1$|fe80:|169\.254\.)/i.test(a.address),
  )
}

/** The VIP's addresses that sit on a loopback adapter: the only ones the loopback checks judge. */
export function loopbackHolders(addresses: readonly WinAddress[], adapters: readonly WinAdapter[], vip: string): WinAddress[] {
  return addressesOf(addresses, vip).filter((a) => isLoopbackAdapter(adapterFor(adapters, a)))
}
