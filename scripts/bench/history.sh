#!/usr/bin/env bash
# History-scan benchmark: alpaca-lint --history against Kingfisher and a plain `git cat-file` read of
# every object, on a 3,000-commit repository of real Swift sources. A benchmark, not a timed test:
# it prints numbers and exits non-zero only when setup fails.
#
#   bash scripts/bench/history.sh [--runs N] [--repo PATH] [--bin PATH] [--no-kingfisher]
#
#   --runs N         timed runs per tool, alternating (default 3)
#   --repo PATH      the benchmark repository (default /tmp/histrepo; built when missing)
#   --bin PATH       alpaca-lint binary (default .build/release/alpaca-lint, or $ALPACA_LINT_BIN)
#   --no-kingfisher  leave Kingfisher out
#
# Tools timed (wall seconds and peak RSS from /usr/bin/time; RSS is the largest single process of
# the tree, git children included):
#   plumbing    scripts/bench/history-driver.swift: BlobHistorySource alone (enumerate, read every
#               unique blob once, a trivial PCRE-free key-shape check), compiled with swiftc -O
#   alpaca-lint `alpaca-lint --history` run in the repository (when the binary has --history)
#   kingfisher  `kingfisher scan --git-history full --no-validate` on a bare clone (history only,
#               no working tree), when installed (`pip install kingfisher-bin`)
#   cat-file    `git cat-file --batch-all-objects --batch >/dev/null`: git reading every object once
#
# Building the repository needs /work/shared/bench/make-history.sh (or $ALPACA_SHARED/bench/…) and
# a corpus: `git archive` of the newest tag of each repository in /opt/swift-packages, unpacked
# into /tmp/corpus-real/swift (built here when missing).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
runs=3
repo=/tmp/histrepo
corpus=${HISTORY_CORPUS:-/tmp/corpus-real/swift}
bin=${ALPACA_LINT_BIN:-$root/.build/release/alpaca-lint}
kingfisher_wanted=1
while [ $# -gt 0 ]; do
    case "$1" in
        --runs) runs=$2; shift 2 ;;
        --repo) repo=$2; shift 2 ;;
        --bin) bin=$2; shift 2 ;;
        --no-kingfisher) kingfisher_wanted=0; shift ;;
        *) echo "history.sh: unknown option $1" >&2; exit 2 ;;
    esac
done
for tool in git python3 swiftc; do
    command -v "$tool" >/dev/null 2>&1 || { echo "history.sh: missing $tool" >&2; exit 2; }
done
[ -x /usr/bin/time ] || { echo "history.sh: missing /usr/bin/time (apt-get install -y time)" >&2; exit 2; }

