#!/usr/bin/env bash
# The rollout's health gate (examples/fleet/rollout.yaml `gate.command`): run after each wave's bake
# time, in the rollout file's directory, with the wave's global cluster ids in
# AURORA_GLOBAL_DATABASES (space-separated) and no AWS credentials in its environment. Exit 0
# lets the next wave start; anything else halts the rollout. Replace the check with your own
# application's smoke test (a query through the application's endpoint, a synthetic transaction).
set -euo pipefail
for id in ${AURORA_GLOBAL_DATABASES:-}; do
    echo "smoke test: ${id} ok"
done
