#!/bin/sh
# TOML reader benchmark: times `alpaca-lint --config FILE EMPTY_DIR` on hostile configuration
# files (written by toml_inputs.py: the 480 KB [[a]] file that took the old parser 22 s, and
# 1 MB files of many shapes). A benchmark, not a timed test: it prints numbers, and exits
# non-zero only when the setup fails.
#
#   sh scripts/bench/toml.sh [--bin PATH] [--size BYTES]
#
#   --bin PATH     alpaca-lint binary (default: .build/release/alpaca-lint, or $ALPACA_LINT_BIN;
#                  built in release mode when missing). Pass .build/debug/alpaca-lint to time debug.
#   --size BYTES   size of the generated files (default 1000000)
#
# Every file here is answered with exit status 2: either a TOML error, or (for valid TOML) the
# config loader's "unknown key" — which it can only say after the whole file was parsed.
# "0-baseline" is a one-line valid config: the cost of starting up and loading the rules.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
bin="${ALPACA_LINT_BIN:-$root/.build/release/alpaca-lint}"
size=1000000
while [ $# -gt 0 ]; do
    case $1 in
        --bin) bin=$2; shift 2 ;;
        --size) size=$2; shift 2 ;;
        *) echo "usage: sh scripts/bench/toml.sh [--bin PATH] [--size BYTES]" >&2; exit 2 ;;
    esac
done
for tool in python3 /usr/bin/time; do
    command -v "$tool" >/dev/null 2>&1 || { echo "bench: missing $tool (apt-get install -y python3 time)" >&2; exit 2; }
done
if [ ! -x "$bin" ]; then
    echo "bench: building alpaca-lint (release)" >&2
    (cd "$root" && swift build -c release) >&2 || { echo "bench: build failed" >&2; exit 2; }
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 "$here/toml_inputs.py" "$work/inputs" "$size"
printf 'fail-on = "error"\n' >"$work/inputs/0-baseline.toml"
mkdir "$work/empty"
echo "binary: $bin"
printf '%-24s %9s %7s %7s %7s  %s\n' file bytes wall_s user_s sys_s "exit: message"
for file in "$work"/inputs/*.toml; do
    name=$(basename "$file" .toml)
    status=0
    /usr/bin/time -f '%e %U %S' -o "$work/time" "$bin" --config "$file" "$work/empty" >/dev/null 2>"$work/err" || status=$?
    # GNU time puts "Command exited with non-zero status N" first; the figures are on the last line.
    figures=$(tail -n 1 "$work/time")
    # shellcheck disable=SC2086
    set -- $figures
    message=$(sed -e "s|$work/inputs/||" -e 's/^alpaca-lint: invalid configuration: //' "$work/err" | head -n 1 | cut -c 1-80)
    printf '%-24s %9s %7s %7s %7s  %s: %s\n' "$name" "$(wc -c <"$file" | tr -d ' ')" "$1" "$2" "$3" "$status" "$message"
done
