#!/usr/bin/env python3
"""alpaca-lint benchmark (issue "Speed"): a benchmark, not a timed test.

Builds a corpus of real code found on this machine, plants fake Alpaca credentials in a twin of
it, then times alpaca-lint against `rg -P` with one combined pattern on the same clean tree and
measures false positives (clean tree) and recall (planted tree). Standard library only.

Exit status: 0 whatever the numbers are; 2 on setup errors (missing tools, no binary, no corpus).
"""

import argparse
import json
import os
import random
import re
import shutil
import statistics
import subprocess
import sys
import sysconfig
import tarfile
import tempfile
import time
from pathlib import Path

SEED = 20240611
REPO_ROOT = Path(__file__).resolve().parents[2]

# One combined PCRE2 pattern for ripgrep that covers what the built-in rules look for: key-ID
# shapes (legacy 20 and new 26 characters, base64-safe boundaries), secret-shaped values after a
# secret-like name, the APCA-API headers / APCA_API variables and alpaca.markets hosts.
RG_PATTERN = (
    r"(?<![A-Za-z0-9+/])(?:AK|PK|CK)(?:[A-Z0-9]{18}|[A-Z2-7]{24})(?![A-Za-z0-9+/=])"
    r"|(?i:secret)[\w.-]{0,30}[\"'`\]\)]{0,4}[ \t]*(?:=>|:=|[:=,(]|[ \t])[ \t]*[\"'`]?[A-Za-z0-9/]{40,44}(?![A-Za-z0-9+/=])"
    r"|(?i:APCA[-_]API)"
    r"|alpaca\.markets"
)

AWS_CONTEXT = re.compile(rb"(?i)\baws|amazon|\bs3\b|boto|access_?key_?id|accesskeyid|x-amz|\biam\b")
PLACEHOLDER_WORDS = ["EXAMPLE", "SAMPLE", "PLACEHOLDER", "YOUR", "XXXX", "TEST", "DUMMY", "FAKE", "REPLACE",
                     "CHANGEME", "REDACTED", "INSERT", "MYKEY", "KEYID", "APIKEY", "SECRET", "ZZZZ", "PASSWORD",
                     "TODO", "FIXME", "AKIA", "KEY", "ALPACA", "APCA"]

UPPER_DIGITS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"
ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
BASE58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"


def log(message):
    print(message, file=sys.stderr, flush=True)


def die(message):
    print(f"bench: {message}", file=sys.stderr)
    sys.exit(2)


# ---------------------------------------------------------------------------------------------
# Corpus

def dir_size(path):
    total = files = 0
    for root, dirs, names in os.walk(path):
        if root == str(path):
            dirs[:] = [d for d in dirs if d != ".git"]
        for name in names:
            p = os.path.join(root, name)
            try:
                st = os.lstat(p)
            except OSError:
                continue
            if os.path.isfile(p) and not os.path.islink(p):
                total += st.st_size
                files += 1
    return total, files


def copy_files_capped(src, dest, cap, skip_dirs):
    """Copies regular files of src (sorted walk) into dest until cap bytes."""
    used = 0
    for root, dirs, names in os.walk(src):
        dirs[:] = sorted(d for d in dirs if d not in skip_dirs)
        for name in sorted(names):
            p = os.path.join(root, name)
            if os.path.islink(p) or not os.path.isfile(p):
                continue
            size = os.path.getsize(p)
            if used + size > cap:
                continue
            target = os.path.join(dest, os.path.relpath(p, src))
            os.makedirs(os.path.dirname(target), exist_ok=True)
            shutil.copyfile(p, target)
            used += size
    return used


def git_archive(repo, dest):
    os.makedirs(dest, exist_ok=True)
    archive = subprocess.run(["git", "-C", repo, "archive", "--format=tar", "HEAD"], capture_output=True)
    if archive.returncode != 0:
        log(f"  skip {repo}: git archive failed: {archive.stderr.decode(errors='replace').strip()}")
        return 0
    with tempfile.TemporaryFile() as handle:
        handle.write(archive.stdout)
        handle.seek(0)
        subprocess.run(["tar", "-x", "-C", dest], stdin=handle, check=True)
    return dir_size(dest)[0]


