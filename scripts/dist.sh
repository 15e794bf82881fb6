#!/bin/sh
# Builds the self-contained Linux x86-64 release and packs it (run through `make dist`):
#
#   dist/alpaca-lint-VERSION-linux-x86_64.tar.gz   alpaca-lint-VERSION-linux-x86_64/{alpaca-lint,LICENSE,README.md}
#   dist/SHA256SUMS                                 sha256sum of the tarball (`sha256sum -c SHA256SUMS`)
#
# The Swift runtime, Foundation, libstdc++ and PCRE2 are linked statically, so the binary runs on
# a machine without a Swift toolchain or libpcre2. Only the C library's own shared objects (libc,
# libm, ld-linux, libgcc_s, …) stay dynamic; the script checks the ELF NEEDED list and fails on
# anything else. VERSION is what the built binary prints for --version (Sources/AlpacaCore/Version.swift).
#
# How the static linking works, without touching the normal build:
#   - `--static-swift-stdlib` links the Swift runtime and Foundation from the toolchain's swift_static.
#   - Both `-lpcre2-8` (from the CPCRE2 module map and pkg-config) and `-lstdc++` (from the
#     toolchain's static-stdlib-args.lnk) are resolved in .build/dist/static-libs, a folder that holds
#     only the `.a` archives; a private libpcre2-8.pc puts that folder first on the linker's search
#     path, where a `.so` would otherwise win.
#   - The build has its own scratch folder (.build/dist), so `swift build` and `make scan` keep theirs.
set -eu
cd "$(dirname "$0")/.."
root=$(pwd)

fail() {
    echo "dist: $*" >&2
    exit 1
}

[ "$(uname -s)" = Linux ] && [ "$(uname -m)" = x86_64 ] || fail "make dist builds the Linux x86-64 release; this is $(uname -s) $(uname -m)"
command -v swift >/dev/null 2>&1 || fail "swift is not on PATH"
command -v pkg-config >/dev/null 2>&1 || fail "pkg-config is missing (Debian: apt-get install pkg-config)"
command -v readelf >/dev/null 2>&1 || fail "readelf is missing (Debian: apt-get install binutils)"

scratch="$root/.build/dist"
static_libs="$scratch/static-libs"
pkgconfig_dir="$scratch/pkgconfig"
mkdir -p "$static_libs" "$pkgconfig_dir"

pcre_libdir=$(pkg-config --variable=libdir libpcre2-8) || fail "pkg-config does not know libpcre2-8 (Debian: apt-get install libpcre2-dev)"
pcre_archive="$pcre_libdir/libpcre2-8.a"
[ -f "$pcre_archive" ] || fail "no static PCRE2 archive at $pcre_archive (Debian's libpcre2-dev ships it)"
# clang links the binary; ask it (not gcc, which may be absent) where libstdc++.a is.
clang_driver="$(dirname "$(command -v swift)")/clang"
[ -x "$clang_driver" ] || clang_driver=clang
stdcxx_archive=$("$clang_driver" -print-file-name=libstdc++.a)
[ -f "$stdcxx_archive" ] || fail "no static libstdc++.a found by $clang_driver (Debian: apt-get install libstdc++-12-dev)"
ln -sf "$pcre_archive" "$static_libs/libpcre2-8.a"
ln -sf "$stdcxx_archive" "$static_libs/libstdc++.a"

cat >"$pkgconfig_dir/libpcre2-8.pc" <<EOF
# Written by scripts/dist.sh: PCRE2 for the static release build (the archive only, no .so).
Name: libpcre2-8
Description: PCRE2 8-bit library, static archive for alpaca-lint's release build
Version: $(pkg-config --modversion libpcre2-8)
Libs: -L$static_libs -lpcre2-8
Cflags: -I$(pkg-config --variable=includedir libpcre2-8)
EOF

echo "dist: building the static release (swift build -c release --static-swift-stdlib)"
started=$(date +%s)
PKG_CONFIG_PATH="$pkgconfig_dir${PKG_CONFIG_PATH:+:$PKG_CONFIG_PATH}" \
    swift build -c release --static-swift-stdlib --scratch-path "$scratch" \
    --pkg-config-path "$pkgconfig_dir" -Xswiftc -L"$static_libs" --product alpaca-lint
echo "dist: built in $(($(date +%s) - started)) s"
binary="$scratch/release/alpaca-lint"
[ -x "$binary" ] || fail "the build did not produce $binary"

# Only the C library's own shared objects may remain.
needed=$(readelf -d "$binary" | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p')
for library in $needed; do
    case $library in
    libc.so.* | libm.so.* | libdl.so.* | libpthread.so.* | librt.so.* | libutil.so.* | ld-linux-*.so.* | libgcc_s.so.*) ;;
    *) fail "the binary still needs the shared library $library; it must be linked statically" ;;
    esac
done

version=$("$binary" --version) || fail "the built binary does not run"
echo "$version" | grep -Eq '^[0-9]+\.[0-9]+\.[0-9]+([-+][0-9A-Za-z.-]+)?$' || fail "unexpected --version output: $version"

name="alpaca-lint-$version-linux-x86_64"
rm -rf "$root/dist"
mkdir -p "$root/dist/$name"
# Symbols only help a debugger; the release ships without them (about a quarter of the size).
strip -o "$root/dist/$name/alpaca-lint" "$binary" 2>/dev/null || cp "$binary" "$root/dist/$name/alpaca-lint"
chmod 755 "$root/dist/$name/alpaca-lint"
cp LICENSE README.md "$root/dist/$name/"

# Same inputs, same tarball: fixed order, owner and time (the last commit's), no gzip timestamp.
mtime=$(git log -1 --format=%ct 2>/dev/null || echo 0)
(cd "$root/dist" && tar --sort=name --owner=0 --group=0 --numeric-owner --mtime="@$mtime" -cf - "$name" | gzip -n -9 >"$name.tar.gz")
rm -rf "$root/dist/$name"
(cd "$root/dist" && sha256sum "$name.tar.gz" >SHA256SUMS)

echo "dist: shared libraries the binary needs: $(echo $needed)"
echo "dist: $(cd "$root/dist" && ls -l "$name.tar.gz" | awk '{print $5}') bytes  dist/$name.tar.gz"
cat "$root/dist/SHA256SUMS"
