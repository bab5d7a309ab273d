#!/usr/bin/env bash
# Instruction-count regression gate (callgrind). Deterministic, so it catches a
# slowdown even on a noisy machine.
#
#   benches/icount.sh check     # CI: fail if a job got > ICOUNT_TOLERANCE % (default 10) more instructions
#   benches/icount.sh update    # rewrite benches/icount-baseline.txt with the current counts
#   benches/icount.sh show      # print the counts, compare nothing
#
# Each job of the `icount` binary (release build) runs under
#   valgrind --tool=callgrind --collect-atstart=no --toggle-collect='*icount_measured_region*'
# so only the measured loop is counted, not start-up or file loading.
# Counts depend on the compiler version: update the baseline (and commit it) after a
# toolchain change or an intended speed change, with the reason in the commit message.
set -euo pipefail
cd "$(dirname "$0")/.."
mode=${1:-check}
tolerance=${ICOUNT_TOLERANCE:-10}
baseline=benches/icount-baseline.txt

command -v valgrind >/dev/null || { echo "valgrind is not installed (apt-get install valgrind)" >&2; exit 1; }
cargo build --release -p imps-benches --bin icount --quiet
target_dir=$(cargo metadata --format-version 1 --no-deps | sed -n 's/.*"target_directory":"\([^"]*\)".*/\1/p')
bin="$target_dir/release/icount"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

declare -A now
for job in $("$bin" --list); do
    valgrind --tool=callgrind --callgrind-out-file="$tmp/$job.out" --collect-atstart=no \
        --toggle-collect='*icount_measured_region*' "$bin" "$job" >"$tmp/$job.stdout" 2>"$tmp/$job.stderr" || {
        cat "$tmp/$job.stderr" >&2
        exit 1
    }
    count=$(sed -n 's/^summary: *\([0-9]*\).*/\1/p' "$tmp/$job.out" | head -n1)
    if [ -z "$count" ]; then
        count=$(sed -n 's/^totals: *\([0-9]*\).*/\1/p' "$tmp/$job.out" | head -n1)
    fi
    [ -n "$count" ] || { echo "no instruction count for $job" >&2; exit 1; }
    now[$job]=$count
done

case "$mode" in
update)
    {
        echo "# Instructions counted by callgrind per job of benches/src/bin/icount.rs."
        echo "# Regenerate with: benches/icount.sh update   ($(rustc --version))"
        for job in $("$bin" --list); do echo "$job ${now[$job]}"; done
    } >"$baseline"
    cat "$baseline"
    ;;
show)
    for job in $("$bin" --list); do printf '%-20s %14s\n' "$job" "${now[$job]}"; done
    ;;
check)
    [ -f "$baseline" ] || { echo "$baseline missing: run benches/icount.sh update" >&2; exit 1; }
    status=0
    printf '%-20s %14s %14s %9s\n' job baseline now change
    for job in $("$bin" --list); do
        base=$(awk -v j="$job" '$1 == j { print $2 }' "$baseline")
        cur=${now[$job]}
        if [ -z "$base" ]; then
            printf '%-20s %14s %14s %9s  (new job: run benches/icount.sh update)\n' "$job" - "$cur" -
            status=1
            continue
        fi
        pct=$(awk -v b="$base" -v c="$cur" 'BEGIN { printf "%+.1f", (c - b) * 100 / b }')
        verdict=ok
        if awk -v b="$base" -v c="$cur" -v t="$tolerance" 'BEGIN { exit !(c > b * (1 + t / 100)) }'; then
            verdict="REGRESSION (> +$tolerance%)"
            status=1
        elif awk -v b="$base" -v c="$cur" -v t="$tolerance" 'BEGIN { exit !(c < b * (1 - t / 100)) }'; then
            verdict="faster: consider benches/icount.sh update"
        fi
        printf '%-20s %14s %14s %8s%%  %s\n' "$job" "$base" "$cur" "$pct" "$verdict"
    done
    exit $status
    ;;
*)
    echo "usage: benches/icount.sh check|update|show" >&2
    exit 2
    ;;
esac
