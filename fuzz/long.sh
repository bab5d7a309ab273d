#!/usr/bin/env bash
# Deeper fuzzing than CI: every target (or the ones named) for longer, on both cores.
#
#   fuzz/long.sh                 # 30 min per target, 2 jobs
#   fuzz/long.sh 3600 wbxml_reader
#
# Same seeding, dictionaries and crash handling as fuzz/run.sh (which it calls).
set -euo pipefail
cd "$(dirname "$0")"
secs=${1:-1800}
shift || true
FUZZ_FLAGS="${FUZZ_FLAGS:--fork=2}" exec ./run.sh "$secs" "$@"
