#!/usr/bin/env bash
# Times `rsaudit audit` on this host against a bare Node start-up (`node -e 0`) with hyperfine
# and prints the ratio. Start-up dominates an audit, so this is the number users feel.
# Usage: bash bench/startup.sh [runs]   (needs hyperfine: apt-get install hyperfine)
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-20}"
command -v hyperfine >/dev/null || { echo "bench: hyperfine is not installed (apt-get install hyperfine)" >&2; exit 2; }
[ -f dist/commands/audit.js ] || npm run build >/dev/null
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
# Exit status 1 (failures found) is the expected result on an unconfigured host, so it is ignored.
hyperfine --warmup 3 --runs "$runs" --ignore-failure --export-json "$out/result.json" \
  --command-name 'node -e 0' 'node -e 0' \
  --command-name 'rsaudit audit --json' 'node bin/run.js audit --json' >&2
node --input-type=module -e "
  import {readFileSync} from 'node:fs'
  const {results} = JSON.parse(readFileSync('$out/result.json', 'utf8'))
  const [bare, audit] = results.map((r) => r.median)
  console.log(\`node -e 0: \${(bare * 1000).toFixed(0)} ms median; rsaudit audit: \${(audit * 1000).toFixed(0)} ms median; ratio \${(audit / bare).toFixed(2)}x\`)
"
