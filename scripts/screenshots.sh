#!/usr/bin/env bash
# Starts Sportello under a virtual X server on fictional demo data and saves
# PNGs of the main screens to OUTDIR, as an operator would see them on a
# 1366×768 laptop: the login, Today, the person list with a case open, the
# registration form with its type-ahead and refusing bad input, the plan
# editor and it refusing 31/02/2020, the open referrals, the settings and the
# languages table, activities, data exchange, the skills profile in Italian
# and Arabic, the interview in Arabic (bilingual, by keyboard with the focus
# ring, operator-only), the person view in Bengali; then the same case and
# plan on a 1024×600 screen.
# Usage: screenshots.sh BINARY OUTDIR
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
Xvfb :97 -screen 0 1366x768x24 -nolisten tcp >/dev/null 2>&1 & xvfb=$!
sleep 1
W=1366 H=768
start() {
  "$bin" --db "$db" >"$work/app.log" 2>&1 & app=$!
  wid=""
  for _ in $(seq 1 60); do
    wid=$(xdotool search --name '^Sportello$' 2>/dev/null | head -1 || true)
    [ -n "$wid" ] && break
    sleep 0.5
  done
  [ -n "$wid" ] || { echo "the window did not appear" >&2; cat "$work/app.log" >&2; exit 1; }
  xdotool windowmove "$wid" 0 0 windowsize "$wid" $W $H
  sleep 2
}
shot() { sleep 1.2; import -window root -crop ${W}x${H}+0+0 +repage "$out/$1.png"; echo "saved $out/$1.png"; }
typ() { xdotool type --delay 30 "$1"; sleep 0.3; }
click() { xdotool mousemove "$1" "$2" click 1; sleep 0.8; }
# drag the scroll bar at x from y1 to y2 (the mouse wheel moves Fyne's lists a few pixels a turn under Xvfb)
drag() { xdotool mousemove "$1" "$2" sleep 0.3 mousedown 1 sleep 0.2 mousemove "$1" $(( ($2 + $3) / 2 )) sleep 0.2 mousemove "$1" "$3" sleep 0.2 mouseup 1; sleep 0.8; }
find() { click 230 146; xdotool key ctrl+a; typ "$1"; sleep 1.2; click 100 224; sleep 1; }   # search, open the first found

start
shot login
typ giulia; xdotool key Tab; typ sportello-demo; xdotool key Return
sleep 3
shot today                      # the start screen: what is due
find ahmadi                     # search without caring for case
shot persons
# The plan editor refusing a day that does not exist, on the field, nothing saved.
click 545 274                   # Action plan
shot plan
click 780 567; xdotool key ctrl+a; typ "31/02/2020"
drag 1359 300 760
click 918 618                   # Save draft
drag 1359 650 150
shot plan-refuses-date
click 40 101                    # Today: leaving asks first
shot plan-leave-asks
click 766 430                   # leave without saving
# Registration: type-ahead, citizenship proposed, every error at once.
click 1218 61                   # New person
click 1030 236; typ "Ayesha"    # given name, but no family name
click 1000 392; typ "31/02/2020"
click 1030 431; xdotool type --delay 60 "pak"; sleep 1
shot register-typeahead
xdotool key Return              # Pakistan; citizenship proposed
click 566 742                   # Register
shot register
click 699 742                   # Cancel
click 140 101                   # Open referrals
shot referrals
click 615 101                   # Settings
shot settings
click 580 147                   # Settings > Languages
drag 1359 330 470               # the list of languages, down to the Arabic-script ones
shot languages
click 500 101                   # Activities
shot activities
click 743 101                   # Data exchange
shot exchange
# The programme's indicators against the targets, and a target refused on its fields.
click 866 101                   # Indicators (the coordinator's)
sleep 2
shot indicators-it
click 606 101                   # Settings
click 710 147                   # Settings > Programme targets
click 1000 461; click 745 252   # indicator: People hired
click 1000 500; typ abc         # a number that does not read
click 1000 540; typ "31/02/2026"
click 1000 579; typ "31/12/2026"
click 567 618                   # Add: refused on the fields, nothing saved
shot indicators-targets-it
# The skills profile of a person interviewed in Arabic, proposed from the interview.
find "el amrani"
click 1190 274                  # Skills
sleep 1
shot skills-profile
click 1060 620; click 800 595   # Listening: A2, described in Italian and in Arabic
shot skills-profile-ar
# An interview in Arabic, by keyboard: Space chooses, Tab moves, the focus ringed.
find benali
click 550 234                   # New interview
click 1000 307; typ "Samira Belkacem"   # mediator
click 915 425                   # Start
sleep 1
shot interview-bilingual-ar
xdotool key space; sleep 0.3; xdotool key Tab Tab Tab Tab; sleep 0.2; xdotool key space
sleep 0.3; xdotool key Tab Tab Tab Tab
shot interview-keyboard-ar
xdotool key ctrl+2
shot interview-operator-ar
xdotool key ctrl+1
click 1145 742                  # Pause
# The person view in Bengali, resuming an interview left in progress.
find akter
click 550 234                   # Resume the interview
sleep 1
xdotool key ctrl+3
sleep 1.5; import -window root "$out/interview-person-bn.png"; echo "saved $out/interview-person-bn.png"
xdotool key ctrl+1
click 1145 742                  # Pause
# The same case and its plan on a 1024×600 screen.
kill "$app" "$xvfb"; wait 2>/dev/null || true
W=1024 H=600
Xvfb :97 -screen 0 ${W}x${H}x24 -nolisten tcp >/dev/null 2>&1 & xvfb=$!
sleep 1
start
typ giulia; xdotool key Tab; typ sportello-demo; xdotool key Return
sleep 3
find ahmadi
shot small-screen-case
click 420 274                   # Action plan
shot small-screen-plan
