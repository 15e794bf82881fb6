#!/usr/bin/env bash
# History-scan benchmark: alpaca-lint --history against Kingfisher and a plain `git cat-file` read of
# every object, on a 3,000-commit repository of real Swift sources. A benchmark, not a timed test:
# it prints numbers and exits non-zero only when setup fails.
#
#   bash scripts/bench/history.sh [--runs N] [--repo PATH] [--bin PATH] [--no-kingfisher] [--plumbing]
#
#   --runs N         timed runs per tool, alternating (default 3)
#   --repo PATH      the benchmark repository (default /tmp/histrepo; built when missing)
#   --bin PATH       alpaca-lint binary (default .build/release/alpaca-lint, or $ALPACA_LINT_BIN;
#                    built with `swift build -c release` when missing)
#   --no-kingfisher  leave Kingfisher out
#   --plumbing       also time scripts/bench/history-driver.swift: BlobHistorySource alone
#                    (enumerate and read every unique blob once, no rules), compiled with swiftc -O
#
# Tools timed (wall seconds and peak RSS from /usr/bin/time -f %M: the largest single process of the
# tree, git children included):
#   alpaca-lint `alpaca-lint --history REPO`, started from another folder (report to /dev/null)
#   kingfisher  `kingfisher scan --git-history full --no-validate` on a bare clone (history only,
#               no working tree), when installed (`pip install kingfisher-bin`)
#   cat-file    `git cat-file --batch-all-objects --batch >/dev/null`: git reading every object once
# Then one more, untimed, `alpaca-lint --history --format json --no-redact` run gives recall: the
# planted keys of REPO.plants.tsv that landed in text files (NUL-free first 8000 bytes, git's
# test), each expected as a finding with that secret, and whether it names the planting commit.
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
plumbing_wanted=0
while [ $# -gt 0 ]; do
    case "$1" in
        --runs) runs=$2; shift 2 ;;
        --repo) repo=$2; shift 2 ;;
        --bin) bin=$2; shift 2 ;;
        --no-kingfisher) kingfisher_wanted=0; shift ;;
        --plumbing) plumbing_wanted=1; shift ;;
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
if [ ! -x "$bin" ]; then
    echo "history.sh: building alpaca-lint (release)" >&2
    (cd "$root" && swift build -c release) >&2 || { echo "history.sh: build failed" >&2; exit 2; }
fi
case "$("$bin" scan --help 2>&1)" in
    *--history*) ;;
    *) echo "history.sh: $bin has no --history" >&2; exit 2 ;;
