#!/bin/sh
# SPDX-License-Identifier: LGPL-3.0-or-later
# The catalogue of hostile and malformed inputs: one file per case in tests/bad/cases/*.case,
#   # what the case checks
#   args: the command line after `qtoracle`, as shell words (quotes allowed); @ROOT@ is the repository,
#         @BAD@ is tests/bad/files, @TMP@ a fresh empty directory that is also the working directory
#   stdin: a file under tests/bad/files (default: /dev/null)
#   setup: a shell command run in @TMP@ before the case (e.g. mkfifo out.json)
#   env: NAME=VALUE set for the tool (e.g. QTORACLE_TIMEOUT=abc)
#   memory: a virtual memory limit in KB for the tool (ulimit -v; the case is skipped under a sanitizer, whose
#           runtime reserves more address space than any such limit)
#   exit: the expected exit status (default 2)
#   stderr: an extended regular expression the message must match
#   leaves: the names the case may leave in @TMP@ (default: only what setup made; a bad command writes nothing)
# Every case must print nothing on stdout and exactly one line on stderr, starting "qtoracle: ".
# Without CASE arguments the whole catalogue runs as BAD_JOBS (default 2) interleaved slices at once.
# usage: tests/bad/run.sh [CASE...]        (QTORACLE: the tool, default build/qtoracle)
set -u
cd "$(dirname "$0")/../.."
ROOT=$(pwd)
QT=${QTORACLE:-build/qtoracle}
case "$QT" in /*) ;; *) QT="$ROOT/$QT" ;; esac
BAD="$ROOT/tests/bad/files"
failed=0
total=0
skipped=0
if [ $# -eq 0 ] && [ "${BAD_JOBS:-2}" -gt 1 ]; then
    # the slices run this script on their cases; their FAIL lines are shown and their counts summed
    dir=$(mktemp -d)
    i=0
    while [ "$i" -lt "${BAD_JOBS:-2}" ]; do
        # shellcheck disable=SC2046
        BAD_SUMMARY="$dir/sum$i" QTORACLE="$QT" sh tests/bad/run.sh $(ls tests/bad/cases/*.case \
            | awk -v i="$i" -v n="${BAD_JOBS:-2}" '(NR - 1) % n == i') > "$dir/out$i" 2>&1 &
        i=$((i + 1))
    done
    wait
    grep -h -v '^bad inputs: ' "$dir"/out* || true
    i=0
    while [ "$i" -lt "${BAD_JOBS:-2}" ]; do
        [ -s "$dir/sum$i" ] || { echo "FAIL slice $i of the catalogue ended without its summary:"; tail -n 5 "$dir/out$i"; \
                                failed=$((failed + 1)); }
        i=$((i + 1))
    done
    set -- $(cat "$dir"/sum* 2>/dev/null)
    while [ $# -ge 3 ]; do
        total=$((total + $1)); failed=$((failed + $2)); skipped=$((skipped + $3)); shift 3
    done
    rm -rf "$dir"
    echo "bad inputs: $((total - failed)) of $total cases as expected$( [ "$skipped" -eq 0 ] || echo " ($skipped skipped under a sanitizer)")"
    [ "$total" -gt 0 ] && [ "$failed" -eq 0 ]
    exit
fi
if [ $# -eq 0 ]; then set -- tests/bad/cases/*.case; fi
for c in "$@"; do
    total=$((total + 1))
    # the case's fields, the first line of each (read by the shell itself: no process per field)
    args='' stdin='' setup='' want_exit='' want_err='' leaves='' envset='' memory=''
    while IFS= read -r line || [ -n "$line" ]; do
        case "$line" in
            "args: "*) [ -n "$args" ] || args=${line#args: } ;;
            "stdin: "*) [ -n "$stdin" ] || stdin=${line#stdin: } ;;
            "setup: "*) [ -n "$setup" ] || setup=${line#setup: } ;;
            "exit: "*) [ -n "$want_exit" ] || want_exit=${line#exit: } ;;
            "stderr: "*) [ -n "$want_err" ] || want_err=${line#stderr: } ;;
            "leaves: "*) [ -n "$leaves" ] || leaves=${line#leaves: } ;;
            "env: "*) [ -n "$envset" ] || envset=${line#env: } ;;
            "memory: "*) [ -n "$memory" ] || memory=${line#memory: } ;;
        esac
    done < "$c"
    if [ -n "$memory" ] && [ -n "${ASAN_OPTIONS:-}${UBSAN_OPTIONS:-}" ]; then
        total=$((total - 1)); skipped=$((skipped + 1)); continue
    fi
    [ -n "$want_exit" ] || want_exit=2
    tmp=$(mktemp -d)
    args=$(printf '%s' "$args" | sed -e "s|@ROOT@|$ROOT|g" -e "s|@BAD@|$BAD|g" -e "s|@TMP@|$tmp|g")
    in=/dev/null
    [ -z "$stdin" ] || in="$BAD/$stdin"
    (
        cd "$tmp" || exit 99
        [ -z "$setup" ] || sh -c "$setup" || exit 98
        ls -A > "$tmp.before"
        eval "set -- $args"
        [ -z "$memory" ] || ulimit -v "$memory"
        env ${envset:+"$envset"} "$QT" "$@" < "$in" > "$tmp.out" 2> "$tmp.err"
    )
    code=$?
    out="$tmp.out"
    err="$tmp.err"
    before="$tmp.before"
    why=""
    if [ "$code" -ne "$want_exit" ]; then why="exit $code, expected $want_exit"; fi
    if [ -z "$why" ] && [ -s "$out" ]; then why="printed on stdout: $(head -c 200 "$out")"; fi
    if [ -z "$why" ] && [ "$(wc -l < "$err")" -ne 1 ]; then why="stderr is not one line: $(head -c 300 "$err")"; fi
    if [ -z "$why" ] && ! grep -q '^qtoracle: ' "$err"; then why="the message does not start with 'qtoracle: '"; fi
    if [ -z "$why" ] && ! grep -Eq -- "$want_err" "$err"; then why="stderr does not match /$want_err/: $(head -c 300 "$err")"; fi
    if [ -z "$why" ]; then
        left=$(cd "$tmp" && ls -A | grep -vxF -f "$before" | grep -vxF -e "$leaves" -e "" || true)
        [ -z "$left" ] || why="left files behind: $left"
    fi
    if [ -n "$why" ]; then
        echo "FAIL $c: $why"
        failed=$((failed + 1))
    fi
    rm -rf "$tmp" "$out" "$err" "$before"
done
echo "bad inputs: $((total - failed)) of $total cases as expected$( [ "$skipped" -eq 0 ] || echo " ($skipped skipped under a sanitizer)")"
[ -z "${BAD_SUMMARY:-}" ] || echo "$total $failed $skipped" > "$BAD_SUMMARY"
[ "$failed" -eq 0 ]
