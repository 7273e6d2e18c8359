#!/bin/sh
# SPDX-License-Identifier: LGPL-3.0-or-later
# gen --shard I/N and merge give the unsharded file byte for byte: for N = 1, 2, 3 and more shards than cases, the
# parts given in any order, through the Slurm job script run as its array tasks one after another (docs/scale.md);
# the Lorentzian file uses Arb's cached Gauss-Legendre nodes, which gen resets before every case so that a case's
# bytes never depend on the cases computed before it.
# usage: tests/shard_merge.sh        (QTORACLE: the tool, default build/qtoracle)
set -eu
cd "$(dirname "$0")/.."
QT=${QTORACLE:-build/qtoracle}
case "$QT" in /*) ;; *) QT="$(pwd)/$QT" ;; esac
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export QTORACLE_GIT_COMMIT=shard-test QTORACLE_GIT_DIRTY=false
fail=0
for spec in tests/bad/files/spec_three.json vectors/specs/landauer_ideal.json vectors/specs/landauer_lorentzian.json; do
    name=$(basename "$spec" .json)
    "$QT" gen "$spec" -o "$tmp/$name.json"
    ncases=$(grep -c '"caseId"' "$spec")
    ns="1 2 3 $((ncases + 2))"
    case "$name" in landauer_lorentzian) ns=3 ;; esac      # the slow one: one split only
    for n in $ns; do
        rm -rf "$tmp/parts" && mkdir "$tmp/parts"
        i=1
        while [ "$i" -le "$n" ]; do
            SLURM_ARRAY_TASK_ID=$i SLURM_ARRAY_TASK_COUNT=$n SPEC="$spec" PARTS="$tmp/parts" QTORACLE="$QT" \
                scripts/qtoracle-shard.sbatch
            i=$((i + 1))
        done
        # the parts in reverse order
        "$QT" merge $(ls "$tmp"/parts/part-*.json | sort -r) -o "$tmp/merged.json"
        if cmp -s "$tmp/$name.json" "$tmp/merged.json"; then
            echo "ok   $name: $n shards merged byte for byte"
        else
            echo "FAIL $name: $n shards merged differ from the unsharded run"; fail=1
        fi
    done
done
[ "$fail" -eq 0 ]