def build_corpus(clean, target_mb):
    """Swift packages (git archive HEAD) ~55 %, /usr/include ~25 %, Python stdlib ~20 % of target."""
    target = target_mb * 1_000_000
    tmp = clean.with_name(clean.name + ".partial")
    if tmp.exists():
        shutil.rmtree(tmp)
    tmp.mkdir(parents=True)
    repos = sorted(Path("/opt/swift-packages").glob("*/*.git"))
    # The same package is sometimes stored twice with a different case: keep one.
    unique = {}
    for repo in repos:
        unique.setdefault(str(repo.relative_to("/opt/swift-packages")).lower(), repo)
    repos = [unique[k] for k in sorted(unique)]
    random.Random(SEED).shuffle(repos)
    swift_cap = target * 0.55
    used = 0
    log(f"corpus: {len(repos)} Swift package repositories, cap {swift_cap / 1e6:.0f} MB")
    for repo in repos:
        if used >= swift_cap:
            break
        dest = tmp / "swift-packages" / repo.relative_to("/opt/swift-packages")
        size = git_archive(str(repo), str(dest))
        if used + size > swift_cap * 1.05:  # too big for what is left: try a smaller one
            shutil.rmtree(dest)
            continue
        used += size
    log(f"  Swift packages: {used / 1e6:.0f} MB")
    inc = copy_files_capped("/usr/include", str(tmp / "usr-include"), target * 0.25, set())
    log(f"  /usr/include: {inc / 1e6:.0f} MB")
    stdlib = sysconfig.get_paths()["stdlib"]
    py = copy_files_capped(stdlib, str(tmp / "python-stdlib"), target * 0.20, {"site-packages", "__pycache__"})
    log(f"  Python stdlib ({stdlib}): {py / 1e6:.0f} MB")
    tmp.rename(clean)


# ---------------------------------------------------------------------------------------------
# Fake credentials

def random_looking(rng, alphabet, length, need=()):
    """No repeated neighbours, no +-1 steps (no runs, no sequences), no placeholder words."""
    while True:
        out = []
        while len(out) < length:
            c = rng.choice(alphabet)
            if out and (c == out[-1] or abs(ord(c) - ord(out[-1])) == 1):
                continue
            out.append(c)
        value = "".join(out)
        upper = value.upper()
        if any(w in upper for w in PLACEHOLDER_WORDS):
            continue
        if len(set(value)) < 10:
            continue
        if all(any(ch in klass for ch in value) for klass in need):
            return value


DIGITS, LOWER, UPPER = "0123456789", "abcdefghijklmnopqrstuvwxyz", "ABCDEFGHIJKLMNOPQRSTUVWXYZ"


def key_id(rng, prefix, new):
    if new:
        return prefix + random_looking(rng, BASE32, 24, need=("234567", UPPER))
    return prefix + random_looking(rng, UPPER_DIGITS, 18, need=(DIGITS, UPPER))


def secret(rng, new):
    if new:
        return random_looking(rng, BASE58, rng.choice([43, 44]), need=("123456789", LOWER, UPPER))
    return random_looking(rng, ALNUM, 40, need=(DIGITS, LOWER, UPPER))


# Each template: host file extensions, and a function building lines with {name} slots.
# Slots: pk20 ak20 ck20 pk26 ak26 ck26 (key IDs), s40 s44 (legacy / new secret).
TEMPLATES = [
    ("py", ['ALPACA_API_KEY_ID = "{pk20}"']),
    ("py", ['api = tradeapi.REST("{pk20}", "{s40}", base_url="https://paper-api.alpaca.markets")']),
    ("py", ['os.environ["APCA_API_SECRET_KEY"] = "{s40}"']),
    ("py", ['key_id = os.getenv("ALPACA_KEY_ID", "{ak20}")']),
    ("py", ['client = TradingClient("{pk26}", "{s44}", paper=True)']),
    ("js", ["const alpaca = new Alpaca({{ keyId: '{pk26}', secretKey: '{s44}', paper: true }});"]),
    ("js", ['const ALPACA_KEY = "{ak20}";', 'const ALPACA_SECRET = "{s40}";']),
    ("go", ['client := alpaca.NewClient(alpaca.ClientOpts{{APIKey: "{ck20}", APISecret: "{s40}", '
            'BaseURL: "https://broker-api.sandbox.alpaca.markets"}})']),
    ("go", ['os.Setenv("APCA_API_KEY_ID", "{pk26}")']),
    ("yaml", ["  APCA_API_KEY_ID: {pk20}", "  APCA_API_SECRET_KEY: {s40}"]),
    ("yml", ['      ALPACA_API_KEY: "{ak26}"']),
    ("env", ["APCA_API_KEY_ID={pk20}", "APCA_API_SECRET_KEY={s40}", "APCA_API_BASE_URL=https://paper-api.alpaca.markets"]),
    ("env", ["ALPACA_API_KEY={ck26}", "ALPACA_SECRET_KEY={s44}"]),
    ("md", ['curl -H "APCA-API-KEY-ID: {pk20}" -H "APCA-API-SECRET-KEY: {s40}" https://paper-api.alpaca.markets/v2/account']),
    ("md", ["export APCA_API_KEY_ID={ak20}", "export APCA_API_SECRET_KEY={s40}"]),
    ("swift", ['let keyID = "{pk26}"']),
    ("h", ['#define ALPACA_KEY_ID "{ck20}"']),
]

