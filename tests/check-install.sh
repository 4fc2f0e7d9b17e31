#!/usr/bin/env bash
# Installs into a temporary folder and runs the installed program on the
# installed example workbook.
set -eu
build=$1
dest=$(mktemp -d)
trap 'rm -rf "$dest"' EXIT

meson install -C "$build" --destdir "$dest" --quiet >/dev/null
prefix=$(meson introspect "$build" --buildoptions | python3 -c 'import json,sys; print([o["value"] for o in json.load(sys.stdin) if o["name"]=="prefix"][0])')
root="$dest$prefix"

for f in bin/phasewise \
         share/applications/io.github.phasewise.Phasewise.desktop \
         share/metainfo/io.github.phasewise.Phasewise.metainfo.xml \
         share/glib-2.0/schemas/io.github.phasewise.Phasewise.gschema.xml \
         share/mime/packages/io.github.phasewise.Phasewise.xml \
         share/icons/hicolor/scalable/apps/io.github.phasewise.Phasewise.svg \
         share/icons/hicolor/symbolic/apps/io.github.phasewise.Phasewise-symbolic.svg \
         share/phasewise/frameworks/lostinsm.json \
         share/phasewise/examples/larkspur.phasewise; do
  [ -e "$root/$f" ] || { echo "not installed: $f"; exit 1; }
done
for lang in $(grep -v '^#' "$(dirname "$0")/../po/LINGUAS"); do
  [ -e "$root/share/locale/$lang/LC_MESSAGES/phasewise.mo" ] || { echo "not installed: $lang .mo"; exit 1; }
done

"$root/bin/phasewise" --version | grep -q '^phasewise '
"$root/bin/phasewise" --summary "$root/share/phasewise/examples/larkspur.phasewise" | grep -q 'The Integrators'
"$root/bin/phasewise" --validate "$root/share/phasewise/examples/larkspur.phasewise" >/dev/null
# The translations work: German phase names in the summary.
if grep -qx de "$(dirname "$0")/../po/LINGUAS"; then
  PHASEWISE_LOCALEDIR="$root/share/locale" LANGUAGE=de LC_ALL=C.UTF-8 \
    "$root/bin/phasewise" --summary "$root/share/phasewise/examples/larkspur.phasewise" > "$dest/de.txt"
  grep -q 'Die Integrierer' "$dest/de.txt" || { echo "no German phase name under LANGUAGE=de:"; head -12 "$dest/de.txt"; exit 1; }
  grep -q 'Die Suchenden' "$dest/de.txt" || { echo "no German phase name under LANGUAGE=de"; exit 1; }
fi

echo "installed into $root: all files present, the installed program reads the installed example"
