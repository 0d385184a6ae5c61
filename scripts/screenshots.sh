#!/usr/bin/env bash
# Starts Sportello under a virtual X server on fictional demo data and saves
# PNGs of the main screens to OUTDIR: the login, the person list with a
# search and a case open, the registration form refusing bad input, the
# settings and the languages table, and the interview in its three views
# (bilingual and operator-only in Arabic, the person view in Bengali) and a
# screening result with its reasons. Usage: screenshots.sh BINARY OUTDIR
set -euo pipefail
bin=$(realpath "$1"); out=$(realpath -m "$2")
mkdir -p "$out"
work=$(mktemp -d)
cleanup() { kill "${app:-}" "${xvfb:-}" 2>/dev/null || true; wait 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
export HOME="$work" XDG_CONFIG_HOME="$work/config" XDG_DATA_HOME="$work/data"
export SPORTELLO_LANG=it FYNE_THEME=light
db="$work/demo.db"
"$bin" demo --db "$db" --persons 60 >/dev/null

export DISPLAY=:97
Xvfb :97 -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 & xvfb=$!
sleep 1
"$bin" --db "$db" >"$work/app.log" 2>&1 & app=$!
wid=""
for _ in $(seq 1 60); do
  wid=$(xdotool search --name '^Sportello$' 2>/dev/null | head -1 || true)
  [ -n "$wid" ] && break
  sleep 0.5
done
[ -n "$wid" ] || { echo "the window did not appear" >&2; cat "$work/app.log" >&2; exit 1; }
xdotool windowmove "$wid" 0 0 windowsize "$wid" 1100 760
sleep 2

# The window is 1100×760 at the top left; the positions below are its widgets'
# as they were in a 1100×720 window. Once signed in, a demo desk shows its
# band (40 points) over every screen: dy moves every click below it.
dy=0
shot() { sleep 1.2; import -window root -crop 1100x760+0+0 +repage "$out/$1.png"; echo "saved $out/$1.png"; }
typ() { xdotool type --delay 30 "$1"; sleep 0.3; }
click() { xdotool mousemove "$1" $(( $2 + dy )) click 1; sleep 0.8; }

shot login
typ giulia; xdotool key Tab; typ sportello-demo; xdotool key Return
sleep 2
dy=40
shot today                      # the start screen: what is due
click 188 107; typ "ahmadi"     # search without caring for case
sleep 1
click 150 190                   # the first match
shot persons
xdotool mousemove 700 500
for _ in $(seq 1 40); do xdotool click 5; done   # scroll to the interviews
shot case
click 817 22                    # New person
click 850 196; typ "Awa"        # given name, but no family name
click 850 353; typ "2030-01-01" # a birth date in the future
click 850 627; typ "DLLWAA90A41Z343X" # a codice fiscale with a wrong check letter
click 475 693                   # Register
shot register
click 960 22                    # Settings
shot settings
click 490 107                   # Settings > Languages
xdotool mousemove 740 400
for _ in $(seq 1 38); do xdotool click 5; done   # down to the Arabic-script languages
shot languages
# The action plan being changed into a second version, and the open referrals.
click 188 107; xdotool key ctrl+a; typ "zhang jun"
sleep 1
click 150 190
click 453 195                   # Action plan
shot plan
click 140 62                    # Open referrals
shot referrals
# An interview in Arabic: bilingual, then operator only.
click 188 107; xdotool key ctrl+a; typ "benali"
sleep 1
click 150 190                   # the person
click 910 111                   # New interview (case header)
click 850 228; typ "Samira Belkacem"   # mediator
click 737 365                   # Start
sleep 1
click 270 440                   # "Someone keeps your documents?" yes
shot interview-bilingual-ar
xdotool key ctrl+2
shot interview-operator-ar
xdotool key ctrl+1
click 957 693                   # Pause
# The person view in Bengali, resuming an interview left in progress.
click 188 107; xdotool key ctrl+a; typ "akter"
sleep 1
click 150 190
click 898 111                   # Resume the interview
sleep 1
xdotool key ctrl+3
sleep 1.5; import -window root "$out/interview-person-bn.png"; echo "saved $out/interview-person-bn.png"
xdotool key ctrl+1
click 957 693                   # Pause
# A past screening with its reasons (a fictional case that meets the Delphi rule).
click 188 107; xdotool key ctrl+a; typ "tazi"
sleep 1
click 150 190
xdotool mousemove 740 500
for _ in $(seq 1 30); do xdotool click 5; done
sleep 1
click 1042 593                  # Screening of the second interview
shot screening
