#!/bin/sh
# SPDX-License-Identifier: LGPL-3.0-or-later
# gen --shard I/N and merge give the unsharded file byte for byte: for N = 1, 2, 3 and more shards than cases, the
# parts given in any order, through the Slurm job script run as its array tasks one after another (docs/scale.md);
# so does gen --jobs J (worker processes: J = 2, 3 and more workers than cases, and the shards of a split with two
# workers each). gen empties FLINT's caches before every case, so a case's bytes do not depend on the cases computed
# before it in the same process, nor on which worker computed it.
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
    for j in 2 3 $((ncases + 2)); do
        case "$name" in landauer_lorentzian) [ "$j" = 2 ] || continue ;; esac
        "$QT" gen "$spec" -o "$tmp/jobs.json" --jobs "$j"
        if cmp -s "$tmp/$name.json" "$tmp/jobs.json"; then
            echo "ok   $name: --jobs $j byte for byte"
        else
            echo "FAIL $name: --jobs $j differs from the run in one process"; fail=1
        fi
    done
    ns="1 2 3 $((ncases + 2))"
    case "$name" in landauer_lorentzian) ns=3 ;; esac      # the slow one: one split only
    for n in $ns; do
        rm -rf "$tmp/parts" && mkdir "$tmp/parts"
        i=1
        while [ "$i" -le "$n" ]; do
            # the tasks of the 3-shard split have two CPUs each: gen --jobs 2 within the shard
            cpus=1
            [ "$n" != 3 ] || cpus=2
            SLURM_ARRAY_TASK_ID=$i SLURM_ARRAY_TASK_COUNT=$n SLURM_CPUS_PER_TASK=$cpus SPEC="$spec" PARTS="$tmp/parts" \
                QTORACLE="$QT" scripts/qtoracle-shard.sbatch
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
