#!/bin/sh
# Installs what alpaca-lint needs to build and test, only where it is missing:
#   libpcre2-dev + pkg-config (Debian/Ubuntu) to build; git, python3-jsonschema (SARIF schema
#   checks) and pre-commit (hook integration test) to test. Safe to run again.
set -eu

need_apt=""
pkg-config --exists libpcre2-8 2>/dev/null || need_apt="$need_apt libpcre2-dev pkg-config"
command -v git >/dev/null 2>&1 || need_apt="$need_apt git"
if [ -n "$need_apt" ]; then
    SUDO=""
    [ "$(id -u)" -eq 0 ] || SUDO="sudo"
    echo "setup: installing$need_apt"
    $SUDO apt-get update -qq
    # shellcheck disable=SC2086
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq $need_apt >/dev/null
fi

if [ "${1:-}" = "--test" ]; then
    python3 -c 'import jsonschema' 2>/dev/null || python3 -m pip install -q jsonschema
    command -v pre-commit >/dev/null 2>&1 || python3 -m pip install -q pre-commit
    command -v rg >/dev/null 2>&1 || true  # ripgrep is only needed by the benchmark
fi
echo "setup: ok"
