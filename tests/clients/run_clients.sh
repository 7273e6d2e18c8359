#!/bin/sh
# SPDX-License-Identifier: LGPL-3.0-or-later
# Real clients: double-precision solvers written against other people's libraries (scipy, QuTiP, numpy) run on the
# shipped vectors and checked by `qtoracle check`, each at the tolerance stated below with its reason. A client must
# pass and must check at least the number of values given (a client that silently computes nothing fails).
# usage: tests/clients/run_clients.sh        (QTORACLE, PYTHON: the tool and the interpreter; defaults below)
# Exit 77 (skipped) when python3-numpy, python3-scipy or python3-qutip is missing (scripts/install-deps installs them).
set -eu
cd "$(dirname "$0")/../.."
QTORACLE=${QTORACLE:-build/qtoracle}
PYTHON=${PYTHON:-/usr/bin/python3}
if ! "$PYTHON" -c "import numpy, scipy, qutip" 2>/dev/null; then
    echo "skipped: python3-numpy, python3-scipy and python3-qutip are needed (scripts/install-deps installs them)"
    exit 77
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
status=0

# run CLIENT VECTORS MIN_CHECKED [check options...]
run() {
    client=$1 vec=$2 min=$3
    shift 3
    name="$(basename "$client" .py) $(basename "$vec")"
    if ! "$PYTHON" "tests/clients/$client" "vectors/$vec" > "$tmp/results.jsonl" 2> "$tmp/client.err"; then
        echo "FAIL $name: the client stopped"; cat "$tmp/client.err"; status=1; return
    fi
    if "$QTORACLE" check "vectors/$vec" "$tmp/results.jsonl" --subset "$@" > "$tmp/check.log" 2>&1; then
        passed=$(tail -n 1 "$tmp/check.log" | sed -n 's/^\([0-9]*\) passed.*/\1/p')
        if [ "${passed:-0}" -lt "$min" ]; then
            echo "FAIL $name: only ${passed:-0} values checked, expected at least $min"; status=1; return
        fi
        echo "ok   $name: $(tail -n 1 "$tmp/check.log")${*:+ (check $*)}"
    else
        echo "FAIL $name${*:+ (check $*)}:"; cat "$tmp/check.log"; status=1
    fi
}

# scipy quad, every Landauer output, both statistics, all three models: each group's stated tolerance, no option
# (the claim that a careful double-precision solver passes the shipped vectors, quantum limit T = 1e-3 included)
run landauer_scipy.py landauer_ideal.json 78
run landauer_scipy.py landauer_box.json 44
run landauer_scipy.py landauer_lorentzian.json 154

# QuTiP: entropy_vn, purity, energy, coherence, energy entropy, relative entropy: the stated tolerance
run open_qutip.py state.json 42
# QuTiP mesolve trajectories and steady states: the stated tolerance, without the cases flagged Relaxed (J and the
# entropy rates are about 1e-17 there, so the ratio temperatures are beyond any double-precision trajectory)
run open_qutip.py trajectory.json 800 --skip-flag Relaxed

# numpy, one qubit: Lambda per bath, S0 and the sum rules at the stated tolerance ...
run pump_numpy.py pump.json 79
# ... the rotor map: Omega is a numerical derivative of Lambda (five-point stencil and one Richardson step), good to
# about 1e-11 absolute, short of the 1e-10 relative and 6e-13 absolute a solver with exact derivatives meets
run pump_numpy.py pump_rotor_map.json 144 --rtol 1e-9 --atol 1e-11

exit $status