SLOT = re.compile(r"\{(pk20|ak20|ck20|pk26|ak26|ck26|s40|s44)\}")
KIND = {"pk20": "paper key ID (20)", "ak20": "live key ID (20)", "ck20": "broker key ID (20)",
        "pk26": "paper key ID (26)", "ak26": "live key ID (26)", "ck26": "broker key ID (26)",
        "s40": "legacy secret (40)", "s44": "new secret (43-44)"}
EXPECTED_RULE = {"pk": "alpaca-paper-key-id", "ak": "alpaca-live-key-id", "ck": "alpaca-broker-key-id", "s4": "alpaca-secret-key"}


def value_for(slot, rng):
    if slot.startswith("s"):
        return secret(rng, slot == "s44")
    prefix = slot[:2].upper()
    while True:
        v = key_id(rng, prefix, slot.endswith("26"))
        if not v.startswith("AKIA"):
            return v


def ensure_repo(tree):
    """Each tree is a git repository of its own (nothing committed), so that the scan does not
    pick up the configuration (.alpaca-lint.toml excludes) or the tracked files of the repository
    the corpus happens to sit in."""
    if not (tree / ".git").exists():
        subprocess.run(["git", "init", "-q", str(tree)], check=True)


def candidate_hosts(clean):
    by_ext = {}
    for root, dirs, names in os.walk(clean):
        dirs[:] = sorted(d for d in dirs if d != ".git")
        for name in sorted(names):
            p = os.path.join(root, name)
            if os.path.islink(p):
                continue
            ext = name.rsplit(".", 1)[-1].lower() if "." in name else ""
            try:
                size = os.path.getsize(p)
            except OSError:
                continue
            if 200 <= size <= 512_000:
                by_ext.setdefault(ext, []).append(os.path.relpath(p, clean))
    return by_ext


def usable_lines(data):
    """Indexes i (0-based) where a block can be inserted before line i."""
    if b"\0" in data or b"\r" in data:
        return []
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return []
    lines = data.split(b"\n")
    good = []
    for i in range(1, len(lines) - 1):
        prev, nxt = lines[i - 1], lines[i]
        if prev.rstrip().endswith(b"\\") or AWS_CONTEXT.search(prev) or AWS_CONTEXT.search(nxt):
            continue
        good.append(i)
    return good


