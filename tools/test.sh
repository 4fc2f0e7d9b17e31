#!/usr/bin/env bash
# Sets everything up and runs the whole test suite, as CI does:
#   1. installs the build dependencies (Debian 12),
#   2. builds with --werror and runs every test,
#   3. runs the core suite again in an AddressSanitizer/UndefinedBehaviorSanitizer build,
#   4. runs the core suite under valgrind.
# The window test (suite "ui", under Xvfb) runs in the normal build only: under
# the sanitizers and valgrind GTK itself takes minutes and reports its own leaks.
# So do the checks of data files and packaging (suite "data"): they run tools,
# not our code.
# Any failure, leak or sanitizer report fails the run.
set -euo pipefail
cd "$(dirname "$0")/.."

bash tools/deps.sh

echo "== Build and test (build/)"
if [ ! -f build/build.ninja ]; then
  meson setup build --werror
fi
meson compile -C build
meson test -C build --print-errorlogs

echo "== AddressSanitizer and UndefinedBehaviorSanitizer (build-asan/)"
if [ ! -f build-asan/build.ninja ]; then
  meson setup build-asan --werror -Db_sanitize=address,undefined -Db_lundef=false
fi
meson compile -C build-asan
# The slow unwinder gives LeakSanitizer whole stacks through GLib, which is
# built without frame pointers, so that tests/lsan.supp can match them.
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1:fast_unwind_on_malloc=0 \
LSAN_OPTIONS="suppressions=$PWD/tests/lsan.supp" \
UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
  meson test -C build-asan --print-errorlogs --no-suite ui --no-suite data

echo "== valgrind (build/)"
meson test -C build --setup=valgrind --print-errorlogs --no-suite ui --no-suite data

# One closing line over the three runs, counted from meson's logs.
python3 - build/meson-logs/testlog.json build-asan/meson-logs/testlog.json \
  build/meson-logs/testlog-valgrind.json <<'PY'
import json, sys
passed = failed = skipped = 0
for path in sys.argv[1:]:
    for line in open(path):
        result = json.loads(line)["result"]
        if result == "SKIP":
            skipped += 1
        elif result in ("OK", "EXPECTEDFAIL"):
            passed += 1
        else:
            failed += 1
print(f"{passed} passed, {failed} failed, {skipped} skipped")
PY
