#!/usr/bin/env bash
# Sets everything up and starts Phasewise from the build folder; its welcome
# page offers the bundled example workbook.  Arguments go to the program:
#   bash tools/run.sh [FILE…]                    the window, with these workbooks
#   bash tools/run.sh --summary FILE             a command-line mode (no display needed)
#   LANGUAGE=de bash tools/run.sh                in German, from the build's translations
set -euo pipefail
cd "$(dirname "$0")/.."

# Setting up and building report on stderr: stdout is the program's, e.g.
# for bash tools/run.sh --summary --json FILE > summary.json
{
  bash tools/deps.sh
  if [ ! -f build/build.ninja ]; then
    meson setup build
  fi
  meson compile -C build
} >&2

# The command-line modes need no display; everything else opens the window.
needs_display=true
for arg in "$@"; do
  case $arg in
    --) break ;;
    --validate | --summary | --json | --version | -h | --help | --help-*)
      needs_display=false ;;
  esac
done

if $needs_display && [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
  cat >&2 <<EOF
Phasewise is built (build/src/phasewise), but it needs a graphical session to
show its window, and there is none here: neither DISPLAY nor WAYLAND_DISPLAY
is set.

- Run this command again from a terminal in your desktop session (GNOME, or
  any Wayland or X11 desktop).
- Over ssh, forward X11: ssh -X, then run it again.
- To see it start without a screen, under a virtual display (nothing is
  shown; close it with Ctrl+C):
    xvfb-run -a dbus-run-session bash tools/run.sh
- The command-line modes need no display:
    bash tools/run.sh --validate FILE…
    bash tools/run.sh --summary [--json] FILE
    bash tools/run.sh --help
EOF
  exit 1
fi

# The build's settings schema and translations (build/po/LANG/LC_MESSAGES/),
# as an installed Phasewise finds them under its prefix.
export GSETTINGS_SCHEMA_DIR="$PWD/build/data"
export PHASEWISE_LOCALEDIR="$PWD/build/po"

# glibc ignores LANGUAGE while the messages locale is C or POSIX (also when
# no locale is set at all).  C.UTF-8, which every Debian has, is the same
# locale and honours it.
if [ -n "${LANGUAGE:-}" ]; then
  case ${LC_ALL:-${LC_MESSAGES:-${LANG:-C}}} in
    C | POSIX)
      if [ -n "${LC_ALL:-}" ]; then
        export LC_ALL=C.UTF-8
      else
        case ${LC_MESSAGES:-} in C | POSIX) export LC_MESSAGES=C.UTF-8 ;; esac
        case ${LANG:-C} in C | POSIX) export LANG=C.UTF-8 ;; esac
      fi
      ;;
  esac
fi

exec ./build/src/phasewise "$@"
