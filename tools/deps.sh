#!/usr/bin/env bash
# Installs what Phasewise needs to build and test on Debian 12 (bookworm),
# starting from a minimal system.  Safe to run again: it does nothing when
# everything is there.
set -euo pipefail

packages=(
  # the build
  meson ninja-build gcc pkg-config gettext python3
  libglib2.0-dev libglib2.0-bin libjson-glib-dev
  libgtk-4-dev libadwaita-1-dev
  libcmark-dev        # the facilitator's Markdown in reports
  libxml2-utils       # xmllint, for the xml-stripblanks of the GResource
  # the tests and tools/*.sh
  valgrind strace
  poppler-utils       # pdfinfo, pdffonts, pdftotext, pdftoppm, pdfimages: the PDF report test
  xvfb xauth          # xvfb-run: the window test and the screenshots
  dbus-daemon         # the window test's private session bus
  at-spi2-core        # the accessibility bus that GTK asks the session bus for
  python3-pyatspi     # the accessibility test reads names with it (tests/test-a11y.py)
  librsvg2-common     # SVG icons
  desktop-file-utils appstream
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

sudo=""
if [ "$(id -u)" -ne 0 ]; then
  if ! command -v sudo >/dev/null; then
    echo "These Debian packages are missing: ${missing[*]}" >&2
    echo "Install them as root (apt-get install ${missing[*]}), or install sudo, then run this again." >&2
    exit 1
  fi
  sudo="sudo"
fi

echo "Installing: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
if ! $sudo apt-get install -y -q "${missing[@]}"; then
  $sudo apt-get update -q
  $sudo apt-get install -y -q "${missing[@]}"
fi
