#!/usr/bin/env bash
# Sets everything up and starts Phasewise from the build folder; its welcome
# page offers the bundled example workbook.
set -euo pipefail
cd "$(dirname "$0")/.."

bash tools/deps.sh
if [ ! -f build/build.ninja ]; then
  meson setup build
fi
meson compile -C build
GSETTINGS_SCHEMA_DIR="$PWD/build/data" exec ./build/src/phasewise "$@"