# --- corpus and repository -------------------------------------------------------------------
if [ ! -d "$repo/.git" ]; then
    if [ ! -d "$corpus" ]; then
        echo "history.sh: building the corpus in $corpus" >&2
        mkdir -p "$corpus"
        declare -A seen=()
        for mirror in /opt/swift-packages/*/*.git; do
            [ -d "$mirror" ] || continue
            relative=${mirror#/opt/swift-packages/}
            key=$(printf '%s' "$relative" | tr 'A-Z' 'a-z')
            [ -n "${seen[$key]:-}" ] && continue  # the same repository under two spellings
            seen[$key]=1
            name=$(basename "$mirror" .git)
            tag=$(git -C "$mirror" tag --sort=-v:refname | sed -n 1p)
            dest=$corpus/$name
            [ -e "$dest" ] && dest=$corpus/$(dirname "$relative")-$name
            mkdir -p "$dest"
            git -C "$mirror" archive --format=tar "${tag:-HEAD}" | tar -x -C "$dest"
        done
    fi
    maker=""
    for candidate in "${ALPACA_SHARED:-}/bench/make-history.sh" "$root/../shared/bench/make-history.sh" \
        /work/shared/bench/make-history.sh; do
        if [ -f "$candidate" ]; then maker=$candidate; break; fi
    done
    [ -n "$maker" ] || { echo "history.sh: make-history.sh not found (set ALPACA_SHARED)" >&2; exit 2; }
    echo "history.sh: building $repo (about a minute)" >&2
    bash "$maker" "$repo" "$corpus" >&2 2>/dev/null
fi
bare=$repo-bare.git
if [ ! -d "$bare" ] || [ "$(git -C "$bare" rev-parse HEAD)" != "$(git -C "$repo" rev-parse HEAD)" ]; then
    rm -rf "$bare"
    git clone -q --bare "$repo" "$bare"
fi

[ "$runs" -gt 0 ] || exit 0  # --runs 0: only make sure the repository exists

# --- tools -----------------------------------------------------------------------------------
driver=$root/.build/bench/history-driver
if [ ! -x "$driver" ] || [ -n "$(find "$root/Sources/AlpacaGit" "$here/history-driver.swift" -newer "$driver" -name '*.swift' 2>/dev/null)" ]; then
    echo "history.sh: compiling the plumbing driver" >&2
    mkdir -p "$root/.build/bench/driver-src"
    cp "$here/history-driver.swift" "$root/.build/bench/driver-src/main.swift"
    swiftc -O -module-name HistoryDriver "$root"/Sources/AlpacaGit/*.swift \
        "$root/.build/bench/driver-src/main.swift" -o "$driver" 2>/dev/null
fi
names=(plumbing)
commands=("\"$driver\" \"$repo\"")
if [ -x "$bin" ] && "$bin" --help 2>&1 | grep -q -- '--history'; then
    names+=(alpaca-lint)
    commands+=("cd \"$repo\" && \"$bin\" --history")
else
    echo "history.sh: no alpaca-lint binary with --history at $bin: timing the plumbing only" >&2
fi
if [ "$kingfisher_wanted" = 1 ]; then
    kingfisher=$(python3 -c 'import kingfisher, os; print(os.path.join(os.path.dirname(kingfisher.__file__), "bin", "kingfisher"))' 2>/dev/null || true)
    [ -x "$kingfisher" ] || kingfisher=$(command -v kingfisher || true)
    if [ -n "$kingfisher" ]; then
        names+=(kingfisher)
        commands+=("\"$kingfisher\" scan --git-history full --no-validate --no-update-check -q \"$bare\"")
    else
        echo "history.sh: Kingfisher not installed (pip install kingfisher-bin): left out" >&2
    fi
fi
names+=(cat-file)
commands+=("git -C \"$repo\" cat-file --batch-all-objects --batch")

# --- timed runs, alternating -------------------------------------------------------------------
results=$(mktemp)
trap 'rm -f "$results" "$results.one"' EXIT
echo "history.sh: $repo: $(git -C "$repo" rev-list --count --all) commits; $runs runs of ${names[*]}" >&2
for run in $(seq "$runs"); do
    for index in "${!names[@]}"; do
        status=0
        /usr/bin/time -f "%e %M" -o "$results.one" bash -c "${commands[$index]}" >/dev/null 2>&1 || status=$?
        echo "${names[$index]} $(tail -1 "$results.one") $status" >>"$results"
        read -r wall rss <<<"$(tail -1 "$results.one")"
        echo "  run $run ${names[$index]}: $wall s, $((rss / 1024)) MB (exit $status)" >&2
    done
done

python3 - "$results" <<'PY'
import statistics, sys
rows = {}
for line in open(sys.argv[1]):
    name, wall, rss, status = line.split()
    rows.setdefault(name, []).append((float(wall), int(rss), int(status)))
med = {n: statistics.median(w for w, _, _ in r) for n, r in rows.items()}
print("| tool | median wall | min–max | peak RSS | × Kingfisher | × cat-file | exit |")
print("|---|---|---|---|---|---|---|")
for name, r in rows.items():
    walls = [w for w, _, _ in r]
    rss = max(m for _, m, _ in r) / 1024
    kf = f"{med[name] / med['kingfisher']:.2f}" if "kingfisher" in med else "n/a"
    cf = f"{med[name] / med['cat-file']:.2f}" if "cat-file" in med else "n/a"
    exits = ",".join(sorted({str(s) for _, _, s in r}))
    print(f"| {name} | {med[name]:.2f} s | {min(walls):.2f}–{max(walls):.2f} s | {rss:.0f} MB | {kf} | {cf} | {exits} |")
target = "alpaca-lint" if "alpaca-lint" in med else "plumbing"
checks = []
if "kingfisher" in med:
    checks.append(f"wall ≤ 0.5 × Kingfisher: {'yes' if med[target] <= 0.5 * med['kingfisher'] else 'NO'}")
checks.append(f"wall ≤ 1.5 × cat-file: {'yes' if med[target] <= 1.5 * med['cat-file'] else 'NO'}")
rss = max(m for _, m, _ in rows[target]) / 1024
checks.append(f"peak RSS < 200 MB: {'yes' if rss < 200 else 'NO'}")
print(f"\n{target}: " + "; ".join(checks))
PY
