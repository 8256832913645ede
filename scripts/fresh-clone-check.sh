#!/usr/bin/env bash
# The README's first command on a fresh clone: clones this repository's committed tree into a
# temporary directory, runs `npm ci && npm run offline` there, and checks that the default
# scenario upgraded the database and the next preview planned nothing. (The README's other
# command, `npm ci && npm test`, is what .ci/run itself runs.) The clone is removed afterwards.
set -euo pipefail
cd "$(dirname "$0")/.."

clone="$(mktemp -d)/aurora-global"
trap 'rm -rf "$(dirname "$clone")"' EXIT
git clone --quiet --no-hardlinks . "$clone"
cd "$clone"
npm ci --no-audit --no-fund --loglevel=error >/dev/null
cached=$(find node_modules/.cache/aurora-global/transpiled -name '*.js' 2>/dev/null | wc -l)
[ "$cached" -gt 0 ] || {
    echo "fresh clone: npm ci did not fill the offline run's transpile cache (package.json prepare)" >&2
    exit 1
}
log="$(dirname "$clone")/offline.log"
started=$(date +%s%N)
if ! npm run --silent offline -- --speed max >"$log" 2>&1; then
    echo "fresh clone: npm run offline failed:" >&2
    tail -n 30 "$log" >&2
    exit 1
fi
for expected in "failover ready: yes" "upgrade steps to run: 0"; do
    grep -q "$expected" "$log" || {
        echo "fresh clone: npm run offline did not print \"$expected\"" >&2
        exit 1
    }
done
elapsed_ms=$((($(date +%s%N) - started) / 1000000))
echo "fresh clone: npm ci && npm run offline passed ($(wc -l <"$log") lines; ${cached} files compiled by npm ci; the offline run took ${elapsed_ms} ms)"
