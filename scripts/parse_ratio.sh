#!/usr/bin/env bash
# Parse cost next to the floor (a bare pulldown-cmark pass over the same bytes), in
# instructions counted by callgrind: repeatable where wall-clock timings on a shared
# 2-core machine are not. Usage: scripts/parse_ratio.sh [CARDS]   (default 1000); set
# LAYOUTS="a b" to measure only those.
set -euo pipefail
cd "$(dirname "$0")/.."
n="${1:-1000}"
cargo build -q --profile bench --example parse_count
bin="${CARGO_TARGET_DIR:-target}/release/examples/parse_count"
ir() {
    valgrind --tool=callgrind --callgrind-out-file=/dev/null "$bin" "$@" 2>&1 >/dev/null |
        sed -n 's/.*Collected : \([0-9]*\).*/\1/p'
}
printf '%-16s %14s %14s %7s\n' layout parse_Ir floor_Ir ratio
for layout in ${LAYOUTS:-canonical numbered-labels answer-points details hints qa-headings design qa-lines question-headings bold-questions qa-tables obsidian logseq anki-text csv}; do
    base=$(ir "$layout" "$n" none)
    parse=$(( $(ir "$layout" "$n" parse) - base ))
    floor=$(( $(ir "$layout" "$n" floor) - base ))
    printf '%-16s %14d %14d %7.2f\n' "$layout" "$parse" "$floor" "$(echo "scale=4; $parse / $floor" | bc)"
done
