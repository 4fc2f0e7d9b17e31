#!/usr/bin/env python3
"""Checks the Flatpak manifest: valid JSON, a numbered runtime, finish-args exactly
as the project allows (no --filesystem), and every module's sources pinned."""
import json
import sys

ALLOWED = ["--share=ipc", "--socket=wayland", "--socket=fallback-x11", "--device=dri",
           "--share=network"]

path = sys.argv[1]
with open(path, encoding="utf-8") as f:
    manifest = json.load(f)

problems = []
if manifest.get("id") != "io.github.phasewise.Phasewise":
    problems.append("id is not io.github.phasewise.Phasewise")
if manifest.get("runtime") != "org.gnome.Platform" or manifest.get("sdk") != "org.gnome.Sdk":
    problems.append("runtime and sdk must be org.gnome.Platform and org.gnome.Sdk")
if not str(manifest.get("runtime-version", "")).isdigit():
    problems.append("runtime-version must be a numbered GNOME release, not %r"
                    % manifest.get("runtime-version"))
if manifest.get("finish-args") != ALLOWED:
    problems.append("finish-args must be exactly %s" % ALLOWED)
if any(a.startswith("--filesystem") for a in manifest.get("finish-args", [])):
    problems.append("--filesystem is not allowed")

modules = manifest.get("modules", [])
if not modules or modules[-1].get("name") != "phasewise":
    problems.append("the last module must be phasewise")
for module in modules:
    if isinstance(module, str):
        problems.append("module %s is an external file; keep modules inline" % module)
        continue
    for source in module.get("sources", []):
        kind = source.get("type")
        if module.get("name") == "phasewise":
            if kind != "dir":
                problems.append("the phasewise module builds from the repository (a dir source)")
        elif kind in ("archive", "file") and "sha256" not in source:
            problems.append("%s: %s source without sha256" % (module["name"], kind))
        elif kind == "git" and "commit" not in source:
            problems.append("%s: git source without a commit" % module["name"])
        elif kind not in ("archive", "file", "git", "patch"):
            problems.append("%s: source type %s" % (module["name"], kind))

app = modules[-1] if modules else {}
if app.get("test-args") != ALLOWED:
    problems.append("test-args must match finish-args")

for p in problems:
    print("%s: %s" % (path, p))
if not problems:
    print("%s: %d modules, runtime %s %s, all sources pinned"
          % (path, len(modules), manifest["runtime"], manifest["runtime-version"]))
sys.exit(1 if problems else 0)
