#!/usr/bin/env bash
# session-bus.sh LOG COMMAND [ARG…]
#
# Runs COMMAND on a private D-Bus session bus.  The bus daemon, and the
# services it starts on demand (the accessibility bus launcher and registry
# that GTK asks for), write to LOG: COMMAND's standard output carries a TAP
# stream and stays COMMAND's alone.  The daemon is stopped when COMMAND
# ends.  The exit status is COMMAND's.
set -euo pipefail

if [ $# -lt 2 ]; then
  echo "usage: $0 LOG COMMAND [ARG…]" >&2
  exit 2
fi
log=$1
shift

tmp=$(mktemp -d)
daemon=
stop_daemon() {
  if [ -n "$daemon" ]; then
    kill "$daemon" 2>/dev/null || true
    wait "$daemon" 2>/dev/null || true
  fi
  rm -rf "$tmp"
}
trap stop_daemon EXIT

mkfifo "$tmp/address"
dbus-daemon --session --nofork --print-address=3 3>"$tmp/address" </dev/null >"$log" 2>&1 &
daemon=$!
if ! read -r address <"$tmp/address" || [ -z "$address" ]; then
  echo "$0: the D-Bus session daemon did not start; see $log" >&2
  exit 1
fi

export DBUS_SESSION_BUS_ADDRESS=$address
status=0
"$@" || status=$?
exit "$status"
