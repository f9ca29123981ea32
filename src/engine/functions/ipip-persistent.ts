/**
 * The ipip module is loaded again at boot (LNX-PERS-03): listed in a modules-load.d file that
 * systemd-modules-load applies, or in Debian's /etc/modules, or built into the kernel. Without
 * it tunl0 is missing after a reboot, and its per-interface sysctls have nothing to apply to.
 */
import {defineCheck, NO_OPTIONS, type NoOptions, unknown} from './define-check.js'

const module = 'ipip'

export const ipipPersistent = defineCheck<NoOptions>({
  name: 'ipip-persistent',
  subjects: ['host'],
  facts: ['ipipModule', 'modulesLoad'],
  optionsSchema: NO_OPTIONS,
  evaluate(_subject, _options, {facts}) {
    if (facts.ipipModule?.status !== 'ok' || facts.modulesLoad?.status !== 'ok') return unknown('kernel module facts are missing')
    const report = facts.modulesLoad.value
    const listed = report.entries.filter((entry) => entry.module === module)
    const builtin = facts.ipipModule.value.state === 'builtin'
    const evidence = [
      {fact: `${module} module`, value: facts.ipipModule.value.state, source: facts.ipipModule.source},
      ...(listed.length > 0
        ? listed.map((entry) => ({fact: `load ${module} at boot`, value: entry.module, source: `${entry.file}:${entry.line}`}))
        : [{fact: `load ${module} at boot`, value: 'not listed', source: report.filesApplied.join(', ') || facts.modulesLoad.source}]),
      ...report.filesShadowed.map((s) => ({fact: 'file not applied', value: `shadowed by ${s.shadowedBy}`, source: s.file})),
    ]
    const where = builtin ? 'built into the kernel' : listed[0] === undefined ? undefined : `loaded at boot by ${listed[0].file}:${listed[0].line}`
    return {
      outcome: where === undefined ? 'fail' : 'pass',
      evidence,
      data: {module, where, confFile: `/etc/modules-load.d/${module}.conf`},
    }
  },
})