esac
names=()
commands=()
if [ "$plumbing_wanted" = 1 ]; then
    driver=$root/.build/bench/history-driver
    if [ ! -x "$driver" ] || [ -n "$(find "$root/Sources/AlpacaGit" "$here/history-driver.swift" -newer "$driver" -name '*.swift' 2>/dev/null)" ]; then
        echo "history.sh: compiling the plumbing driver" >&2
        mkdir -p "$root/.build/bench/driver-src"
        cp "$here/history-driver.swift" "$root/.build/bench/driver-src/main.swift"
        swiftc -O -module-name HistoryDriver "$root"/Sources/AlpacaGit/*.swift \
            "$root/.build/bench/driver-src/main.swift" -o "$driver" 2>/dev/null
    fi
    names+=(plumbing)
    commands+=("\"$driver\" \"$repo\"")
fi
# From a folder outside the repository, as a reviewer scanning a repository they inherited would.
elsewhere=$(mktemp -d)
names+=(alpaca-lint)
commands+=("cd \"$elsewhere\" && \"$bin\" --history \"$repo\" --quiet")
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
report=$(mktemp)
trap 'rm -rf "$results" "$results.one" "$report" "$elsewhere"' EXIT
echo "history.sh: $repo: $(git -C "$repo" rev-list --count --all) commits; $runs runs of ${names[*]}; load average $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores" >&2
for run in $(seq "$runs"); do
    for index in "${!names[@]}"; do
        status=0
        /usr/bin/time -f "%e %M" -o "$results.one" bash -c "${commands[$index]}" >/dev/null 2>&1 || status=$?
        echo "${names[$index]} $(tail -1 "$results.one") $status" >>"$results"
        read -r wall rss <<<"$(tail -1 "$results.one")"
        echo "  run $run ${names[$index]}: $wall s, $((rss / 1024)) MB (exit $status)" >&2
    done
done
load_after=$(cut -d' ' -f1-3 /proc/loadavg)

# --- recall (untimed) ----------------------------------------------------------------------------
(cd "$elsewhere" && "$bin" --history "$repo" --format json --no-redact --quiet -o "$report") || true

python3 - "$results" "$report" "$repo" "$repo.plants.tsv" "$load_after" <<'PY'
import json, os, statistics, subprocess, sys
results, report, repo, plants_path, load_after = sys.argv[1:6]
rows = {}
for line in open(results):
    name, wall, rss, status = line.split()
    rows.setdefault(name, []).append((float(wall), int(rss), int(status)))
med = {n: statistics.median(w for w, _, _ in r) for n, r in rows.items()}
print(f"load average after the timed runs: {load_after} on {os.cpu_count()} cores")
print("| tool | median wall | min–max | peak RSS | × Kingfisher | × cat-file | exit |")
print("|---|---|---|---|---|---|---|")
for name, r in rows.items():
    walls = [w for w, _, _ in r]
    rss = max(m for _, m, _ in r) / 1024
    kf = f"{med[name] / med['kingfisher']:.2f}" if "kingfisher" in med else "n/a"
    cf = f"{med[name] / med['cat-file']:.2f}" if "cat-file" in med else "n/a"
    exits = ",".join(sorted({str(s) for _, _, s in r}))
    print(f"| {name} | {med[name]:.2f} s | {min(walls):.2f}–{max(walls):.2f} s | {rss:.0f} MB | {kf} | {cf} | {exits} |")
target = "alpaca-lint"
checks = []
if "kingfisher" in med:
    checks.append(f"wall ≤ 0.5 × Kingfisher: {'yes' if med[target] <= 0.5 * med['kingfisher'] else 'NO'}")
checks.append(f"wall ≤ 1.5 × cat-file: {'yes' if med[target] <= 1.5 * med['cat-file'] else 'NO'}")
rss = max(m for _, m, _ in rows[target]) / 1024
checks.append(f"peak RSS < 200 MB: {'yes' if rss < 200 else 'NO'}")

# Recall: plants in text files, by commit index (the history is linear: commit i is the (i+1)-th).
commits = subprocess.run(["git", "-C", repo, "rev-list", "--reverse", "--topo-order", "HEAD"], capture_output=True, text=True, check=True).stdout.split()
plants = [line.rstrip("\n").split("\t") for line in open(plants_path) if line.strip()]
request = "".join(f"{commits[int(c)]}:{p}\n" for c, p, _ in plants).encode()
batch = subprocess.run(["git", "-C", repo, "cat-file", "--batch"], input=request, capture_output=True, check=True).stdout
texts, position = [], 0
for _ in plants:
    newline = batch.index(b"\n", position)
    header = batch[position:newline].split()
    position = newline + 1
    if len(header) != 3:
        texts.append(False)
        continue
    size = int(header[2])
    texts.append(b"\0" not in batch[position:position + min(size, 8000)])
    position += size + 1
try:
    findings = json.load(open(report))["findings"]
except Exception as error:
    findings = []
    print(f"no JSON report for recall: {error}")
by_secret = {}
for finding in findings:
    by_secret.setdefault(finding.get("secret"), []).append(finding)
text_plants = [(c, p, k) for (c, p, k), text in zip(plants, texts) if text]
found = [(c, p, k) for c, p, k in text_plants if k in by_secret]
attributed = [(c, p, k) for c, p, k in found if any(f.get("commit") == commits[int(c)] for f in by_secret[k])]
without_commit = sum(1 for f in findings if not f.get("commit"))
print(f"\nrecall: {len(found)}/{len(text_plants)} planted keys in text files found "
      f"({len(plants) - len(text_plants)} plants in binary files not counted); "
      f"{len(attributed)} attributed to the planting commit; {len(findings)} findings, {without_commit} without a commit")
for c, p, k in text_plants:
    if k not in by_secret:
        print(f"  missed: commit {c} {p}")
checks.append(f"recall {len(found)}/{len(text_plants)}")
print(f"\n{target}: " + "; ".join(checks))
PY
