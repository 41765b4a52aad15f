#!/usr/bin/env bash
# Times doclint against ripgrep over a documentation tree, alternately, and
# prints the median of the per-pair ratios (doclint / rg) and doclint's peak
# memory.
#
#   bench/corpus.sh DIR [PAIRS]
#
# DOCLINT=PATH times another binary; DOCLINT_ARGS adds arguments (e.g.
# DOCLINT_ARGS="--config /tmp/status-only.toml" with `operations = false`).
#
# doclint lints the whole tree (model, rules, JSON report); ripgrep counts
# `<table` in the same files (`rg -c '<table' .`). Each pair runs both once,
# in alternating order, after one warm-up run of each. Needs rg and GNU time.
set -euo pipefail
dir=${1:?usage: bench/corpus.sh DIR [PAIRS]}
pairs=${2:-21}
here=$(cd "$(dirname "$0")/.." && pwd)
# Where cargo puts the binary (CARGO_TARGET_DIR may move it): ask cargo.
doclint=${DOCLINT:-$(cd "$here" && cargo build --release --quiet --message-format=json |
  python3 -c 'import json, sys
for line in sys.stdin:
    m = json.loads(line)
    if m.get("reason") == "compiler-artifact" and m["target"]["name"] == "doclint" and m.get("executable"):
        print(m["executable"])')}
command -v rg >/dev/null || { echo "ripgrep (rg) is needed" >&2; exit 2; }

cd "$dir"
now() { date +%s%N; }
run_rg() { rg -c '<table' . >/dev/null || true; }
read -ra extra <<<"${DOCLINT_ARGS:-}"
run_doclint() { "$doclint" "${extra[@]}" --format json . >/dev/null || true; }
run_rg; run_doclint
ratios=()
rgs=(); dls=()
for ((i = 0; i < pairs; i++)); do
  if ((i % 2 == 0)); then
    a=$(now); run_rg; b=$(now); run_doclint; c=$(now)
    r=$((b - a)); d=$((c - b))
  else
    a=$(now); run_doclint; b=$(now); run_rg; c=$(now)
    d=$((b - a)); r=$((c - b))
  fi
  rgs+=("$r"); dls+=("$d")
  ratios+=("$(awk -v d="$d" -v r="$r" 'BEGIN { printf "%.3f", d / r }')")
done
median() { printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
tmp=$(mktemp)
/usr/bin/time -f '%M' -o "$tmp" "$doclint" "${extra[@]}" --format json . >/dev/null 2>&1 || true
peak=$(tail -1 "$tmp")
rm -f "$tmp"
files=$(find . -type f -name '*.md' | wc -l)
printf 'tree: %s (%s .md files)\n' "$dir" "$files"
printf 'ripgrep: median %.1f ms\n' "$(awk -v n="$(median "${rgs[@]}")" 'BEGIN { print n / 1e6 }')"
printf 'doclint: median %.1f ms, peak memory %.1f MB\n' \
  "$(awk -v n="$(median "${dls[@]}")" 'BEGIN { print n / 1e6 }')" "$(awk -v k="$peak" 'BEGIN { print k / 1024 }')"
printf 'ratio doclint/ripgrep: median %s over %s alternating pairs\n' "$(median "${ratios[@]}")" "$pairs"
