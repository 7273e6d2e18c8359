#!/bin/sh
# SPDX-License-Identifier: LGPL-3.0-or-later
# make audit: every shipped claims file (vectors/claims/*.json) through `qtoracle audit`, its lines printed, and every
# verdict compared with the pinned ones in tests/audit_verdicts.txt ("file claimId VERDICT"). A changed verdict, a
# claim without a pinned verdict, a pinned claim that is gone, or a malformed file fails.
# usage: tests/audit_shipped.sh            (QTORACLE: the tool, default build/qtoracle; AUDIT_JOBS: audit --jobs, default 2)
set -eu
cd "$(dirname "$0")/.."
QTORACLE=${QTORACLE:-build/qtoracle}
AUDIT_JOBS=${AUDIT_JOBS:-2}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
: > "$tmp/got.txt"
for f in vectors/claims/*.json; do
    echo "== $f"
    code=0
    "$QTORACLE" audit "$f" --jobs "$AUDIT_JOBS" > "$tmp/out.txt" || code=$?
    cat "$tmp/out.txt"
    if [ "$code" -ne 0 ] && [ "$code" -ne 1 ]; then echo "audit: $f: exit status $code"; exit 1; fi
    b=$(basename "$f" .json)
    grep -E '^(CONSISTENT|INCONSISTENT|UNDECIDED) ' "$tmp/out.txt" \
        | sed -E 's/^([A-Z]+) +([^:]+):.*/\2 \1/' | sed "s|^|$b |" >> "$tmp/got.txt"
done
if ! diff -u tests/audit_verdicts.txt "$tmp/got.txt" > "$tmp/diff.txt"; then
    echo "audit: the verdicts differ from tests/audit_verdicts.txt:"; cat "$tmp/diff.txt"; exit 1
fi
echo "audit: every verdict as pinned ($(wc -l < "$tmp/got.txt") claims)"
