/**
 * The exit-status contract scripts depend on:
 * 0 nothing failed at or above --fail-on; 1 something did; 2 bad usage or input (set by the
 * command layer); 3 nothing failed but an applicable rule at or above --fail-on could not be
 * decided. An undecided rule below the threshold could not have made the status 1, so it
 * leaves the verdict complete: the NAT advisories (severity info) that depend on the load
 * balancer's own configuration stay `unknown` without turning a default run into 3.
 */
import {type Report, SEVERITIES, type Severity} from './types.js'

export const EXIT = {ok: 0, failed: 1, usage: 2, unknown: 3} as const

export function exitCodeFor(report: Pick<Report, 'results'>, failOn: Severity): number {
  const threshold = SEVERITIES.indexOf(failOn)
  const failing = report.results.some((r) => r.outcome === 'fail' && SEVERITIES.indexOf(r.severity) <= threshold)
  if (failing) return EXIT.failed
  return report.results.some((r) => r.outcome === 'unknown' && SEVERITIES.indexOf(r.severity) <= threshold) ? EXIT.unknown : EXIT.ok
}
