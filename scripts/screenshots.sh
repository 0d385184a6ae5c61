#!/usr/bin/env bash
# Starts Sportello under a virtual X server on fictional demo data and saves
# PNGs of the main screens: login, person list with a case open, the
# registration form with its errors, settings. Usage: screenshots.sh BINARY OUTDIR
set -euo pipefail
bin=$(realpath "$1"); out=$(realpath -m "$2")
mkdir -p "$out"
work=$(mktemp -d); trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$work"' EXIT
export HOME="$work" XDG_CONFIG_HOME="$work/config" XDG_DATA_HOME="$work/data"
export SPORTELLO_LANG=it
db="$work/demo.db"
"$bin" demo --db "$db" --persons 60 >/dev/null

export DISPLAY=:97
Xvfb :97 -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 &
sleep 1
"$bin" --db "$db" >/dev/null 2>&1 &
wid=""
for _ in $(seq 1 60); do
  wid=$(xdotool search --name '^Sportello$' 2>/dev/null | head -1) && [ -n "$wid" ] && break
  sleep 0.5
done
[ -n "$wid" ] || { echo "the window did not appear" >&2; exit 1; }
xdotool windowsize "$wid" 1280 800 windowmove "$wid" 0 0
sleep 2
shot() { sleep 1.5; import -window root "$out/$1.png"; echo "saved $out/$1.png"; }
key() { xdotool key --window "$wid" "$@"; sleep 0.3; }
typ() { xdotool type --delay 40 "$1"; sleep 0.3; }
click() { xdotool mousemove "$1" "$2" click 1; sleep 0.8; }

shot login
typ giulia; key Tab; typ sportello-demo; key Return
sleep 2
shot persons
# Search without accents, then open the first match.
click 200 75; typ "traore"
sleep 1
click 200 160
shot case
# The registration form, submitted with mistakes.
xdotool search --name '^Sportello$' >/dev/null
click "${REGISTER_X:-905}" "${REGISTER_Y:-22}"
sleep 1
shot register
