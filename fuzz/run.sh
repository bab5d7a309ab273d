#!/usr/bin/env bash
# Runs every fuzz target for a fixed time (the CI smoke run, and the base of long.sh).
#
#   fuzz/run.sh [SECONDS_PER_TARGET] [TARGET...]
#
# SECONDS_PER_TARGET defaults to 300 / number-of-targets, clamped to 20..60.
# Each target's corpus (fuzz/corpus/<target>, gitignored) is seeded from testvectors/
# according to the `//! seeds:` line at the top of fuzz/fuzz_targets/<target>.rs
# (wbxml | xml | all | none); the dictionary is fuzz/dict/<kind>.dict for the same kind.
# Extra libFuzzer flags: FUZZ_FLAGS="-fork=2" fuzz/run.sh 600
#
# A crash fails the run and names the artifact; turn it into a regression file with
#   cp fuzz/artifacts/<target>/crash-<hash> testvectors/fuzz-regressions/<target>-<what>.bin
set -euo pipefail
cd "$(dirname "$0")"
FUZZ=$(pwd)
ROOT=$(cd .. && pwd)

# Every file in fuzz_targets/ must be declared as a [[bin]] (cargo fuzz reads the manifest).
mapfile -t declared < <(cargo fuzz list)
mapfile -t files < <(cd fuzz_targets && ls ./*.rs | sed 's#^\./##; s#\.rs$##' | sort)
if [ "${declared[*]}" != "${files[*]}" ]; then
    echo "fuzz/Cargo.toml [[bin]] entries (${declared[*]}) do not match fuzz/fuzz_targets/*.rs (${files[*]})" >&2
    echo "add a target with:  cd fuzz && cargo fuzz add <name>   (see fuzz/README.md)" >&2
    exit 1
fi
dict/gen.sh --check

secs=${1:-}
shift || true
if [ $# -gt 0 ]; then targets=("$@"); else targets=("${declared[@]}"); fi
n=${#targets[@]}
if [ -z "$secs" ]; then
    secs=$((300 / n))
    [ "$secs" -lt 20 ] && secs=20
    [ "$secs" -gt 60 ] && secs=60
fi

kind_of() {
    sed -n 's#^//! seeds: *\([a-z]*\).*#\1#p' "fuzz_targets/$1.rs" | head -n1
}

seed() {
    local target=$1 kind=$2 dir="corpus/$1"
    mkdir -p "$dir"
    local exts=()
    case "$kind" in
        wbxml) exts=(wbxml) ;;
        xml) exts=(xml) ;;
        all) exts=(wbxml xml) ;;
        *) return 0 ;;
    esac
    for ext in "${exts[@]}"; do
        while IFS= read -r -d '' f; do
            local rel=${f#"$ROOT/testvectors/"}
            cp -f "$f" "$dir/seed-${rel//\//_}"
        done < <(find "$ROOT/testvectors" -name "*.$ext" -type f -print0)
    done
    # Regression files are seeds too (for every target: they are short).
    if [ -d "$ROOT/testvectors/fuzz-regressions" ]; then
        find "$ROOT/testvectors/fuzz-regressions" -type f ! -name '*.md' -exec cp -f {} "$dir/" \;
    fi
}

echo "building ${#declared[@]} fuzz targets (sanitizer none, release)"
cargo fuzz build --sanitizer none

summary=()
status=0
for t in "${targets[@]}"; do
    kind=$(kind_of "$t")
    seed "$t" "$kind"
    dict=()
    case "$kind" in
        wbxml | xml) dict=("-dict=$FUZZ/dict/$kind.dict") ;;
        all) dict=("-dict=$FUZZ/dict/wbxml.dict") ;;
    esac
    echo "---- fuzz $t for ${secs}s (seeds: ${kind:-none}, $(ls "corpus/$t" | wc -l) corpus files)"
    log=$(mktemp)
    # -timeout: no single input may take more than 10 s (a bounded time per byte);
    # -rss_limit_mb / -malloc_limit_mb: bounded memory.
    # shellcheck disable=SC2086
    if cargo fuzz run --sanitizer none "$t" -- \
        -max_total_time="$secs" -timeout=10 -rss_limit_mb=2048 -malloc_limit_mb=512 \
        -max_len=65536 -print_final_stats=1 "${dict[@]}" ${FUZZ_FLAGS:-} >"$log" 2>&1; then
        runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n1)
        cov=$(grep -o 'cov: [0-9]*' "$log" | tail -n1 | awk '{print $2}')
        rate=$(( ${runs:-0} / secs ))
        summary+=("$(printf '%-28s ok    %10s runs  %8s exec/s  cov %s' "$t" "${runs:-?}" "$rate" "${cov:-?}")")
        tail -n 3 "$log"
    else
        status=1
        tail -n 60 "$log"
        summary+=("$(printf '%-28s FAILED (see artifacts/%s/)' "$t" "$t")")
        echo "!! $t failed. Reproduce (from the repo root): cargo fuzz run --sanitizer none $t fuzz/artifacts/$t/<file>" >&2
        echo "!! then keep it: cp fuzz/artifacts/$t/<file> testvectors/fuzz-regressions/$t-<what>.bin" >&2
    fi
    rm -f "$log"
done

echo
echo "fuzz summary (${secs}s per target):"
printf '  %s\n' "${summary[@]}"
exit $status
