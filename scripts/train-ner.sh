#!/usr/bin/env bash
# Trains the name tagger on the ANERcorp training split (CAMeL Lab split, CC BY-SA 4.0,
# assets/data/anercorp) and writes the model the app compiles in, assets/models/ner.bin.
# Deterministic: the same data and code give the same bytes.
#
#   scripts/train-ner.sh           # train and overwrite assets/models/ner.bin (then rebuild)
#   scripts/train-ner.sh --check   # train to a temporary file and fail unless it equals
#                                  # the committed model (CI runs this)
#
# KHABAR_BIN overrides the binary (default: the release build, built if missing).
set -euo pipefail
cd "$(dirname "$0")/.."
bin="${KHABAR_BIN:-${CARGO_TARGET_DIR:-target}/release/khabar}"
[ -x "$bin" ] || cargo build --release --quiet
train=assets/data/anercorp/ANERCorp_CamelLab_train.txt
model=assets/models/ner.bin
if [ "${1:-}" = "--check" ]; then
    tmp=$(mktemp)
    trap 'rm -f "$tmp"' EXIT
    "$bin" train-ner "$train" "$tmp" 2>/dev/null
    if cmp -s "$tmp" "$model"; then
        echo "train-ner: $model is what training gives"
    else
        echo "train-ner: training gives another model than $model: run scripts/train-ner.sh and rebuild" >&2
        exit 1
    fi
else
    "$bin" train-ner "$train" "$model"
    echo "wrote $model: rebuild (cargo build --release) to compile it in"
fi
