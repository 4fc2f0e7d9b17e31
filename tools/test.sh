#!/usr/bin/env bash
# Sets everything up and runs the whole test suite, as CI does:
#   1. installs the build dependencies (Debian 12),
#   2. builds with --werror in build/ and runs every test,
#   3. runs the core suite again in an AddressSanitizer/UndefinedBehaviorSanitizer
#      build (build-asan/),
#   4. runs the core suite under valgrind (build/).
# The window test (suite "ui", under Xvfb) runs in the normal build only: under
# the sanitizers and valgrind GTK itself takes minutes and reports its own leaks.
# So do the checks of data files and packaging (suite "data"): they run tools,
# not our code.  The sanitizer and valgrind runs look for memory errors, so
# they run the stress loops with their quick counts (PW_TEST_QUICK=1).
#
# Every stage runs, whatever happened before it.  Any failure, leak or
# sanitizer report fails the run, and so does a stage that could not run (a
# failed setup or build, or no test log).  The last line counts the tests of
# all stages: "N passed, N failed, N skipped"; the exit status is 0 only when
# nothing failed.  They are meson's results of whole test programs: only OK
# counts as passed; an expected failure (EXPECTEDFAIL) tested nothing that
# holds and counts as skipped; an unexpected pass (UNEXPECTEDPASS) counts as
# failed, like every other result.  (meson gives a program that skipped some
# of its cases, but not all, OK.)
#
# Environment: PW_TEST_TIMEOUT_MULTIPLIER (default 5) scales the timeouts of
# the sanitizer run, which is 5 to 30 times slower than the normal build; the
# valgrind setup scales its own by 10 (tests/meson.build).
set -uo pipefail
cd "$(dirname "$0")/.." || exit 1

passed=0
failed=0
skipped=0
summary=()

# stage_failed STAGE WHAT: a stage, or part of one, that could not run or
# failed outside any test counts as one failed test.
stage_failed() {
  echo "== $1: $2" >&2
  failed=$((failed + 1))
  summary+=("$1: $2")
}

# option_value DIR NAME: the value of a configured build option.
option_value() {
  meson introspect "$1" --buildoptions 2>/dev/null | python3 -c '
import json, sys
for option in json.load(sys.stdin):
    if option["name"] == sys.argv[1]:
        value = option["value"]
        print(str(value).lower() if isinstance(value, bool) else value)' "$2"
}

# prepare_build DIR OPTION=VALUE…: sets DIR up with these options, or
# reconfigures an existing DIR whose options differ (a build/ set up by
# tools/run.sh has no werror), then builds it.
prepare_build() {
  local dir=$1 option name value changes=()
  shift
  if [ -f "$dir/build.ninja" ]; then
    for option in "$@"; do
      name=${option%%=*}
      value=${option#*=}
      [ "$(option_value "$dir" "$name")" = "$value" ] || changes+=("-D$option")
    done
    if [ ${#changes[@]} -gt 0 ]; then
      echo "== Reconfiguring $dir/: ${changes[*]}"
      meson configure "$dir" "${changes[@]}" || return 1
    fi
  else
    local args=()
    for option in "$@"; do
      args+=("-D$option")
    done
    meson setup "$dir" "${args[@]}" || return 1
  fi
  meson compile -C "$dir"
}

# count_log STAGE LOG STATUS: adds the results in meson's JSON test log to
# the totals: OK passed, SKIP and EXPECTEDFAIL skipped, anything else
# (FAIL, ERROR, TIMEOUT, UNEXPECTEDPASS…) failed.  A missing or unreadable
# log counts as one failure, and so does a failed meson run whose log shows
# no failed test.
count_log() {
  local stage=$1 log=$2 status=$3 counts p f s
  if [ ! -s "$log" ] || ! counts=$(python3 - "$log" <<'PY'
import json, sys
passed = failed = skipped = 0
for line in open(sys.argv[1]):
    result = json.loads(line)["result"]
    if result in ("SKIP", "EXPECTEDFAIL"):
        skipped += 1
    elif result == "OK":
        passed += 1
    else:
        failed += 1
print(passed, failed, skipped)
PY
  ); then
    stage_failed "$stage" "no test log ($log)"
    return
  fi
  read -r p f s <<<"$counts"
  passed=$((passed + p))
  failed=$((failed + f))
  skipped=$((skipped + s))
  summary+=("$stage: $p passed, $f failed, $s skipped")
  if [ "$status" -ne 0 ] && [ "$f" -eq 0 ]; then
    stage_failed "$stage" "meson test exited with status $status"
  fi
}

# run_tests STAGE DIR LOG MESON-TEST-ARGUMENTS…
run_tests() {
  local stage=$1 dir=$2 log=$3 status=0
  shift 3
  rm -f "$dir/meson-logs/$log"
  meson test -C "$dir" --print-errorlogs "$@" || status=$?
  count_log "$stage" "$dir/meson-logs/$log" "$status"
}

echo "== Dependencies"
bash tools/deps.sh || stage_failed "dependencies" "tools/deps.sh failed"

echo "== Build and test (build/)"
build_ok=true
if prepare_build build werror=true; then
  run_tests "build/" build testlog.json
else
  build_ok=false
  stage_failed "build/" "setup or build failed"
fi

echo "== AddressSanitizer and UndefinedBehaviorSanitizer (build-asan/)"
if prepare_build build-asan werror=true b_sanitize=address,undefined b_lundef=false; then
  # The slow unwinder gives LeakSanitizer whole stacks through GLib, which is
  # built without frame pointers, so that tests/lsan.supp can match them;
  # the list of suppressions used stays off stderr, which tests compare.
  ASAN_OPTIONS=detect_leaks=1:abort_on_error=1:fast_unwind_on_malloc=0 \
  LSAN_OPTIONS="suppressions=$PWD/tests/lsan.supp:print_suppressions=0" \
  UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
  PW_TEST_QUICK=1 \
    run_tests "build-asan/" build-asan testlog.json --no-suite ui --no-suite data \
      --timeout-multiplier "${PW_TEST_TIMEOUT_MULTIPLIER:-5}"
else
  stage_failed "build-asan/" "setup or build failed"
fi

echo "== valgrind (build/)"
if $build_ok; then
  run_tests "valgrind" build testlog-valgrind.json --setup=valgrind --no-suite ui --no-suite data
else
  stage_failed "valgrind" "not run: build/ did not build"
fi

echo
for line in "${summary[@]}"; do
  echo "  $line"
done
echo "$passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ]
