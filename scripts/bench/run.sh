#!/bin/sh
# alpaca-lint benchmark (issue "Speed"). A benchmark, not a timed test: it prints numbers and
# exits non-zero only when a tool is missing or the setup fails.
#
#   sh scripts/bench/run.sh [--quick] [--runs N] [--jobs N] [--bin PATH] [--rebuild-corpus]
#
#   --quick           ~50 MB corpus (bench-corpus/quick/) instead of ~500 MB (bench-corpus/)
#   --bin PATH        alpaca-lint binary (default: .build/release/alpaca-lint, or $ALPACA_LINT_BIN)
#   --runs N          timed runs per tool, alternating (default 5)
#   --jobs N          -j for both tools (default: each tool's own default = all cores)
#
# The corpus (git-ignored) is built on first use from real code on this machine: `git archive`
# of the Swift package repositories in /opt/swift-packages, /usr/include and Python's standard
# library. A planted twin gets ~130 fake credentials, listed in bench-corpus/planted.json.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
missing=""
for tool in python3 rg git tar cp; do
    command -v "$tool" >/dev/null 2>&1 || missing="$missing $tool"
done
[ -x /usr/bin/time ] || missing="$missing /usr/bin/time"
if [ -n "$missing" ]; then
    echo "bench: missing:$missing (apt-get install -y ripgrep time python3 git)" >&2
    exit 2
fi
bin_default="${ALPACA_LINT_BIN:-$root/.build/release/alpaca-lint}"
case " $* " in
    *" --bin "*) ;;
    *)
        if [ ! -x "$bin_default" ]; then
            echo "bench: building alpaca-lint (release)" >&2
            (cd "$root" && swift build -c release) >&2 || { echo "bench: build failed" >&2; exit 2; }
        fi
        set -- --bin "$bin_default" "$@"
        ;;
esac
cd "$root"
exec python3 "$here/bench.py" "$@"