def plant(clean, planted, manifest, target_count):
    if planted.exists():
        shutil.rmtree(planted)
    subprocess.run(["cp", "-al", str(clean), str(planted)], check=True)
    shutil.rmtree(planted / ".git", ignore_errors=True)
    rng = random.Random(SEED)
    hosts = candidate_hosts(clean)
    used_files = set()
    credentials = []
    n = 0
    while len(credentials) < target_count:
        ext, lines = TEMPLATES[n % len(TEMPLATES)]
        n += 1
        values = {}
        block = []
        for line in lines:
            block.append(SLOT.sub(lambda m: values.setdefault(m.group(1), value_for(m.group(1), rng)), line).replace("{{", "{").replace("}}", "}"))
        # Note: format braces in templates are doubled; SLOT.sub leaves them, fix afterwards.
        pool = [h for h in hosts.get(ext, []) if h not in used_files]
        rel = None
        insert_at = None
        for _ in range(40):
            if not pool or ext == "env":
                break
            choice = rng.choice(pool)
            data = (clean / choice).read_bytes()
            spots = usable_lines(data)
            if spots:
                rel, insert_at = choice, rng.choice(spots)
                break
            pool.remove(choice)
        if rel is None:
            # No host of that type (Go, .env, …): a new file in a random existing folder.
            folder = rng.choice(sorted({os.path.dirname(h) for v in hosts.values() for h in v}))
            name = {"env": rng.choice([".env", ".env.production", "deploy.env", ".env.local"]),
                    "go": f"alpaca_client_{n}.go", "js": f"alpaca_{n}.js"}.get(ext, f"alpaca_{n}.{ext}")
            rel = os.path.join(folder, name)
            if rel in used_files or (planted / rel).exists():
                continue
            head = {"go": "package main\n\nimport \"os\"\n\nfunc setup() {\n", "js": "'use strict';\n\n"}.get(ext, "")
            tail = {"go": "}\n"}.get(ext, "")
            data = (head + "\n" + tail).encode()
            insert_at = head.count("\n")
        used_files.add(rel)
        lines_b = data.split(b"\n")
        new = lines_b[:insert_at] + [b.encode() for b in block] + lines_b[insert_at:]
        target = planted / rel
        tmp = target.with_name(target.name + ".plant-tmp")
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp.write_bytes(b"\n".join(new))
        os.replace(tmp, target)  # a new inode: the clean tree's hard link is untouched
        for offset, line in enumerate(block):
            for slot, value in values.items():
                if value in line:
                    credentials.append({"file": rel, "line": insert_at + 1 + offset, "kind": KIND[slot],
                                        "expectedRule": EXPECTED_RULE[slot[:2]], "value": value,
                                        "fileType": ext})
    manifest.write_text(json.dumps({"seed": SEED, "note": "FAKE credentials generated for the benchmark; none is real.",
                                    "count": len(credentials), "credentials": credentials}, indent=1) + "\n")
    return credentials


# ---------------------------------------------------------------------------------------------
# Timing

