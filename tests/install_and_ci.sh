#!/bin/sh
# SPDX-License-Identifier: LGPL-3.0-or-later
# make install into a temporary prefix, build and run a C program with `pkg-config --cflags --libs qtoracle`, read the
# man page, then run the solver author's CI steps (scripts/ci-solver-check) with the installed tool and a toy solver.
set -eu
cd "$(dirname "$0")/.."
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
make -s install PREFIX="$tmp/prefix" BUILD="${BUILD:-build}" > "$tmp/install.log" 2>&1 || { cat "$tmp/install.log"; exit 1; }
export PKG_CONFIG_PATH="$tmp/prefix/lib/pkgconfig"
cc -o "$tmp/c_client" tests/clients/c_client.c $(pkg-config --cflags --libs qtoracle)
LD_LIBRARY_PATH="$tmp/prefix/lib" "$tmp/c_client"
test -e "$tmp/prefix/lib/libqtoracle.so.0" && test -e "$tmp/prefix/share/qtoracle/vectors/landauer_ideal.json"
grep -q "EXIT STATUS" "$tmp/prefix/share/man/man1/qtoracle.1"
QTORACLE="$tmp/prefix/bin/qtoracle" scripts/ci-solver-check "$tmp/prefix/share/qtoracle/vectors/landauer_ideal.json" \
    "$tmp/report.xml" /usr/bin/python3 tests/clients/toy_solver.py > "$tmp/check.log"
cat "$tmp/check.log"
grep -q "0 failed" "$tmp/check.log"
grep -q "<testsuite" "$tmp/report.xml"
echo "install and CI steps: ok"
