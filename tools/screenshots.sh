#!/usr/bin/env bash
# Renders the real window to PNG under a virtual display: the welcome page,
# the profile and a dimension page of the wizard, the review and the result,
# the map, the policy checklist and the report, in light and dark, at
# 1280×800 and 800×600, and pages of the PDF report.  Output: data/screenshots/.
# With LANGUAGE set (e.g. LANGUAGE=de), the window is shown in that language,
# using the translations of the build folder.
set -euo pipefail
cd "$(dirname "$0")/.."

bash tools/deps.sh
if [ ! -f build/build.ninja ]; then
  meson setup build
fi
meson compile -C build

out=${1:-data/screenshots}
mkdir -p "$out"
home=$(mktemp -d)
trap 'rm -rf "$home"' EXIT
# The build's translations (build/po/LANG/LC_MESSAGES/), as tools/run.sh uses
# them.  LC_ALL=C.UTF-8 below keeps LANGUAGE working: glibc ignores it under
# the C locale.
locales="$PWD/build/po"

for size in 1280x800 800x600; do
  for style in light dark; do
    HOME="$home" XDG_DATA_HOME="$home/data" XDG_CONFIG_HOME="$home/config" \
    GSETTINGS_BACKEND=memory GSETTINGS_SCHEMA_DIR=build/data GSK_RENDERER=cairo \
    GDK_BACKEND=x11 NO_AT_BRIDGE=1 PHASEWISE_LOCALEDIR="$locales" LC_ALL=C.UTF-8 \
      xvfb-run -a -s "-screen 0 1400x1000x24" \
      build/tests/phasewise-screenshots "$out" "${size%x*}" "${size#*x}" "$style"
  done
done

# The first three pages of the example's PDF report, as the command line
# exports it (the report is dated today), and its page of the overall result
pdf="$home/report.pdf"
PW_FRAMEWORK_DIR=data/frameworks PHASEWISE_LOCALEDIR="$locales" LC_ALL=C.UTF-8 \
  build/src/phasewise --export pdf data/examples/larkspur.phasewise -o "$pdf"
pdftoppm -png -r 60 -f 1 -l 3 "$pdf" "$out/report-pdf"
pdftoppm -png -r 60 -f 5 -l 5 "$pdf" "$out/report-pdf"
ls "$out"/report-pdf-*.png