def timed(cmd, cwd):
    with tempfile.NamedTemporaryFile("r", suffix=".time") as tf:
        start = time.perf_counter()
        proc = subprocess.run(["/usr/bin/time", "-f", "%M %U %S", "-o", tf.name] + cmd, cwd=cwd,
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        wall = time.perf_counter() - start
        rss, user, system = tf.read().strip().splitlines()[-1].split()
    return wall, int(rss), proc.returncode, proc.stderr, float(user) + float(system)


def lint_cmd(binary, out, jobs, extra=()):
    cmd = [binary, "--no-ignore", "--no-redact", "--format", "json", "-o", out]
    if jobs:
        cmd += ["-j", str(jobs)]
    return cmd + list(extra) + ["."]


def rg_cmd(jobs):
    cmd = ["rg", "-P", "--no-ignore", "--hidden", "-g", "!.git", "-c", "--max-filesize", "10M"]
    if jobs:
        cmd += ["-j", str(jobs)]
    return cmd + ["-e", RG_PATTERN, "."]


def load_findings(path):
    doc = json.loads(Path(path).read_text())
    return doc["findings"], doc.get("summary", {}), doc.get("warnings", [])


def norm(p):
    return p[2:] if p.startswith("./") else p


def staged_bench(binary, runs):
    work = Path(tempfile.mkdtemp(prefix="alpaca-bench-staged-"))
    try:
        env = dict(os.environ, GIT_AUTHOR_NAME="bench", GIT_AUTHOR_EMAIL="bench@invalid",
                   GIT_COMMITTER_NAME="bench", GIT_COMMITTER_EMAIL="bench@invalid")
        git = lambda *a: subprocess.run(["git", *a], cwd=work, env=env, check=True, capture_output=True)
        git("init", "-q")
        (work / "README.md").write_text("# demo\n")
        git("add", "README.md")
        git("commit", "-q", "-m", "init")
        (work / "app.py").write_text("import os\n\nKEY = os.environ['APCA_API_KEY_ID']\nprint('hello')\n")
        (work / "util.js").write_text("export function add(a, b) {\n  return a + b;\n}\n")
        (work / "notes.md").write_text("Run with `python app.py`.\n")
        git("add", "app.py", "util.js", "notes.md")
        walls = []
        for _ in range(runs):
            start = time.perf_counter()
            subprocess.run([binary, "--staged", "--format", "json"], cwd=work, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            walls.append(time.perf_counter() - start)
        return statistics.median(walls), min(walls), max(walls)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--bin", default=str(REPO_ROOT / ".build/release/alpaca-lint"))
    ap.add_argument("--quick", action="store_true", help="~50 MB corpus instead of ~500 MB")
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--jobs", type=int, default=0, help="-j for both tools (default: their own default)")
    ap.add_argument("--plants", type=int, default=130)
    ap.add_argument("--rebuild-corpus", action="store_true")
    args = ap.parse_args()
    args.bin = os.path.abspath(args.bin)

    for tool in ["rg", "git", "tar", "cp"]:
        if not shutil.which(tool):
            die(f"missing tool: {tool} (apt-get install -y ripgrep)")
    if not os.access("/usr/bin/time", os.X_OK):
        die("missing /usr/bin/time (apt-get install -y time)")
    if not os.access(args.bin, os.X_OK):
        die(f"no alpaca-lint binary at {args.bin} (swift build -c release)")

    base = REPO_ROOT / "bench-corpus"
    if args.quick:
        base = base / "quick"
    clean, planted, manifest = base / "clean", base / "planted", base / "planted.json"
    base.mkdir(parents=True, exist_ok=True)
    if args.rebuild_corpus and clean.exists():
        shutil.rmtree(clean)
    if not clean.exists():
        t = time.perf_counter()
        build_corpus(clean, 50 if args.quick else 500)
        log(f"corpus built in {time.perf_counter() - t:.0f} s")
        if manifest.exists():
            manifest.unlink()
    if not manifest.exists() or not planted.exists():
        plant(clean, planted, manifest, args.plants)
    credentials = json.loads(manifest.read_text())["credentials"]
    ensure_repo(clean)
    ensure_repo(planted)
    size, files = dir_size(clean)
    mb = size / 1e6

    # Warm the page cache and check both tools run.
    out_clean = str(base / "findings-clean.json")
    out_planted = str(base / "findings-planted.json")
    rg_version = subprocess.run(["rg", "--version"], capture_output=True, text=True).stdout.splitlines()[0]
    for cmd in (lint_cmd(args.bin, out_clean, args.jobs), rg_cmd(args.jobs)):
        wall, rss, rc, err, _ = timed(cmd, clean)
        if rc not in (0, 1):
            die(f"{cmd[0]} failed (exit {rc}): {err.decode(errors='replace')[:500]}")
    load_before = os.getloadavg()[0]
    lint_walls, lint_rss, rg_walls, rg_rss, ratios, lint_cpu, rg_cpu = [], [], [], [], [], [], []
    for i in range(args.runs):
        lw, lr, _, _, lc = timed(lint_cmd(args.bin, out_clean, args.jobs), clean)
        rw, rr, _, _, rc_ = timed(rg_cmd(args.jobs), clean)
        lint_walls.append(lw); lint_rss.append(lr); rg_walls.append(rw); rg_rss.append(rr); ratios.append(lw / rw)
        lint_cpu.append(lc); rg_cpu.append(rc_)
        log(f"run {i + 1}/{args.runs}: alpaca-lint {lw:.3f} s wall {lc:.2f} s CPU ({lr / 1024:.0f} MB RSS), rg {rw:.3f} s wall {rc_:.2f} s CPU")

    findings, summary, warnings = load_findings(out_clean)
    timed(lint_cmd(args.bin, out_planted, args.jobs), planted)
    planted_findings, _, _ = load_findings(out_planted)
    by_place = {}
    for f in planted_findings:
        by_place.setdefault((norm(f["path"]), f["line"]), []).append(f)
    found, misses, wrong_rule = 0, [], 0
    for c in credentials:
        hits = [f for f in by_place.get((c["file"], c["line"]), []) if c["value"] in f.get("secret", "")]
        if hits:
            found += 1
            if not any(f["ruleId"] == c["expectedRule"] for f in hits):
                wrong_rule += 1
        else:
            misses.append(c)
    planted_places = {(c["file"], c["line"]) for c in credentials}
    extra = [f for f in planted_findings if (norm(f["path"]), f["line"]) not in planted_places]
    extra_env = [f for f in extra if f["ruleId"].startswith("alpaca-env-")]
    st_med, st_min, st_max = staged_bench(args.bin, 10)

    lm, rm = statistics.median(lint_walls), statistics.median(rg_walls)
    results = {
        "corpus": {"path": str(clean), "MB": round(mb, 1), "files": files,
                   "filesScannedByAlpacaLint": summary.get("filesScanned"), "filesSkipped": summary.get("filesSkipped")},
        "runs": args.runs, "jobs": args.jobs or os.cpu_count(), "rg": rg_version, "rgPattern": RG_PATTERN,
        "alpacaLint": {"wall": lint_walls, "median": lm, "MBps": mb / lm, "peakRSSkB": max(lint_rss), "cpu": lint_cpu},
        "ripgrep": {"wall": rg_walls, "median": rm, "MBps": mb / rm, "peakRSSkB": max(rg_rss), "cpu": rg_cpu},
        "medianRatio": statistics.median(ratios),
        "falsePositives": [{k: f[k] for k in ("ruleId", "path", "line", "column")} for f in findings],
        "warnings": warnings,
        "recall": {"planted": len(credentials), "found": found, "foundWithOtherRuleOnly": wrong_rule,
                   "misses": [{k: c[k] for k in ("file", "line", "kind", "expectedRule", "fileType")} for c in misses]},
        "plantedTreeExtraFindings": [{k: f[k] for k in ("ruleId", "path", "line")} for f in extra],
        "staged": {"median": st_med, "min": st_min, "max": st_max, "runs": 10},
    }
    (base / "results.json").write_text(json.dumps(results, indent=1) + "\n")

    print()
    print(f"Corpus: {mb:.0f} MB in {files:,} files ({clean}); alpaca-lint scanned {summary.get('filesScanned')} files, skipped {summary.get('filesSkipped')}")
    print(f"Warm cache, {args.runs} alternating runs each, {results['jobs']} workers/threads, {rg_version}; load average before: {load_before:.1f} on {os.cpu_count()} cores")
    print()
    print("| measure | alpaca-lint | rg -P (one combined pattern) |")
    print("|---|---|---|")
    print(f"| median wall | {lm:.2f} s | {rm:.2f} s |")
    print(f"| throughput | {mb / lm:.0f} MB/s | {mb / rm:.0f} MB/s |")
    print(f"| median ratio alpaca-lint / rg | {statistics.median(ratios):.2f}× | 1.00× |")
    print(f"| median CPU time (user+sys) | {statistics.median(lint_cpu):.2f} s | {statistics.median(rg_cpu):.2f} s |")
    print(f"| peak RSS | {max(lint_rss) / 1024:.0f} MB | {max(rg_rss) / 1024:.0f} MB |")
    print(f"| findings on the clean tree (false positives) | {len(findings)} | n/a |")
    print(f"| recall on {len(credentials)} planted fake credentials | {found}/{len(credentials)} ({100 * found / len(credentials):.1f} %) | n/a |")
    print(f"| `--staged`, 3 small files (median of 10, incl. start-up) | {st_med * 1000:.0f} ms | n/a |")
    print()
    if findings:
        print(f"FALSE POSITIVES on the clean tree ({len(findings)}):")
        for f in sorted(findings, key=lambda f: (f["path"], f["line"])):
            print(f"  {norm(f['path'])}:{f['line']}:{f['column']}  {f['ruleId']}  (secret length {len(f.get('secret', ''))})")
    if warnings:
        print(f"warnings on the clean tree: {len(warnings)} (see results.json)")
    if misses:
        print(f"RECALL MISSES ({len(misses)}):")
        for c in misses:
            print(f"  {c['file']}:{c['line']}  {c['kind']} ({c['fileType']}), expected {c['expectedRule']}")
    if wrong_rule:
        print(f"found but only under another rule id: {wrong_rule}")
    print(f"other findings on the planted tree (not at a planted place): {len(extra)} ({len(extra_env)} .env file rules)")
    print(f"details: {base / 'results.json'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
