#!/usr/bin/env bash
# Behaviour stays put across refactors: `khabar extract --no-cache` must give byte-identical
# JSON on the demo corpus, on tests/fixtures and on a 10 000-article `gen-corpus` (whose
# files must be identical too). The expected SHA-256 sums live in scripts/same-output.sha256.
#
#   scripts/same-output.sh            check (exit 1 and say which output moved)
#   scripts/same-output.sh --quick    check the demo and fixtures only (seconds; CI runs this)
#   scripts/same-output.sh --update   record new sums after a change that is meant to move output
#
# KHABAR_BIN picks the binary (default: a release build made here).
set -euo pipefail
cd "$(dirname "$0")/.."

mode=check
quick=false
for arg in "$@"; do
  case "$arg" in
    --update) mode=update ;;
    --quick) quick=true ;;
    *) echo "usage: $0 [--quick] [--update]" >&2; exit 2 ;;
  esac
done

bin="${KHABAR_BIN:-}"
if [ -z "$bin" ]; then
  cargo build --release --quiet
  bin=target/release/khabar
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
sums="$work/sums"
: >"$sums"

# One line per output: "<sha256>  <name>".
record() { # name file
  printf '%s  %s\n' "$(sha256sum <"$2" | cut -d' ' -f1)" "$1" >>"$sums"
}

"$bin" extract assets/demo --no-cache --out "$work/demo.json"
record extract:demo "$work/demo.json"
"$bin" extract tests/fixtures --no-cache --out "$work/fixtures.json"
record extract:fixtures "$work/fixtures.json"

if ! $quick; then
  "$bin" gen-corpus 10000 "$work/gen" --seed 7 >/dev/null
  # The generated tree itself, file names and bytes, in a fixed order.
  (cd "$work/gen" && find . -type f -print0 | LC_ALL=C sort -z | xargs -0 sha256sum) >"$work/gen.list"
  record gen-corpus:10000 "$work/gen.list"
  "$bin" extract "$work/gen" --no-cache --out "$work/gen.json"
  record extract:gen-corpus-10000 "$work/gen.json"
fi

expected=scripts/same-output.sha256
if [ "$mode" = update ]; then
  if $quick && [ -f "$expected" ]; then
    # Keep the recorded 10k sums; replace the quick ones.
    grep -v -e ' extract:demo$' -e ' extract:fixtures$' "$expected" >>"$sums" || true
  fi
  LC_ALL=C sort -k2 "$sums" >"$expected"
  echo "recorded:"; cat "$expected"
  exit 0
fi

status=0
while read -r sum name; do
  want="$(awk -v n="$name" '$2 == n { print $1 }' "$expected")"
  if [ -z "$want" ]; then
    echo "same-output: no recorded sum for $name (run with --update)" >&2; status=1
  elif [ "$sum" != "$want" ]; then
    echo "same-output: $name changed ($want -> $sum)" >&2; status=1
  else
    echo "same-output: $name identical"
  fi
done <"$sums"
exit $status
