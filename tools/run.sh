#!/usr/bin/env bash
# Sets everything up and runs Phasewise on the bundled example workbook.
set -euo pipefail
cd "$(dirname "$0")/.."

bash tools/deps.sh
if [ ! -f build/build.ninja ]; then
  meson setup build
fi
meson compile -C build
./build/src/phasewise --summary data/examples/larkspur.phasewise
