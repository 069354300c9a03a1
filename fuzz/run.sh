#!/usr/bin/env bash
# Runs the four fuzz targets one after another (never two at once), each for the given number
# of seconds (default 600), from the committed seeds plus the demo corpus and the held-out
# fixtures. Logs go to fuzz/logs/<target>.log, crashes to fuzz/artifacts/<target>/.
#
#   fuzz/run.sh            # 4 × 10 minutes
#   fuzz/run.sh 60 dates   # one target, one minute
#
# Build flags: -O (optimised), -a (debug assertions, so integer overflow panics),
# -s none (no sanitizer: the code under test is safe Rust, and it doubles the speed).
set -euo pipefail
cd "$(dirname "$0")"
seconds=${1:-600}
shift || true
targets=("${@:-decode segment dates entities}")
read -r -a targets <<<"${targets[*]}"
flags=(-O -a -s none)

cargo +nightly fuzz build "${flags[@]}"
mkdir -p logs
for t in "${targets[@]}"; do
    mkdir -p "corpus/$t" "artifacts/$t"
    cargo +nightly fuzz run "${flags[@]}" "$t" "corpus/$t" "seeds/$t" ../assets/demo \
        ../tests/fixtures/heldout -- \
        -jobs=1 -max_total_time="$seconds" -max_len=4096 -timeout=10 \
        -dict=dict/arabic.dict -print_final_stats=1 || echo "$t: fuzzer stopped (crash?)"
    mv -f fuzz-0.log "logs/$t.log" 2>/dev/null || true
    grep -E "DONE|Done|stat::|panicked|SUMMARY" "logs/$t.log" | tail -12 || true
done
