#!/usr/bin/env bash
# Staged-scan benchmark: one staged one-line change in a clone of the history benchmark repository
# (about 23,000 files), timed three ways. A benchmark, not a timed test: it prints numbers.
#
#   bash scripts/bench/staged.sh [--runs N] [--repo PATH] [--bin PATH] [--work PATH]
#
#   --work PATH  the clone that gets the staged change (default REPO-staged; reset to HEAD)
#
#   git-only     StagedSource.load in-process (scripts/bench/staged-driver.swift) against
#                `git diff --cached -U0` started the same way: what the source costs beyond git
#   alpaca-lint  `alpaca-lint --staged` as a process (start-up and rules included), when built,
#                against `git diff --cached -U0` as a process, the reference (hyperfine, median)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
runs=5
work=
source_repo=/tmp/histrepo
bin=${ALPACA_LINT_BIN:-$root/.build/release/alpaca-lint}
while [ $# -gt 0 ]; do
    case "$1" in
        --runs) runs=$2; shift 2 ;;
        --repo) source_repo=$2; shift 2 ;;
        --bin) bin=$2; shift 2 ;;
        --work) work=$2; shift 2 ;;
        *) echo "staged.sh: unknown option $1" >&2; exit 2 ;;
    esac
done
if [ ! -d "$source_repo/.git" ]; then
    # history.sh builds the repository (and its corpus) when missing.
    bash "$here/history.sh" --runs 0 --repo "$source_repo" --no-kingfisher >/dev/null
fi
work=${work:-$source_repo-staged}
if [ ! -d "$work/.git" ]; then
    git clone -q "$source_repo" "$work" 2>/dev/null
fi
git -C "$work" reset -q --hard 2>/dev/null
file=$(git -C "$work" ls-files '*.swift' | sed -n 1p)
# One staged line: a (fake) paper key ID, which the scan must report.
echo 'let apcaKeyID = "PKQ3H8ZK2W6N0RTVLV4B"' >>"$work/$file"  # alpaca-lint:allow made-up key the benchmark stages
git -C "$work" add -- "$file"

driver=$root/.build/bench/staged-driver
if [ ! -x "$driver" ] || [ -n "$(find "$root/Sources/AlpacaGit" "$here/staged-driver.swift" -newer "$driver" -name '*.swift' 2>/dev/null)" ]; then
    echo "staged.sh: compiling the staged driver" >&2
    mkdir -p "$root/.build/bench/staged-src"
    cp "$here/staged-driver.swift" "$root/.build/bench/staged-src/main.swift"
    swiftc -O -module-name StagedDriver "$root"/Sources/AlpacaGit/*.swift \
        "$root/.build/bench/staged-src/main.swift" -o "$driver" 2>/dev/null
fi
echo "staged.sh: $work: $(git -C "$work" ls-files | wc -l) files, 1 staged line (a fake key) in $file"
echo "git-only: $("$driver" "$work" "$runs")"

if [ -x "$bin" ]; then
    # Both as processes, as a pre-commit hook runs them; median of 5 alternating hyperfine runs
    # unless --runs says otherwise (the driver above uses the same count).
    if command -v hyperfine >/dev/null 2>&1; then
        echo "load average: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
        report=$(mktemp)
        (cd "$work" && hyperfine -N -i -w 3 -r "$runs" --export-json "$report" "$bin --staged" "git diff --cached -U0" >/dev/null 2>&1)
        python3 - "$report" <<'PY'
import json, sys
results = json.load(open(sys.argv[1]))["results"]
tool, git = results[0]["median"] * 1000, results[1]["median"] * 1000
print(f"process: alpaca-lint --staged {tool:.1f} ms; git diff --cached -U0 {git:.1f} ms; ratio {tool / git:.2f} "
      f"(median of {len(results[0]['times'])}, hyperfine; target ≤ 5)")
PY
        rm -f "$report"
        found=$( (cd "$work" && "$bin" --staged --format json 2>/dev/null || true) | python3 -c 'import json, sys; print(sum(f["ruleId"] == "alpaca-paper-key-id" for f in json.load(sys.stdin)["findings"]))')
        echo "the staged key found: $found finding(s) (expected 1)"
    else
        echo "staged.sh: hyperfine not installed: process timing left out" >&2
    fi
else
    echo "staged.sh: no alpaca-lint binary at $bin: process timing left out" >&2
fi
git -C "$work" reset -q --hard
