#!/usr/bin/env bash
# Staged-scan benchmark: one staged one-line change in a clone of the history benchmark repository
# (about 23,000 files), timed three ways. A benchmark, not a timed test: it prints numbers.
#
#   bash scripts/bench/staged.sh [--runs N] [--repo PATH] [--bin PATH]
#
#   git-only     StagedSource.load in-process (scripts/bench/staged-driver.swift) against
#                `git diff --cached -U0` started the same way: what the source costs beyond git
#   alpaca-lint  `alpaca-lint --staged` as a process (start-up and rules included), when built
#   git diff     `git diff --cached -U0` as a process, the reference
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
runs=30
source_repo=/tmp/histrepo
bin=${ALPACA_LINT_BIN:-$root/.build/release/alpaca-lint}
while [ $# -gt 0 ]; do
    case "$1" in
        --runs) runs=$2; shift 2 ;;
        --repo) source_repo=$2; shift 2 ;;
        --bin) bin=$2; shift 2 ;;
        *) echo "staged.sh: unknown option $1" >&2; exit 2 ;;
    esac
done
if [ ! -d "$source_repo/.git" ]; then
    # history.sh builds the repository (and its corpus) when missing.
    bash "$here/history.sh" --runs 0 --repo "$source_repo" --no-kingfisher >/dev/null
fi
work=$source_repo-staged
if [ ! -d "$work/.git" ]; then
    git clone -q "$source_repo" "$work" 2>/dev/null
fi
git -C "$work" reset -q --hard 2>/dev/null
file=$(git -C "$work" ls-files '*.swift' | sed -n 1p)
echo "// one staged line" >>"$work/$file"
git -C "$work" add -- "$file"

driver=$root/.build/bench/staged-driver
if [ ! -x "$driver" ] || [ -n "$(find "$root/Sources/AlpacaGit" "$here/staged-driver.swift" -newer "$driver" -name '*.swift' 2>/dev/null)" ]; then
    echo "staged.sh: compiling the staged driver" >&2
    mkdir -p "$root/.build/bench/staged-src"
    cp "$here/staged-driver.swift" "$root/.build/bench/staged-src/main.swift"
    swiftc -O -module-name StagedDriver "$root"/Sources/AlpacaGit/*.swift \
        "$root/.build/bench/staged-src/main.swift" -o "$driver" 2>/dev/null
fi
echo "staged.sh: $work: $(git -C "$work" ls-files | wc -l) files, 1 staged line in $file"
echo "git-only: $("$driver" "$work" "$runs")"

if [ -x "$bin" ]; then
    python3 - "$bin" "$work" "$runs" <<'PY'
import statistics, subprocess, sys, time
binary, work, runs = sys.argv[1], sys.argv[2], int(sys.argv[3])
def run(command):
    start = time.perf_counter()
    subprocess.run(command, cwd=work, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return (time.perf_counter() - start) * 1000
tool, git = [], []
for _ in range(runs):
    tool.append(run([binary, "--staged"]))
    git.append(run(["git", "diff", "--cached", "-U0"]))
t, g = statistics.median(tool), statistics.median(git)
print(f"process: alpaca-lint --staged {t:.1f} ms; git diff --cached -U0 {g:.1f} ms; ratio {t / g:.2f} (median of {runs})")
PY
else
    echo "staged.sh: no alpaca-lint binary at $bin: process timing left out" >&2
fi
git -C "$work" reset -q --hard
