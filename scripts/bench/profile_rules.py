#!/usr/bin/env python3
"""Rule-by-rule cost of alpaca-lint without rebuilding it.

Every built-in rule is disabled through a temporary config (`disable = [...]`), and each detector
(a rule's main pattern or one of its variants) is loaded again as a user rule of its own through
`--rules DIR`, with the detector's regex and keywords only (no requirements: those run only on
hits). The time of a run minus the time with no content rule at all is that detector's cost.

    python3 scripts/bench/profile_rules.py --bin .build/release/alpaca-lint [--jobs 1] [--runs 3] TREE
"""

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
import tomllib
import resource
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def toml_str(s):
    return "'''" + s + "'''" if "'''" not in s else json.dumps(s)


def detectors():
    out = []
    ids = []
    for f in sorted((ROOT / "Rules").glob("*.toml")):
        for rule in tomllib.loads(f.read_text()).get("rules", []):
            ids.append(rule["id"])
            if "regex" not in rule:
                continue
            base_kw = rule.get("keywords", [])
            out.append((f"{rule['id']}#main", rule["regex"], base_kw))
            for n, v in enumerate(rule.get("variants", []), 1):
                out.append((f"{rule['id']}#v{n}", v["regex"], v.get("keywords", base_kw)))
    return ids, out


def run(binary, tree, config, rules_dir, jobs, runs):
    cmd = [binary, "--no-ignore", "--format", "json", "-o", "/dev/null", "--config", config, "-j", str(jobs)]
    if rules_dir:
        cmd += ["--rules", rules_dir]
    cmd.append(".")
    walls = []
    for _ in range(runs):
        # CPU time (user+sys) of the child: steadier than wall time on a shared machine.
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        p = subprocess.run(cmd, cwd=tree, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        walls.append(after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime)
        if p.returncode not in (0, 1):
            sys.exit(f"alpaca-lint failed: {p.stderr.decode()[:400]}")
    return statistics.median(walls)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", default=str(ROOT / ".build/release/alpaca-lint"))
    ap.add_argument("--jobs", type=int, default=1)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("tree")
    args = ap.parse_args()
    args.bin = str(Path(args.bin).resolve())
    ids, dets = detectors()
    work = Path(tempfile.mkdtemp(prefix="alpaca-rule-profile-"))
    config = work / "config.toml"
    config.write_text("disable = [" + ", ".join(json.dumps(i) for i in ids) + "]\n")
    empty = run(args.bin, args.tree, str(config), None, args.jobs, args.runs)
    allcfg = work / "all.toml"
    allcfg.write_text("")
    everything = run(args.bin, args.tree, str(allcfg), None, args.jobs, args.runs)
    print(f"tree {args.tree}, -j {args.jobs}, median of {args.runs}")
    print(f"all built-in rules: {everything:.3f} s CPU; no content rule (walk + read + env-file rules): {empty:.3f} s")
    print("| detector | keywords | median CPU | cost over no-rule baseline |")
    print("|---|---|---|---|")
    total = 0.0
    for name, regex, kws in dets:
        d = work / name.replace("#", "_")
        d.mkdir()
        (d / "r.toml").write_text(
            "[[rules]]\n"
            f"id = \"bench-{name.replace('#', '-')}\"\npractice = 1\nseverity = \"note\"\ntitle = \"t\"\nmessage = \"m\"\n"
            f"regex = {toml_str(regex)}\nkeywords = [{', '.join(json.dumps(k) for k in kws)}]\n")
        wall = run(args.bin, args.tree, str(config), str(d), args.jobs, args.runs)
        total += wall - empty
        print(f"| {name} | {','.join(kws) or '(none: every file)'} | {wall:.3f} s | {wall - empty:+.3f} s |", flush=True)
    print(f"sum of detector costs: {total:.3f} s; all rules minus baseline: {everything - empty:.3f} s")


if __name__ == "__main__":
    main()
