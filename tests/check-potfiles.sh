#!/usr/bin/env bash
# Every file listed in po/POTFILES.in exists, the list is sorted, and every
# source file with translatable strings is listed.
set -eu
cd "$1"
status=0
listed=$(grep -v '^#' po/POTFILES.in | grep -v '^$')

for f in $listed; do
  [ -f "$f" ] || { echo "POTFILES.in lists $f, which does not exist"; status=1; }
done

if [ "$listed" != "$(printf '%s\n' $listed | LC_ALL=C sort)" ]; then
  echo "POTFILES.in is not sorted"; status=1
fi

for f in $(grep -l -E '\b(N?_|C_|g_dngettext|ngettext)\s*\(' src/*.c src/core/*.c) \
         $(grep -l 'translatable="yes"' ui/*.ui ui/gtk/*.ui) \
         $(ls data/*.desktop.in.in data/*.metainfo.xml.in.in data/*.gschema.xml); do
  printf '%s\n' $listed | grep -qx "$f" || { echo "$f has translatable strings but is not in POTFILES.in"; status=1; }
done

[ $status -eq 0 ] && echo "POTFILES.in: $(printf '%s\n' $listed | wc -l) files, complete and sorted"
exit $status
