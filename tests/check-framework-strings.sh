#!/usr/bin/env bash
# The framework's texts extracted for translation are those of the framework.
set -eu
cd "$1"
if ! python3 tools/extract-framework-strings.py data/frameworks/lostinsm.json data/frameworks/lostinsm-1.0.0.json | cmp -s - data/frameworks/lostinsm-strings.h; then
  echo "data/frameworks/lostinsm-strings.h is out of date: run"
  echo "  tools/extract-framework-strings.py data/frameworks/lostinsm.json data/frameworks/lostinsm-1.0.0.json > data/frameworks/lostinsm-strings.h"
  exit 1
fi
echo "data/frameworks/lostinsm-strings.h: $(grep -c 'N_(' data/frameworks/lostinsm-strings.h) texts, up to date"
