/**
 * A cache of parsed rule files, written at build time (dist/engine/rules-cache.generated.json)
 * because loading the YAML parser and parsing the rules took a fifth of an audit's run time.
 * Entries are keyed by the file's whole text, so an edited or new rule file misses the cache
 * and is parsed from YAML as usual; either way the document is then validated like any other.
 * (The text itself is the key: hashing it would cost more than the lookup saves.)
 */
import {readFile} from 'node:fs/promises'

export type RuleCache = ReadonlyMap<string, unknown>

export async function loadRuleCache(): Promise<RuleCache> {
  try {
    const entries = JSON.parse(await readFile(new URL('rules-cache.generated.json', import.meta.url), 'utf8')) as Array<[string, unknown]>
    return new Map(entries)
  } catch {
    // Running from src/ (tests) or a cache that is missing or unreadable: every file is parsed.
    return new Map()
  }
}
