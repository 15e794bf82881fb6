#!/bin/sh
# Builds the libFuzzer targets and runs each for N seconds (default 20).
#
#   Fuzz/run.sh [seconds] [target ...]       targets: ignore diff scanner rules toml (default: all)
#
# Environment:
#   ALPACA_SCRATCH   a SwiftPM scratch path to reuse for the embedded rules
#                    (default Fuzz/.build/spm; the first build there takes a few minutes)
#   FUZZ_SANITIZE    sanitizers (default fuzzer,address)
#   FUZZ_JOBS        libFuzzer -jobs/-workers (default 1)
#   FUZZ_ARGS        extra libFuzzer flags, e.g. "-max_len=65536 -rss_limit_mb=4096"
#
# Each target is one swiftc invocation over the module's own sources plus Fuzz/Targets/<T>.swift,
# so internal API is reachable and Package.swift stays untouched. Crashes go to
# Fuzz/artifacts/<target>/, new inputs to Fuzz/.build/corpus/<target>/ (the seeds in
# Fuzz/corpus/<target>/ are read, never written). Exit status 1 when any target found a crash.
set -eu

SECONDS_EACH=${1:-20}
[ $# -gt 0 ] && shift
TARGETS=${*:-ignore diff scanner rules toml}

HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(dirname "$HERE")
OUT="$HERE/.build"
SCRATCH=${ALPACA_SCRATCH:-$OUT/spm}
SANITIZE=${FUZZ_SANITIZE:-fuzzer,address}
JOBS=${FUZZ_JOBS:-1}
mkdir -p "$OUT/bin" "$OUT/mods"

SWIFTC="swiftc -sanitize=$SANITIZE -parse-as-library -O -g -swift-version 6"

needs_core() {
    case " $TARGETS " in *" scanner "*|*" rules "*) return 0 ;; *) return 1 ;; esac
}

build_core_deps() {
    # The generated EmbeddedRules.swift comes from an ordinary SwiftPM build of the AlpacaCore
    # target (its build plugin writes it).
    echo "fuzz: swift build --target AlpacaCore (scratch $SCRATCH)"
    # Retried: in a shared checkout another build or editor may touch a source mid-build.
    for attempt in 1 2 3; do
        if swift build --package-path "$ROOT" --scratch-path "$SCRATCH" --target AlpacaCore >"$OUT/spm-build.log" 2>&1; then
            break
        fi
        grep -q 'was modified during the build' "$OUT/spm-build.log" && [ $attempt -lt 3 ] && continue
        tail -30 "$OUT/spm-build.log"
        exit 2
    done
    DEBUG_DIR="$SCRATCH/debug"
    EMBEDDED=$(find "$SCRATCH/plugins/outputs" -path '*AlpacaCore*' -name EmbeddedRules.swift | head -n 1)
    [ -n "$EMBEDDED" ] || { echo "fuzz: EmbeddedRules.swift not found under $SCRATCH/plugins"; exit 2; }
    echo "fuzz: building PCRE2Kit (instrumented)"
    $SWIFTC -wmo -module-name PCRE2Kit -I "$ROOT/Sources/CPCRE2" \
        -emit-module -emit-module-path "$OUT/mods/PCRE2Kit.swiftmodule" \
        -c "$ROOT"/Sources/PCRE2Kit/*.swift -o "$OUT/PCRE2Kit.o"
    echo "fuzz: building AlpacaTOML (instrumented)"
    # shellcheck disable=SC2046
    $SWIFTC -wmo -module-name AlpacaTOML \
        -emit-module -emit-module-path "$OUT/mods/AlpacaTOML.swiftmodule" \
        -c $(find "$ROOT/Sources/AlpacaTOML" -name '*.swift' | sort) -o "$OUT/AlpacaTOML.o"
}

build_target() {
    target=$1
    binary="$OUT/bin/fuzz-$target"
    echo "fuzz: building $target"
    case $target in
        ignore)
            $SWIFTC -module-name FuzzIgnore "$ROOT"/Sources/AlpacaIgnore/*.swift "$HERE/Targets/FuzzIgnore.swift" -o "$binary" ;;
        diff)
            $SWIFTC -module-name FuzzDiff "$ROOT"/Sources/AlpacaGit/*.swift "$HERE/Targets/FuzzDiff.swift" -o "$binary" ;;
        toml)
            # shellcheck disable=SC2046
            $SWIFTC -module-name FuzzTOML $(find "$ROOT/Sources/AlpacaTOML" -name '*.swift' | sort) "$HERE/Targets/FuzzTOML.swift" -o "$binary" ;;
        scanner|rules)
            file=FuzzScanner.swift
            [ "$target" = rules ] && file=FuzzRuleLoader.swift
            # shellcheck disable=SC2046
            $SWIFTC -module-name "Fuzz_$target" \
                -I "$OUT/mods" -I "$ROOT/Sources/CPCRE2" \
                $(find "$ROOT/Sources/AlpacaCore" -name '*.swift' | sort) "$EMBEDDED" "$HERE/Targets/$file" \
                "$OUT/PCRE2Kit.o" "$OUT/AlpacaTOML.o" -lpcre2-8 -o "$binary" ;;
        *) echo "fuzz: unknown target $target (ignore diff scanner rules toml)"; exit 2 ;;
    esac 2>"$OUT/build-$target.log" || { grep -v 'ld.gold: warning' "$OUT/build-$target.log" | tail -30; exit 2; }
}

needs_core && build_core_deps
for target in $TARGETS; do build_target "$target"; done

status=0
for target in $TARGETS; do
    corpus="$OUT/corpus/$target"
    artifacts="$HERE/artifacts/$target"
    mkdir -p "$corpus" "$artifacts"
    parallel=""
    [ "$JOBS" -gt 1 ] && parallel="-jobs=$JOBS -workers=$JOBS"
    leaks=
    asan_options=${ASAN_OPTIONS:-}
    [ -n "$leaks" ] && asan_options="detect_leaks=0${asan_options:+:$asan_options}"
    dict=""
    [ -f "$HERE/dict/$target.dict" ] && dict="-dict=$HERE/dict/$target.dict"
    echo "fuzz: running $target for ${SECONDS_EACH}s"
    # shellcheck disable=SC2086
    if ! ASAN_OPTIONS="$asan_options" SWIFT_BACKTRACE=enable=no "$OUT/bin/fuzz-$target" "$corpus" "$HERE/corpus/$target" $dict \
        -max_total_time="$SECONDS_EACH" -timeout=10 -rss_limit_mb=2048 -max_len=16384 \
        $parallel $leaks -print_final_stats=1 \
        -artifact_prefix="$artifacts/" ${FUZZ_ARGS:-} >"$OUT/run-$target.log" 2>&1; then
        echo "fuzz: $target FAILED; see $OUT/run-$target.log and $artifacts/"
        grep -E 'ERROR|Fatal error|SUMMARY|Test unit written' "$OUT/run-$target.log" | head -10
        status=1
    else
        grep -E '^stat::number_of_executed_units|^stat::peak_rss_mb|^#[0-9]+.*DONE' "$OUT/run-$target.log" | tr '\n' ' '
        echo "(corpus: $(ls "$corpus" | wc -l) files)"
    fi
done
exit $status
