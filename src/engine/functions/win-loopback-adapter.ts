/**
 * On Windows the VIP must sit on a Microsoft Loopback (KM-TEST on 2012+) adapter: a virtual
 * NIC that never answers ARP. "Loopback Pseudo-Interface 1" is a different thing (the
 * 127.0.0.1 software loopback) and a physical NIC is the ARP problem itself.
 */
import {adapterFor, addressesOf, isLoopbackAdapter, isLoopbackPseudoInterface} from '../../facts/windows/vip-adapter.js'
import {defineCheck, NO_OPTIONS, type NoOptions, unknown} from './define-check.js'
import {vipData} from './vip-data.js'

export const winLoopbackAdapter = defineCheck<NoOptions>({
  name: 'win-loopback-adapter',
  subjects: ['vips'],
  facts: ['adapters', 'winAddresses'],
  optionsSchema: NO_OPTIONS,
  evaluate(subject, _options, {facts}) {
    if (subject.kind !== 'vip' || facts.adapters?.status !== 'ok' || facts.winAddresses?.status !== 'ok') return unknown('adapters could not be read')
    const adapters = facts.adapters.value
    const holders = addressesOf(facts.winAddresses.value, subject.vip.address)
    const wrong = holders.filter((a) => !isLoopbackAdapter(adapterFor(adapters, a)))
    const evidence = holders.map((a) => {
      const adapter = adapterFor(adapters, a)
      return {fact: `adapter holding ${subject.vip.address}`, value: `${a.alias}: ${adapter?.description ?? 'description unknown'}${adapter?.hardwareId ? ` (${adapter.hardwareId})` : ''}`, source: facts.adapters?.status === 'ok' ? facts.adapters.source : ''}
    })
    if (holders.length === 0) return {outcome: 'not-applicable', evidence, data: vipData(subject.vip), reason: `${subject.vip.address} is on no adapter (see vip-on-loopback)`}
    const first = wrong[0]
    return {
      outcome: first === undefined ? 'pass' : 'fail',
      evidence,
      data: {
        ...vipData(subject.vip),
        alias: (first ?? holders[0])?.alias,
        index: (first ?? holders[0])?.index,
        what: first && isLoopbackPseudoInterface(first.alias) ? 'the software loopback, not a loopback adapter' : `${adapterFor(adapters, first ?? holders[0]!)?.description ?? 'an adapter'}, not a loopback adapter`,
      },
    }
  },
})
