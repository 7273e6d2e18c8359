#!/bin/sh
# SPDX-License-Identifier: LGPL-3.0-or-later
# qtoracle validate: the shipped vector files recompute inside their enclosures, and doctored copies are caught: an
# enclosure shifted off the value (contradicted; for a qubit record also by the general Lindblad route, the second
# method), one shrunk to its midpoint (not contained), a committed domain
# error whose parameters were made valid, a wrong numberOfTests and a missing provenance (malformed: exit 2); and
# validate --jobs 2 and 3 print the same lines, in the same order, with the same exit status as the run in one process
# (a file contradicted in every case, one with a second-method line, one with a contradicted domain error).
# usage: tests/validate_vectors.sh        (QTORACLE: the tool, default build/qtoracle)
set -eu
cd "$(dirname "$0")/.."
QT=${QTORACLE:-build/qtoracle}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0
expect() {   # expect EXIT REGEX -- ARGS...
    want=$1; re=$2; shift 3
    set +e
    "$QT" "$@" > "$tmp/out" 2> "$tmp/err"
    code=$?
    set -e
    for last; do :; done
    if [ "$code" -ne "$want" ] || ! cat "$tmp/out" "$tmp/err" | grep -Eq -- "$re"; then
        echo "FAIL $*: exit $code (expected $want), output:"; head -n 5 "$tmp/out" "$tmp/err"; fail=1
    else
        echo "ok   validate $(basename "$last"): exit $code, $(cat "$tmp/out" "$tmp/err" | grep -Eo -- "$re" | head -n 1)"
    fi
}
same_jobs() {   # same_jobs FILE J...
    f=$1; shift
    set +e
    "$QT" validate "$f" > "$tmp/one" 2>&1
    c1=$?
    for j in "$@"; do
        "$QT" validate "$f" --jobs "$j" > "$tmp/many" 2>&1
        c2=$?
        if [ "$c1" -ne "$c2" ] || ! cmp -s "$tmp/one" "$tmp/many"; then
            echo "FAIL validate --jobs $j $f: exit $c2 (one process: $c1), output:"; diff "$tmp/one" "$tmp/many" | head -n 5
            fail=1
        else
            echo "ok   validate --jobs $j $(basename "$f"): the same $(wc -l < "$tmp/one") lines, exit $c2"
        fi
    done
    set -e
}
for f in landauer_ideal landauer_box driven_level state; do
    expect 0 "[0-9]+ contained, 0 contradicted, 0 undecided" -- validate "vectors/$f.json"
done
/usr/bin/python3 - "$tmp" <<'PY'
import json, sys
from fractions import Fraction
tmp = sys.argv[1]
src = json.load(open('vectors/landauer_ideal.json'))
def first_ok(v):
    for g in v['testGroups']:
        for t in g['tests']:
            for o, e in t['outputs'].items():
                if e['status'] == 'ok' and e['mid'] not in ('inf', '-inf') and Fraction(e['mid']) != 0:
                    return t, o, e
def dump(v, name):
    json.dump(v, open('%s/%s' % (tmp, name), 'w'), indent=1)
v = json.loads(json.dumps(src)); t, o, e = first_ok(v)
w = Fraction(e['hi']) - Fraction(e['lo']); shift = abs(Fraction(e['mid'])) / 10**12 + 4 * w
e['lo'] = '%.40e' % (Fraction(e['lo']) + shift)
e['hi'] = '%.40e' % (Fraction(e['hi']) + shift)
dump(v, 'shifted.json'); open('%s/shifted.id' % tmp, 'w').write(t['caseId'])
v = json.loads(json.dumps(src)); t, o, e = first_ok(v)
e['lo'] = e['hi'] = e['mid']
dump(v, 'shrunk.json')
# every finite nonzero enclosure shifted: contradictions in every case, whose lines must keep the file's order
v = json.loads(json.dumps(src))
for g in v['testGroups']:
    for t in g['tests']:
        for o, e in t['outputs'].items():
            if e['status'] == 'ok' and e['mid'] not in ('inf', '-inf') and Fraction(e['mid']) != 0:
                w = Fraction(e['hi']) - Fraction(e['lo']); shift = abs(Fraction(e['mid'])) / 10**12 + 4 * w
                e['lo'] = '%.40e' % (Fraction(e['lo']) + shift)
                e['hi'] = '%.40e' % (Fraction(e['hi']) + shift)
dump(v, 'allshifted.json')
v = json.loads(json.dumps(src)); v['numberOfTests'] += 1
dump(v, 'count.json')
v = json.loads(json.dumps(src)); del v['testGroups'][0]['source']['libs']
dump(v, 'provenance.json')
tr = json.load(open('vectors/trajectory.json'))
# a qubit_davies record with S shifted: caught by the closed form recomputed and by the general Lindblad route
qd = json.loads(json.dumps(tr))
g = [g for g in qd['testGroups'] if g['quantities'] == ['qubit_davies.trajectory']][0]
g['tests'] = [t for t in g['tests'] if t['outputs'].get('S', {}).get('status') == 'ok'
              and t['outputs']['S']['mid'] not in ('inf', '-inf') and Fraction(t['outputs']['S']['mid']) > 0][:1]
qd['testGroups'] = [g]
qd['numberOfTests'] = len(g['tests'][0]['outputs'])
e = g['tests'][0]['outputs']['S']
e['lo'] = '%.40e' % (Fraction(e['lo']) * Fraction(1000001, 1000000))
e['hi'] = '%.40e' % (Fraction(e['hi']) * Fraction(1000001, 1000000))
dump(qd, 'qubit.json')
open('%s/qubit.id' % tmp, 'w').write(g['tests'][0]['caseId'])
for g in tr['testGroups']:
    for t in g['tests']:
        if t['caseId'] == 'qr/bad/t<0':
            t['params']['t'] = '1'
dump(tr, 'domain.json')
PY
expect 1 "CONTRADICTED $(cat "$tmp/shifted.id")" -- validate "$tmp/shifted.json"
expect 1 "(UNDECIDED|CONTRADICTED) .*; committed \[" -- validate "$tmp/shrunk.json"
expect 1 "CONTRADICTED qr/bad/t<0 qubit_ramp.trajectory" -- validate "$tmp/domain.json"
expect 1 "CONTRADICTED $(cat "$tmp/qubit.id") qubit_davies.trajectory.S: by the general Lindblad route" -- validate "$tmp/qubit.json"
expect 1 "^CONTRADICTED " -- validate "$tmp/allshifted.json"
same_jobs "$tmp/allshifted.json" 2 3
same_jobs "$tmp/domain.json" 2
same_jobs "$tmp/qubit.json" 3
expect 2 "numberOfTests must be the number of outputs" -- validate "$tmp/count.json"
expect 2 "testGroups\[0\].source: the provenance" -- validate "$tmp/provenance.json"
[ "$fail" -eq 0 ]
